/**
 * The overview's period from `?from=&to=`: whole months (YYYY-MM), or days (YYYY-MM-DD) whose months
 * are counted; this month unless both are real and in order. The counters are kept per month.
 */
import { shanghaiDate } from '../../server/clocks/clocks.js';
import type { Period } from '../../server/cases/kpi.service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MONTH = /^\d{4}-\d{2}$/;

const isRealDate = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

/** The last day of a real month 'YYYY-MM'. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** A month as the day the period starts or ends on; a date as it is; anything else null. */
function dayOf(value: string | undefined, end: boolean): string | null {
  if (value === undefined) return null;
  if (MONTH.test(value)) return isRealDate(`${value}-01`) ? (end ? lastDayOf(value) : `${value}-01`) : null;
  return isRealDate(value) ? value : null;
}

export function readPeriod(query: Record<string, string>, now: Date): { period: Period; invalid: boolean } {
  const today = shanghaiDate(now);
  const fallback = { from: `${today.slice(0, 8)}01`, to: lastDayOf(today.slice(0, 7)) };
  if (query.from === undefined && query.to === undefined) return { period: fallback, invalid: false };
  const from = dayOf(query.from, false);
  const to = dayOf(query.to, true);
  if (!from || !to || from > to) return { period: fallback, invalid: true };
  return { period: { from, to }, invalid: false };
}
