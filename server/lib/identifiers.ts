/** Chinese identifier checks (pure); check values in tests/unit/identifiers.test.ts. */

/** GB 32100-2015: the 31 symbols of a unified social credit code (no I O S V Z). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck = { code: string; wellFormed: boolean; checkOk: boolean };

/** The check character of a credit code's first 17 characters (upper case, from the alphabet). */
export function creditCodeCheckChar(body: string): string {
  if (body.length !== 17) throw new RangeError('a credit code body has 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(body[i]!);
    if (value < 0) throw new RangeError(`'${body[i]}' is not in the credit code alphabet`);
    sum += value * CREDIT_WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Normalises to upper case and checks alphabet, length and check character. */
export function checkCreditCode(input: string): CreditCodeCheck {
  const code = input.trim().toUpperCase();
  const wellFormed = code.length === 18 && [...code].every((ch) => CREDIT_CODE_ALPHABET.includes(ch));
  if (!wellFormed) return { code, wellFormed, checkOk: false };
  return { code, wellFormed, checkOk: code[17] === creditCodeCheckChar(code.slice(0, 17)) };
}

// GB 11643-1999, ISO 7064 MOD 11-2.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character ('0'–'9' or 'X') of a resident ID number's first 17 digits. */
export function idNumberCheckChar(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('an ID number body has 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

function isRealDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** True for an 18-character resident ID number with a real birth date and a correct check. */
export function isValidIdNumber(input: string): boolean {
  const id = input.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id) || !isRealDate(id.slice(6, 14))) return false;
  return id[17] === idNumberCheckChar(id.slice(0, 17));
}

/** Mainland mobile numbers: 11 digits from 1[3-9], optional +86 / 86 prefix and separators. */
export function normaliseMobile(input: string): string | null {
  const compact = input.replace(/[\s-]/g, '');
  const match = /^(?:\+?86)?(1[3-9]\d{9})$/.exec(compact);
  return match ? match[1]! : null;
}

/** Luhn check for bank card numbers (16–19 digits). */
export function passesLuhn(digits: string): boolean {
  if (!/^\d{16,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** The kind of telephone number a run of digits spells, or null (docs/protection.md, redaction). */
export type PhoneKind = 'mobile' | 'landline' | 'hkMoTw';

// Prefixes as typed: "+86", "86", "0086" (the "+" is not a digit and is matched outside).
const MAINLAND_MOBILE = /^(?:0086|86)?1[3-9]\d{9}$/;
// Area codes 010 and 02x take 8-digit numbers; 0[3-9]xx take 7 or 8. With a country prefix the 0 goes.
const MAINLAND_LANDLINE = /^(?:0(?:10|2\d)\d{8}|0[3-9]\d{9,10}|(?:0086|86)(?:10|2\d)\d{8}|(?:0086|86)[3-9]\d{9,10})$/;
// Hong Kong +852 and Macao +853 (8 digits), Taiwan +886 (mobile 9 + 8 digits, landlines 2–8 + 7–8
// digits; a domestic mobile "09xx xxx xxx"). Without the prefix an 8-digit local number is too
// like any other number to mask.
const HK_MO_TW = /^(?:(?:00)?852[235679]\d{7}|(?:00)?853[26]\d{7}|(?:00)?886(?:0?9\d{8}|[2-8]\d{7,8})|09\d{8})$/;

/** Classifies the digits of a telephone number typed with any separators removed. */
export function phoneKindOfDigits(digits: string): PhoneKind | null {
  if (digits.length < 10 || digits.length > 15) return null;
  // Every kind starts 0, 1[3-9] or 8 (a country code): most digit runs stop here.
  const first = digits[0];
  if (first !== '0' && first !== '8' && !(first === '1' && digits[1]! >= '3')) return null;
  if (MAINLAND_MOBILE.test(digits)) return 'mobile';
  if (MAINLAND_LANDLINE.test(digits)) return 'landline';
  if (HK_MO_TW.test(digits)) return 'hkMoTw';
  return null;
}

/** GS1 barcodes (GTIN-8/12/13/14): digits only, the last one the check digit. */
export type GtinCheck = { code: string; wellFormed: boolean; checkOk: boolean };

/** The check digit of a GTIN's digits before it: weights 3, 1, 3, 1 … from the right. */
export function gtinCheckDigit(body: string): string {
  if (!/^\d{7,13}$/.test(body)) throw new RangeError('a GTIN body has 7 to 13 digits');
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[body.length - 1 - i]) * (i % 2 === 0 ? 3 : 1);
  return String((10 - (sum % 10)) % 10);
}

/** Checks length (8, 12, 13 or 14 digits) and check digit; spaces typed between digits are dropped. */
export function checkGtin(input: string): GtinCheck {
  const code = input.replace(/\s/g, '');
  const wellFormed = /^(?:\d{8}|\d{12,14})$/.test(code);
  if (!wellFormed) return { code, wellFormed, checkOk: false };
  return { code, wellFormed, checkOk: code[code.length - 1] === gtinCheckDigit(code.slice(0, -1)) };
}
