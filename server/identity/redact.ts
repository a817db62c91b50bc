/**
 * Redaction of free text shown to staff (docs/protection.md): resident ID numbers that pass the checksum,
 * telephone numbers (mainland mobile and landline, Hong Kong, Macao, Taiwan), e-mail addresses,
 * bank card numbers (Luhn-valid, or labelled as a card or account), the reporter's own name, and a
 * name given after "我叫", "本人" and the like. Matching runs on an NFKC fold of the text (fold.ts)
 * and numbers may carry any separators (redact-numbers.ts), so "１３８００１３８０００", "138.0013.8000"
 * and "a13800138000b" are all caught; the rest of the text stays as typed. Near-misses (an
 * 18-digit order number failing the ID check, an amount, a date, a credit code) stay visible
 * because handlers need them as evidence.
 */
import { checkCreditCode, isValidIdNumber } from '../lib/identifiers.js';
import { fold } from './fold.js';
import { nameSpans, selfNamed } from './redact-names.js';
import { numberSpans } from './redact-numbers.js';

export const MASKS = {
  idNumber: '[身份证号已隐去]',
  mobile: '[手机号已隐去]',
  landline: '[电话已隐去]',
  email: '[邮箱已隐去]',
  bankCard: '[银行卡号已隐去]',
  name: '[举报人姓名已隐去]',
} as const;

// Starts only where a local part can start, so a long run of letters is scanned once (linear).
const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+ ?(?:@|\(at\)|\[at\]) ?[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/gi;
// An 18-character token of the credit-code alphabet (GB 32100): its digits are not a phone or card.
const CREDIT_TOKEN = /(?<![0-9A-Za-z])[0-9A-Za-z]{18}(?![0-9A-Za-z])/g;
const CREDIT_LABEL = /(?:信用代码|社会信用|税号|纳税人识别号|注册号|credit code)/i;

interface Span { start: number; end: number; mask: string }

/** Where the credit codes are: 18 characters passing the GB 32100 check, in capitals or labelled. */
function creditCodes(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(CREDIT_TOKEN)) {
    const check = checkCreditCode(m[0]);
    // Positions 3–8 are a region code (digits): "tel13800138000call" is not a credit code.
    if (!check.checkOk || !/^..\d{6}/.test(check.code) || isValidIdNumber(check.code)) continue;
    // Codes are printed in capitals; "a6200030323924433a" is a card between two letters that
    // happens to pass the check (1 in 31), unless a label says it is a code.
    if (m[0] === check.code || CREDIT_LABEL.test(text.slice(Math.max(0, m.index - 12), m.index))) {
      spans.push({ start: m.index, end: m.index + 18, mask: '' });
    }
  }
  return spans;
}

/** Masks identifying data in `text`; `names` are the reporter's own names (masked in any spacing). */
export function redact(text: string, names: readonly string[] = []): string {
  const folded = fold(text);
  const t = folded.text;
  const spans: Span[] = [];
  for (const m of t.matchAll(EMAIL)) spans.push({ start: m.index, end: m.index + m[0].length, mask: MASKS.email });
  const codes = creditCodes(t);
  const inCode = (start: number, end: number) => codes.some((c) => start < c.end && end > c.start);
  for (const s of numberSpans(t, inCode)) spans.push({ ...s, mask: MASKS[s.mask] });
  const self = selfNamed(t);
  for (const s of [...self.spans, ...nameSpans(t, [...names, ...self.names])]) spans.push({ ...s, mask: MASKS.name });
  if (!spans.length) return text;
  return applySpans(text, folded.from, folded.to, spans);
}

/** Replaces each span (folded positions) by its mask in the original text; overlaps merge. */
function applySpans(text: string, from: Int32Array | null, to: Int32Array | null, spans: Span[]): string {
  const original = !from || !to ? [...spans] : spans.map((s) => ({ start: from[s.start]!, end: to[s.end - 1]!, mask: s.mask }));
  original.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const s of original) {
    if (s.end <= at) continue;
    if (s.start < at) {
      at = s.end; // overlaps the previous mask: swallowed by it
      continue;
    }
    out += text.slice(at, s.start) + s.mask;
    at = s.end;
  }
  return out + text.slice(at);
}

/**
 * The masked contact a complaint handler sees: "+8613800138000" (or "13800138000", as stored before
 * numbers were kept in E.164) → "138****8000", a landline "+862012345678" → "020****5678", any other
 * country "+85291234567" → "+852 ****4567"; the same for a number as displayPhone shows it.
 */
export function maskPhone(shown: string): string {
  const phone = shown.replace(/[\s-]/g, '');
  const national = phone.startsWith('+86') ? (/^\+861[3-9]/.test(phone) ? phone.slice(3) : `0${phone.slice(3)}`) : phone;
  const country = /^\+(852|853|886)/.exec(national)?.[1];
  if (country) return `+${country} ****${national.slice(-4)}`;
  return national.length >= 7 ? `${national.slice(0, 3)}****${national.slice(-4)}` : '****';
}
