/**
 * Numbers in folded text (see fold.ts) as people type them: "138 0013 8000", "(138)00138000",
 * "6222.0212.3456.7890.128", "ID11010519491231002X". Digit chunks joined by short runs of
 * separators form a run; a candidate is any whole chunks of a run, so an order number "订单
 * 2026112613800138000" (one chunk) keeps its digits while "a13800138000b" (a chunk next to
 * letters) is a phone. Work is linear: at most 8 chunks and 19 digits from each start.
 */
import { isValidIdNumber, passesLuhn, phoneKindOfDigits } from '../lib/identifiers.js';

export type NumberMask = 'idNumber' | 'mobile' | 'landline' | 'bankCard';
export interface Span { start: number; end: number; mask: NumberMask }

// What people put between digit groups: spaces, dots, dashes, slashes, underscores, brackets …
// (after NFKC, so full-width forms are covered). Up to three of them between two groups.
// Not commas, full stops or line breaks: after NFKC "，" is ",", and "13.8，2026-11-20" is no phone
// (nor "13,800").
const SEPARATORS = new Set(Array.from(' \u00a0.-_/\\()[]{}【】〔〕|~·・•\u2010\u2011\u2012\u2013\u2014\u2015\u2212'));
const MAX_SEPARATORS = 3;
// A label within a few characters before a number says what it is (many Chinese debit
// cards fail Luhn, so a labelled 16–19 digit number is masked as a card without it).
const CARD_LABEL = /(?:银行卡|卡号|账号|帐号|账户|帐户|开户行|储蓄卡|借记卡|信用卡|工资卡|社保卡|card|account|acct)/i;
// Simplified and Traditional (Hong Kong, Macao, Taiwan) spellings: 電話, 手提 (HK mobile), 聯絡 …
const PHONE_LABEL = /(?:电话|電話|手机|手機|手提|座机|座機|联系方式|聯繫方式|联络|聯絡|致电|致電|拨打|撥打|热线|熱線|tel|phone|mobile|whatsapp)/i;
const LABEL_REACH = 12;
const MAX_DIGITS = 19;
// Groups in one number: "+86 138 0013 8000" has 4, a card in fours 5; digits typed one by one
// ("1 3 8 0 …") are past reason, and the cap keeps "1 3 1 3 …" cheap.
const MAX_GROUPS = 8;
const DATE_LIKE = /^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/;

/**
 * The digit chunks of a text, flat (a 100 kB run of "1 1 1 …" is 50,000 of them): where each
 * starts and ends, and the separator before it ('' where a new run begins).
 */
interface Chunks { start: Int32Array; end: Int32Array; sep: string[]; count: number }

const isDigit = (code: number) => code >= 48 && code <= 57;

function chunksOf(text: string, keep: (start: number, end: number) => boolean): Chunks {
  const start = new Int32Array((text.length >> 1) + 1);
  const end = new Int32Array((text.length >> 1) + 1);
  const sep: string[] = [];
  let count = 0;
  let joinable = false; // whether the previous chunk may continue into the next
  for (let k = 0; k < text.length;) {
    if (!isDigit(text.charCodeAt(k))) {
      k++;
      continue;
    }
    const s = k;
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    // A credit code's digits are neither a number of their own nor part of a neighbour's.
    if (keep(s, k)) {
      joinable = false;
      continue;
    }
    const gap = count > 0 ? s - end[count - 1]! : 0;
    let joined = joinable && gap >= 1 && gap <= MAX_SEPARATORS;
    for (let g = s - gap; joined && g < s; g++) joined = SEPARATORS.has(text[g]!);
    start[count] = s;
    end[count] = k;
    sep[count] = joined ? text.slice(s - gap, s) : '';
    count++;
    joinable = true;
  }
  return { start, end, sep, count };
}

/** Masks of the numbers in `text` (folded), leaving out chunks inside `keep` (credit codes). */
export function numberSpans(text: string, keep: (start: number, end: number) => boolean): Span[] {
  const chunks = chunksOf(text, keep);
  const spans: Span[] = [];
  let prevEnd = 0;
  for (let first = 0; first < chunks.count;) {
    let last = first + 1;
    while (last < chunks.count && chunks.sep[last] !== '') last++;
    spans.push(...runSpans(text, chunks, first, last, prevEnd));
    prevEnd = chunks.end[last - 1]!;
    first = last;
  }
  return spans;
}

interface Candidate { i: number; j: number; digits: number; tier: number; mask: NumberMask; x: boolean }

