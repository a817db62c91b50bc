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
// ASCII and the CJK ideographs are NFKC-stable: text made only of them folds to itself.
const STABLE = /^[\u0000-\u007f\u4e00-\u9fff]*$/;

/** Folds `input` character by character (not as a whole string, so each piece maps back). */
export function fold(input: string): Folded {
  if (STABLE.test(input)) return { text: input, from: null, to: null };
  let units = new Uint16Array(input.length + 16);
  let from = new Int32Array(units.length);
  let to = new Int32Array(units.length);
  let n = 0;
  for (let i = 0; i < input.length;) {
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const out = cp < 0x80 || (cp >= 0x4e00 && cp <= 0x9fff) ? cp : foldChar(input, i, width, cp);
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
  let text = '';
  // In slices: String.fromCharCode takes its arguments on the stack.
  for (let k = 0; k < n; k += 8192) text += String.fromCharCode(...units.subarray(k, Math.min(n, k + 8192)));
  return { text, from: from.subarray(0, n), to: to.subarray(0, n) };
}

function foldChar(input: string, i: number, width: number, cp: number): number | string {
  // Full-width ASCII (Ｆ, １, ＠) and the ideographic space are the common case: no call.
  if (cp >= 0xff01 && cp <= 0xff5e) return cp - 0xfee0;
  if (cp === 0x3000) return 0x20;
  const ch = input.slice(i, i + width);
  return FORMAT.test(ch) ? '' : ch.normalize('NFKC');
}

function copyInto<T extends Uint16Array | Int32Array>(next: T, old: ArrayLike<number>): T {
  next.set(old);
  return next;
}
