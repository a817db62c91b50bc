/**
 * A report's period (pure): a month '2026-11', a quarter '2026-Q3' or a year '2026', as the months
 * it covers in Beijing time. Anything else is refused with a message that shows the three forms.
 */
import { shanghaiDate } from '../clocks/clocks.js';
import { AppError } from '../errors.js';

export type PeriodKind = 'month' | 'quarter' | 'year';

export interface ReportPeriod {
  /** The key the report is stored and linked under: the period as written, e.g. '2026-Q3'. */
  period: string;
  kind: PeriodKind;
  /** First and last month covered, 'YYYY-MM'. */
  from: string;
  to: string;
  label: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const YEAR = /^(\d{4})$/;

const pad = (n: number) => String(n).padStart(2, '0');

export const PERIOD_FORMS = "a month (2026-11), a quarter (2026-Q3) or a year (2026)";

/** The period of a text, or null when it is none of the three forms (or a year before 2000). */
export function readReportPeriod(text: string): ReportPeriod | null {
  const value = text.trim();
  let m = MONTH.exec(value);
  if (m) return Number(m[1]) >= 2000 ? { period: value, kind: 'month', from: value, to: value, label: value } : null;
  m = QUARTER.exec(value);
  if (m) {
    if (Number(m[1]) < 2000) return null;
    const q = Number(m[2]);
    return { period: value, kind: 'quarter', from: `${m[1]}-${pad(q * 3 - 2)}`, to: `${m[1]}-${pad(q * 3)}`, label: value };
  }
  m = YEAR.exec(value);
  if (m && Number(m[1]) >= 2000) return { period: value, kind: 'year', from: `${value}-01`, to: `${value}-12`, label: value };
  return null;
}

/** The period of a text, or a validation error (a 400 on the web, exit 1 on the command line). */
export function parseReportPeriod(text: string): ReportPeriod {
  const period = readReportPeriod(text);
  if (!period) {
    throw new AppError('validation_failed', `The period "${text}" is not ${PERIOD_FORMS}.`, [
      { path: 'period', message: 'use 2026-11, 2026-Q3 or 2026' },
    ]);
  }
  return period;
}

/** The month in Beijing time at an instant, 'YYYY-MM'. */
export const shanghaiMonth = (at: Date): string => shanghaiDate(at).slice(0, 7);

/** The month before a 'YYYY-MM' month. */
export function monthBefore(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}

/** The last month that has ended at an instant (Beijing time): the one the sweeper reports. */
export function previousMonthPeriod(now: Date): ReportPeriod {
  return readReportPeriod(monthBefore(shanghaiMonth(now)))!;
}

/** Whether any of the period has begun at an instant: a report of the future would be empty. */
export function periodHasBegun(period: ReportPeriod, now: Date): boolean {
  return period.from <= shanghaiMonth(now);
}