/** The masks within the run of chunks [first, last). */
function runSpans(text: string, c: Chunks, first: number, last: number, prevEnd: number): Span[] {
  const runStart = c.start[first]!;
  let total = 0;
  for (let k = first; k < last; k++) total += c.end[k]! - c.start[k]!;
  // Nothing masked has fewer than 7 digits: dates, amounts and counts end here.
  if (total < 7) return [];
  // The label must come after the previous number, so "卡号 1234，金额…6222…" labels only the 1234.
  const before = text.slice(Math.max(prevEnd, runStart - LABEL_REACH), runStart);
  const cardLabel = CARD_LABEL.test(before);
  const phoneLabel = PHONE_LABEL.test(before);
  const digits = last - first === 1 ? text.slice(runStart, c.end[first]) : text.slice(runStart, c.end[last - 1]).replace(/[^0-9]+/g, '');
  const offset = new Int32Array(last - first + 1);
  for (let k = first; k < last; k++) offset[k - first + 1] = offset[k - first]! + c.end[k]! - c.start[k]!;
  const len = (k: number) => c.end[k]! - c.start[k]!;
  const candidates: Candidate[] = [];
  for (let i = first; i < last; i++) {
    if (!mayStartAt(digits, offset[i - first]!, len(i), i === first && (cardLabel || phoneLabel))) continue;
    let sameSep = true;
    let sameAfterFirst = true; // "+86 138-0013-8000", "020-8765 4321": only the first may differ
    let fours = true; // chunks i … j-1 all have four digits
    for (let j = i; j < last; j++) {
      const at = offset[i - first]!;
      const n = offset[j - first + 1]! - at;
      if (n > MAX_DIGITS || j - i >= MAX_GROUPS) break;
      if (j > i) {
        sameSep &&= c.sep[j] === c.sep[i + 1];
        // "v2.13.8 2026.11.20" holds "13820261120", but no one types a phone that way.
        sameAfterFirst &&= j < i + 2 || c.sep[j] === c.sep[i + 2];
        if (!sameAfterFirst) break;
        fours &&= len(j - 1) === 4;
      }
      // Unlabelled, a card is typed whole, in fours ("6222 0212 3456 7890 128") or as 6 + 13 digits.
      const grouped = j === i || (fours && len(j) <= 4) || (j === i + 1 && (len(i) === 6 && len(j) === 13 || bracketed(text, c, i)));
      const labelled = i === first && (cardLabel || phoneLabel);
      if (!worthClassifying(digits, at, n, labelled, sameSep && grouped)) continue;
      const x = text[c.end[j]!] === 'X' || text[c.end[j]!] === 'x';
      const found = classify(digits.slice(at, at + n), x, i === first && cardLabel, i === first && phoneLabel, sameSep && grouped);
      if (found) candidates.push({ i, j, digits: n, x: found.x, tier: found.tier, mask: found.mask });
    }
  }
  return choose(text, c, candidates);
}

// "(6222)0212345678901": the first group in brackets, the rest whole.
const bracketed = (text: string, c: Chunks, i: number) => text[c.start[i]! - 1] === '(' && c.sep[i + 1] === ')';

// Whether anything can start at this chunk, from its first digits: "1 1 1 1 …" costs one look a chunk.
function mayStartAt(digits: string, at: number, chunkLength: number, labelled: boolean): boolean {
  if (labelled || chunkLength === 4 || chunkLength === 6 || chunkLength >= 16) return true;
  const first = digits.charCodeAt(at);
  if (first === 48 || first === 56 || (first === 49 && digits.charCodeAt(at + 1) >= 51)) return true; // 0, 8, 1[3-9]
  const c1 = digits.charCodeAt(at + 6); // an ID number's year of birth: 19xx or 20xx
  const c2 = digits.charCodeAt(at + 7);
  return (c1 === 49 && c2 === 57) || (c1 === 50 && c2 === 48);
}

// A look at the first digits before any string is cut: keeps "1 1 1 1 …" linear and cheap.
function worthClassifying(digits: string, at: number, n: number, labelled: boolean, cardShaped: boolean): boolean {
  if (labelled && n >= 7) return true;
  if (n >= 16 && cardShaped) return true;
  if (n === 17 || n === 18) {
    const century = digits.slice(at + 6, at + 8);
    if (century === '19' || century === '20') return true;
  }
  if (n < 10 || n > 15) return false;
  const first = digits[at];
  return first === '0' || first === '8' || (first === '1' && digits[at + 1]! >= '3');
}

function classify(digits: string, x: boolean, cardLabel: boolean, phoneLabel: boolean, cardShaped: boolean) {
  const n = digits.length;
  // Born 19xx or 20xx: checked before the slower full ID check.
  const born = n >= 17 && n <= 18 && /^[1-8]\d{5}(?:19|20)/.test(digits);
  if (born && n === 17 && x && isValidIdNumber(`${digits}X`)) return { tier: 1, mask: 'idNumber' as const, x: true };
  if (born && n === 18 && isValidIdNumber(digits)) return { tier: 1, mask: 'idNumber' as const, x: false };
  // A label saying card or account wins over a phone number that some of its groups might spell.
  if (cardLabel && n >= 16) return { tier: 0, mask: 'bankCard' as const, x: false };
  const phone = phoneKindOfDigits(digits);
  if (phone) return { tier: 1, mask: phone === 'mobile' ? 'mobile' as const : 'landline' as const, x: false };
  // "电话 8765 4321", "香港电话 9123 4567": a local number is known only by its label.
  if (phoneLabel && (n === 7 || n === 8) && !DATE_LIKE.test(digits)) return { tier: 1, mask: 'landline' as const, x: false };
  if (n < 16) return null;
  // With one kind of separator throughout.
  if (cardShaped && passesLuhn(digits)) return { tier: 3, mask: 'bankCard' as const, x: false };
  return null;
}

/** Tier by tier (labelled cards, identity and phones, Luhn cards), longest first, no overlaps. */
function choose(text: string, c: Chunks, candidates: Candidate[]): Span[] {
  if (!candidates.length) return [];
  candidates.sort((a, b) => a.tier - b.tier || b.digits - a.digits || a.i - b.i);
  const taken = new Set<number>();
  const spans: Span[] = [];
  for (const cand of candidates) {
    let free = true;
    for (let k = cand.i; k <= cand.j && free; k++) free = !taken.has(k);
    if (!free) continue;
    for (let k = cand.i; k <= cand.j; k++) taken.add(k);
    let start = c.start[cand.i]!;
    // "+86 …" and "(138)0013…" lose their lead-in with the number.
    if (text[start - 1] === '+') start--;
    if (text[start - 1] === '(' && cand.j > cand.i && c.sep[cand.i + 1]!.includes(')')) start--;
    spans.push({ start, end: c.end[cand.j]! + (cand.x ? 1 : 0), mask: cand.mask });
  }
  return spans;
}
