/** Per-case pseudonyms handlers see instead of a reporter's name, e.g. "R-7K3F". */
import { randomBelow } from '../lib/encoding.js';

// No 0/O, 1/I/L, 5/S, 2/Z: a pseudonym is read aloud on the phone and copied by hand.
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';
const LENGTH = 4;
// Bytes from 243 up are skipped: 243 is the largest multiple of 27 a byte holds, so each symbol is as likely.
const BYTE_CEILING = Math.floor(256 / ALPHABET.length) * ALPHABET.length;

export function newPseudonym(): string {
  return pseudonymFromIndices(randomBelow(ALPHABET.length, LENGTH));
}

/** The pseudonym spelled by four indices into the alphabet (each below 27). */
export function pseudonymFromIndices(indices: readonly number[]): string {
  if (indices.length !== LENGTH || indices.some((i) => !Number.isInteger(i) || i < 0 || i >= ALPHABET.length)) {
    throw new RangeError(`a pseudonym takes ${LENGTH} indices below ${ALPHABET.length}`);
  }
  return 'R-' + indices.map((i) => ALPHABET[i]).join('');
}

/** The pseudonym spelled by uniformly random bytes, or null if fewer than four of them are usable. */
export function pseudonymFromBytes(bytes: Uint8Array): string | null {
  const indices: number[] = [];
  for (const b of bytes) {
    if (b < BYTE_CEILING && indices.length < LENGTH) indices.push(b % ALPHABET.length);
  }
  return indices.length === LENGTH ? pseudonymFromIndices(indices) : null;
}
