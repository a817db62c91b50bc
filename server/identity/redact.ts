/**
 * Redaction of free text shown to staff (DESIGN §4): resident ID numbers that pass the checksum,
 * mobile and landline numbers, e-mail addresses, bank card numbers that pass Luhn, and the
 * reporter's own name. Near-misses (an 18-digit order number failing the ID check) stay visible
 * because handlers need them as evidence.
 */
import { isValidIdNumber, passesLuhn } from '../lib/identifiers.js';

export const MASKS = {
  idNumber: '[身份证号已隐去]',
  mobile: '[手机号已隐去]',
  landline: '[电话已隐去]',
  email: '[邮箱已隐去]',
  bankCard: '[银行卡号已隐去]',
  name: '[举报人姓名已隐去]',
} as const;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// Digit runs with optional single space/dash separators, not touching other digits.
const DIGIT_RUN = /(?<![\dA-Za-z])(?:\+?86[\s-]?)?\d(?:[\s-]?\d){6,22}[Xx]?(?![\dA-Za-z])/g;
const LANDLINE = /(?<!\d)(?:\(0\d{2,3}\)|0\d{2,3})[\s-]?\d{7,8}(?:-\d{1,5})?(?!\d)/g;

function classifyRun(run: string): string | null {
  const digits = run.replace(/[\s-]/g, '');
  if (/^\d{17}[\dXx]$/.test(digits) && isValidIdNumber(digits)) return MASKS.idNumber;
  if (/^(?:\+?86)?1[3-9]\d{9}$/.test(digits)) return MASKS.mobile;
  if (passesLuhn(digits)) return MASKS.bankCard;
  return null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Masks identifying data in `text`; `names` are the reporter's own names (masked wherever typed). */
export function redact(text: string, names: readonly string[] = []): string {
  let out = text.replace(EMAIL, MASKS.email);
  out = out.replace(DIGIT_RUN, (run) => {
    const mask = classifyRun(run);
    if (mask) return mask;
    // A run may hold a mobile number glued to separators, e.g. "tel 138-0013-8000 ext".
    return run;
  });
  out = out.replace(LANDLINE, MASKS.landline);
  for (const name of names) {
    const trimmed = name.trim();
    // One character is too short to mask safely: it would blank common words.
    if (trimmed.length >= 2) out = out.replace(new RegExp(escapeRegExp(trimmed), 'gi'), MASKS.name);
  }
  return out;
}

/** "13800138000" → "138****8000" for the masked contact a complaint handler sees. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
