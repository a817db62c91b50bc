import { describe, expect, it } from 'vitest';
import { checkCreditCode, isValidIdNumber, normaliseMobile, passesLuhn } from '../../server/lib/identifiers.js';

describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350200776049653A', '91440101MA5CJQ4N59', '9135021359498494XQ', '91350213678251743X'])(
    'accepts %s with a correct check character', (code) => {
      expect(checkCreditCode(code)).toEqual({ code, wellFormed: true, checkOk: true });
    });
  it('normalises to upper case before checking', () => {
    expect(checkCreditCode('91440101ma5cjq4n59')).toMatchObject({ code: '91440101MA5CJQ4N59', checkOk: true });
  });
  it('flags a well-formed code whose check character is wrong', () => {
    expect(checkCreditCode('91350203M0001QAY9B')).toMatchObject({ wellFormed: true, checkOk: false });
  });
  it.each(['9144010IMA5CJQ4N59', '91440101MA5CJQ4N5', '91440101MA5CJQ4N590', '91440101MA5CJQ4NS9'])(
    'finds %s malformed', (code) => {
      expect(checkCreditCode(code).wellFormed).toBe(false);
    });
});

describe('resident ID number (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '34052419800101001X', '11010519491231002x'])('accepts %s', (id) => {
    expect(isValidIdNumber(id)).toBe(true);
  });
  it.each(['340524198001010013', '110105194912310021', '11010519491331002X', '1101051949123100'])('rejects %s', (id) => {
    expect(isValidIdNumber(id)).toBe(false);
  });
});

describe('mobile numbers and bank cards', () => {
  it.each([['13800138000', '13800138000'], ['+8613800138000', '13800138000'], ['86 138 0013 8000', '13800138000'], ['12800138000', null], ['1380013800', null]])(
    'normalises %s to %s', (input, expected) => {
      expect(normaliseMobile(input)).toBe(expected);
    });
  it('applies the Luhn check', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
  });
});
