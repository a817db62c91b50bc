import { describe, expect, it } from 'vitest';
import { newPseudonym, pseudonymFromBytes, pseudonymFromIndices } from '../../server/identity/pseudonym.js';
import { isFullReceipt, receiptDigitsFromBytes } from '../../server/identity/receipt.js';
import {
  checkCreditCode, CREDIT_CODE_ALPHABET, creditCodeCheckChar, idNumberCheckChar, isValidIdNumber,
} from '../../server/lib/identifiers.js';

const PSEUDONYM = /^R-[346789ABCDEFGHJKMNPQRTUVWXY]{4}$/;

describe('check character of a credit code body (GB 32100-2015)', () => {
  it.each(['91350200776049653A', '91440101MA5CJQ4N59', '9135021359498494XQ', '91350213678251743X'])(
    'gives the last character of %s', (code) => {
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
    });
  it('agrees with checkCreditCode for any body made of the alphabet', () => {
    for (let n = 0; n < 200; n++) {
      const body = '91' + Array.from({ length: 15 }, (_, i) => CREDIT_CODE_ALPHABET[(n * 7 + i * 13) % 31]).join('');
      const check = creditCodeCheckChar(body);
      expect(checkCreditCode(body + check).checkOk).toBe(true);
      const wrong = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(check) + 1) % 31];
      expect(checkCreditCode(body + wrong)).toMatchObject({ wellFormed: true, checkOk: false });
    }
  });
  it.each(['91440101MA5CJQ4N', '91440101MA5CJQ4N59', '91440101MA5CJQ4NO'])('refuses the body %s', (body) => {
    expect(() => creditCodeCheckChar(body)).toThrow(RangeError);
  });
});

describe('check character of an ID number body (GB 11643-1999)', () => {
  it.each(['11010519491231002X', '34052419800101001X', '440106199001011235', '110101198001010010'])(
    'gives the last character of %s', (id) => {
      expect(idNumberCheckChar(id.slice(0, 17))).toBe(id[17]);
      expect(isValidIdNumber(id)).toBe(true);
    });
  it('answers X for a remainder of 2', () => {
    expect(idNumberCheckChar('11010519491231002')).toBe('X');
  });
  it.each(['1101051949123100', '11010519491231002X', '1101051949123100A'])('refuses the body %s', (body) => {
    expect(() => idNumberCheckChar(body)).toThrow(RangeError);
  });
});

describe('pseudonyms', () => {
  it('spells indices with the alphabet read aloud on the phone', () => {
    expect(pseudonymFromIndices([0, 1, 2, 26])).toBe('R-346Y');
    expect(pseudonymFromIndices([6, 26, 11, 0])).toBe('R-AYF3');
  });
  it.each([[[0, 1, 2]], [[0, 1, 2, 27]], [[0, 1, -1, 2]], [[0, 1, 2, 1.5]]])('refuses the indices %j', (indices) => {
    expect(() => pseudonymFromIndices(indices)).toThrow(RangeError);
  });
  it('takes each byte below 243 modulo 27 and skips the rest, so each symbol is as likely', () => {
    expect(pseudonymFromBytes(Uint8Array.from([0, 27, 243, 255, 28, 242]))).toBe('R-334Y');
    expect(pseudonymFromBytes(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]))).toBe('R-4678');
  });
  it('answers null when fewer than four bytes are usable', () => {
    expect(pseudonymFromBytes(Uint8Array.from([1, 2, 250, 3]))).toBeNull();
    expect(pseudonymFromBytes(new Uint8Array(0))).toBeNull();
  });
  it('makes new pseudonyms of four symbols from the alphabet', () => {
    for (let i = 0; i < 50; i++) expect(newPseudonym()).toMatch(PSEUDONYM);
  });
});

describe('receipt digits from random bytes', () => {
  it('keeps bytes below 250 as their last digit and stops at 16', () => {
    const bytes = Uint8Array.from([0, 9, 10, 249, 250, 255, 123, 45, 67, 89, 101, 202, 33, 44, 55, 66, 77, 88, 99]);
    const digits = receiptDigitsFromBytes('', bytes);
    expect(digits).toBe('0909357912345678');
    expect(isFullReceipt(digits)).toBe(true);
    expect(receiptDigitsFromBytes(digits, Uint8Array.from([1, 2]))).toBe(digits);
  });

  it('continues a short draw', () => {
    const first = receiptDigitsFromBytes('', Uint8Array.from([251, 252, 3]));
    expect(first).toBe('3');
    expect(isFullReceipt(first)).toBe(false);
    expect(receiptDigitsFromBytes(first, Uint8Array.from([4]))).toBe('34');
  });
});
