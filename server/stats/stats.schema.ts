/** The period of the public statistics: ?from=YYYY-MM&to=YYYY-MM, by default the last 12 months. */
import { z } from 'zod';
import { zodIssues, type ErrorIssue } from '../errors.js';

export interface StatsPeriod {
  /** First month, 'YYYY-MM' (Asia/Shanghai). */
  from: string;
  /** Last month, included. */
  to: string;
}

/** The longest period one answer covers: three years of months. */
export const MAX_MONTHS = 36;
/** The default period: this many months up to the current one. */
export const DEFAULT_MONTHS = 12;

/** The problems a period can have, as the API says them (the page says them in its language). */
export const PERIOD_ISSUES = {
  format: 'use the form YYYY-MM, e.g. 2026-05',
  order: 'the period ends before it starts: use a month on or after from',
  span: `a period is at most ${MAX_MONTHS} months`,
} as const;

// Years 2000–2099: the platform's records begin well after 2000, and month arithmetic stays four-digit.
const month = z.string().regex(/^20\d{2}-(0[1-9]|1[0-2])$/, PERIOD_ISSUES.format);

/** The month `count` months after `ym` (before, when negative): addMonths('2026-01', -1) = '2025-12'. */
export function addMonths(ym: string, count: number): string {
  const index = Number(ym.slice(0, 4)) * 12 + Number(ym.slice(5, 7)) - 1 + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The months from `from` to `to`, both included. */
export function monthsOf(period: StatsPeriod): string[] {
  const out: string[] = [];
  for (let m = period.from; m <= period.to && out.length <= MAX_MONTHS; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** The query as the API and the page read it; `currentMonth` is today's month in Beijing time. */
export function statsQuerySchema(currentMonth: string) {
  return z.object({
    from: month.optional(),
    to: month.optional(),
  }).transform(({ from, to }) => {
    // Only a start: the DEFAULT_MONTHS from it, not past the current month (nor before the start).
    const end = to ?? (from ? maxMonth(from, minMonth(addMonths(from, DEFAULT_MONTHS - 1), currentMonth)) : currentMonth);
    return { from: from ?? addMonths(end, -(DEFAULT_MONTHS - 1)), to: end };
  }).superRefine((period, ctx) => {
    if (period.from > period.to) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: PERIOD_ISSUES.order });
    } else if (monthsOf(period).length > MAX_MONTHS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: PERIOD_ISSUES.span });
    }
  });
}

const minMonth = (a: string, b: string) => (a < b ? a : b);
const maxMonth = (a: string, b: string) => (a > b ? a : b);

export type PeriodResult = { ok: true; period: StatsPeriod } | { ok: false; issues: ErrorIssue[] };

/** Reads the period from a query; unknown parameters (lang, …) are ignored. */
export function readStatsPeriod(query: Record<string, string | undefined>, currentMonth: string): PeriodResult {
  // An empty field of the page's form means "not given".
  const given = Object.fromEntries(['from', 'to'].filter((k) => query[k]).map((k) => [k, query[k]!.trim()]));
  const parsed = statsQuerySchema(currentMonth).safeParse(given);
  return parsed.success ? { ok: true, period: parsed.data } : { ok: false, issues: zodIssues(parsed.error) };
}
