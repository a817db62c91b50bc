import { describe, expect, it } from 'vitest';
import { checkGtin, gtinCheckDigit } from '../../server/lib/identifiers.js';

describe('GS1 barcodes (GTIN-8/12/13/14)', () => {
  it.each(['4006381333931', '036000291452', '96385074', '6901234567892', '10012345678902'])(
    'accepts %s with a correct check digit', (code) => {
      expect(checkGtin(code)).toEqual({ code, wellFormed: true, checkOk: true });
    });
  it('flags a well-formed barcode whose check digit is wrong', () => {
    expect(checkGtin('6901234567893')).toEqual({ code: '6901234567893', wellFormed: true, checkOk: false });
  });
  it.each(['69012345AB', '69012345abc', '123456789', '1234567890', '12345678901', '123456789012345', '', '6901234567 89x'])(
    'refuses %s as malformed', (code) => {
      expect(checkGtin(code)).toMatchObject({ wellFormed: false, checkOk: false });
    });
  it('drops spaces typed between digits', () => {
    expect(checkGtin(' 690 1234 567892 ')).toEqual({ code: '6901234567892', wellFormed: true, checkOk: true });
  });
  it('computes the check digit from the right with weights 3, 1, 3, 1 …', () => {
    expect(gtinCheckDigit('690123456789')).toBe('2');
    expect(gtinCheckDigit('9638507')).toBe('4');
    expect(() => gtinCheckDigit('12ab')).toThrow(RangeError);
  });
});
