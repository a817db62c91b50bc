/**
 * The text redaction matches against (pure): each character NFKC-normalised, so full-width digits,
 * "＠" and "（" read as their ASCII forms, and invisible format characters (zero-width spaces, soft
 * hyphens) dropped, so "138\u200B0013…" cannot hide a number. Every folded code unit remembers the
 * original character it came from, so a match is masked in the text as the reporter typed it.
 */

export interface Folded {
  /** The folded text the patterns run on. */
  text: string;
  /** Where the original character of folded unit k starts; null when nothing changed. */
  from: Int32Array | null;
  /** Where it ends. */
  to: Int32Array | null;
}

// Cf: format characters (U+200B…U+200F, U+2060, U+FEFF, U+00AD …), invisible when shown.
const FORMAT = /\p{Cf}/u;

// What NFKC does to each BMP code unit, learnt on first sight: 1 nothing, 2 one unit for another
// ("，" → ",", "１" → "1"), 3 more (expands, is dropped, or is half a surrogate pair). A memo of a
// pure function: Chinese text is almost all 1 and 2, which need no position map.
const KIND = new Uint8Array(0x10000);
const ONE = new Uint16Array(0x10000);

function kindOf(code: number): number {
  if (code < 0x80 || (code >= 0x4e00 && code <= 0x9fff)) return 1;
  const known = KIND[code]!;
  if (known) return known;
  const ch = String.fromCharCode(code);
  const folded = code >= 0xd800 && code <= 0xdfff || FORMAT.test(ch) ? '' : ch.normalize('NFKC');
  let kind = 3;
  if (folded === ch) kind = 1;
  else if (folded.length === 1) {
    kind = 2;
    ONE[code] = folded.charCodeAt(0);
  }
  KIND[code] = kind;
  return kind;
}

function fromUnits(units: Uint16Array, n: number): string {
  let text = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let k = 0; k < n; k += 8192) text += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  return text;
}

// Characters outside ASCII and the CJK ideographs: the only ones NFKC may change.
const UNUSUAL = /[^\u0000-\u007f\u4e00-\u9fff]/g;

/** Folds `input` character by character (not as a whole string, so each piece maps back). */
export function fold(input: string): Folded {
  let changed = false;
  for (const m of input.matchAll(UNUSUAL)) {
    const kind = kindOf(m[0].charCodeAt(0));
    if (kind === 3) return foldMapped(input);
    if (kind === 2) changed = true;
  }
  if (!changed) return { text: input, from: null, to: null };
  // One unit for one: positions stay, no map needed.
  const text = input.replace(UNUSUAL, (ch) => {
    const code = ch.charCodeAt(0);
    return KIND[code] === 2 ? String.fromCharCode(ONE[code]!) : ch;
  });
  return { text, from: null, to: null };
}

/** The general case: characters that expand or vanish, so each folded unit records its origin. */
function foldMapped(input: string): Folded {
  let units = new Uint16Array(input.length + 16);
  let from = new Int32Array(units.length);
  let to = new Int32Array(units.length);
  let n = 0;
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const kind = width === 1 ? kindOf(cp) : 3;
    const out = kind === 1 ? cp : kind === 2 ? ONE[cp]! : foldChar(input.slice(i, i + width));
    const count = typeof out === 'number' ? 1 : out.length;
    if (n + count > units.length) {
      const size = Math.max(n + count, units.length * 2);
      units = copyInto(new Uint16Array(size), units);
      from = copyInto(new Int32Array(size), from);
      to = copyInto(new Int32Array(size), to);
    }
    for (let k = 0; k < count; k++) {
      units[n] = typeof out === 'number' ? out : out.charCodeAt(k);
      from[n] = i;
      to[n++] = i + width;
    }
    i += width;
  }
  return { text: fromUnits(units, n), from: from.subarray(0, n), to: to.subarray(0, n) };
}

function foldChar(ch: string): string {
  return FORMAT.test(ch) ? '' : ch.normalize('NFKC');
}

function copyInto<T extends Uint16Array | Int32Array>(next: T, old: ArrayLike<number>): T {
  next.set(old);
  return next;
}
