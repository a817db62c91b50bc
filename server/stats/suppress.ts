/**
 * Small-cell suppression of the public statistics, in one place for the JSON, the pages and the CSV:
 * a count under MIN_CELL is not published (null), nor a rate, a median or a sum taken from fewer than
 * MIN_CELL cases, so no published figure narrows down a handful of people (README, "Public statistics").
 * Lists are ranked on the published values only, so the order of suppressed cells says nothing either.
 */

/** The smallest count published. */
export const MIN_CELL = 5;

/** A count as published: null under MIN_CELL (zero included). */
export function suppressCount(n: number): number | null {
  return n < MIN_CELL ? null : n;
}

/** part / whole rounded to three places, or null when the whole is under MIN_CELL. */
export function suppressRate(part: number, whole: number): number | null {
  if (whole < MIN_CELL) return null;
  return Math.round((part / whole) * 1000) / 1000;
}

/** A figure taken from `cases` cases (a sum of money, a median): null when they are under MIN_CELL. */
export function suppressFrom<T>(value: T, cases: number): T | null {
  return cases < MIN_CELL ? null : value;
}

/** How a suppressed count is shown in tables, charts and CSV. */
export const SUPPRESSED_COUNT = '<5';
/** How a suppressed rate (or median, or sum) is shown. */
export const SUPPRESSED_RATE = '—';

/** A published count as text: the number, or '<5'. */
export function shownCount(n: number | null, format: (n: number) => string = String): string {
  return n === null ? SUPPRESSED_COUNT : format(n);
}

/** A published rate as text: e.g. '87.5%', or '—'. */
export function shownRate(rate: number | null, format: (rate: number) => string = percent): string {
  return rate === null ? SUPPRESSED_RATE : format(rate);
}

/** 0.875 → '87.5%'. */
export function percent(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

/** Sorts by a published value, largest first; nulls last in their given order (the sort is stable). */
export function rankByPublished<T>(items: T[], value: (item: T) => number | null): T[] {
  return [...items].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === null ? (y === null ? 0 : 1) : -1;
    return y - x;
  });
}
