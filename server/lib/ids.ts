/**
 * Row ids that sort by creation time: 8 characters of milliseconds in base 62, then 13 random ones
 * (about 77 bits, so an id is still not guessable). New rows then go to the end of every id and
 * case_id index, where the pages are already in the cache and shared by a commit's other rows,
 * instead of dirtying a random page of each index per row: a submission writes far fewer pages.
 */
import { nanoid } from 'nanoid';

const ORDERED = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'; // ascending in ASCII

/** 8 characters that sort like the instant. */
export function timePrefix(at: Date | number): string {
  let n = typeof at === 'number' ? at : at.getTime();
  let out = '';
  for (let i = 0; i < 8; i++) {
    out = ORDERED[n % 62] + out;
    n = Math.floor(n / 62);
  }
  return out;
}

/** A new row id; `at` defaults to now (the demo data passes the time it pretends). */
export function newRowId(at: Date | number = Date.now()): string {
  return timePrefix(at) + nanoid(13);
}
