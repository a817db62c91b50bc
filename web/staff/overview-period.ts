/** The overview's period from `?from=&to=`: this month so far unless both are real dates in order. */
import { shanghaiDate } from '../../server/clocks/clocks.js';
import type { Period } from '../../server/cases/kpi.service.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const isRealDate = (value: string) => DATE.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export function readPeriod(query: Record<string, string>, now: Date): { period: Period; invalid: boolean } {
  const today = shanghaiDate(now);
  const fallback = { from: `${today.slice(0, 8)}01`, to: today };
  const { from, to } = query;
  if (from === undefined && to === undefined) return { period: fallback, invalid: false };
  if (!from || !to || !isRealDate(from) || !isRealDate(to) || from > to) return { period: fallback, invalid: true };
  return { period: { from, to }, invalid: false };
}
