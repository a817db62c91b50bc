/** Per-case pseudonyms handlers see instead of a reporter's name, e.g. "R-7K3F". */
import { randomBelow } from '../lib/encoding.js';

// No 0/O, 1/I/L, 5/S, 2/Z: a pseudonym is read aloud on the phone and copied by hand.
const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

export function newPseudonym(): string {
  return 'R-' + randomBelow(ALPHABET.length, 4).map((i) => ALPHABET[i]).join('');
}
