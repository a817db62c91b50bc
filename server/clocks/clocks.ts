/**
 * Statutory clocks: when a duty falls due, in Asia/Shanghai, on the working-day calendar.
 * Pure functions; the caller supplies the calendar and the current time.
 */
import { addWorkingDays, dateToUtcMs, type CalendarData } from './calendar.js';

export type ClockName = 'accept_decision' | 'mediation' | 'open_decision' | 'reporter_notice' | 'triage' | 'claim_window';
export type ClockRule = { clock: ClockName; workingDays: number } | { clock: ClockName; hours: number };

export type ClockRuleKey =
  | 'accept_decision'
  | 'mediation'
  | 'open_decision'
  | 'open_decision_extension'
  | 'reporter_notice'
  | 'triage'
  | 'triage_urgent'
  | 'claim_window';
export type ClockRules = Readonly<Record<ClockRuleKey, ClockRule>>;

/** Default time limits (configurable); their legal basis is tabled in docs/lifecycle.md. */
export const DEFAULT_CLOCK_RULES: ClockRules = {
  // 市场监督管理投诉举报处理(暂行)办法 (SAMR Orders 20/121) Art 14: decide on acceptance within 7 WD of receipt.
  accept_decision: { clock: 'accept_decision', workingDays: 7 },
  // Art 20–21: mediation ends without agreement 45 WD after acceptance (testing time excluded).
  mediation: { clock: 'mediation', workingDays: 45 },
  // Penalty procedure rules Art 18: decide whether to open a case within 15 WD, +15 once.
  open_decision: { clock: 'open_decision', workingDays: 15 },
  open_decision_extension: { clock: 'open_decision', workingDays: 15 },
  // SAMR Order 20 Art 31: tell a real-name reporter within 5 WD of the opening decision.
  reporter_notice: { clock: 'reporter_notice', workingDays: 5 },
  triage: { clock: 'triage', workingDays: 1 },
  // A serious or fatal injury cannot wait for the next working day.
  triage_urgent: { clock: 'triage', hours: 24 },
  // 2017 food and drug reward rules: claim within 30 WD of the award notice.
  claim_window: { clock: 'claim_window', workingDays: 30 },
};

/**
 * The sign-for window of a dispatched case: a department signs for (签收) what it is sent within one
 * working day. A hotline KPI, not a statutory clock: it never pauses or moves one.
 */
export const SIGN_WINDOW: ClockRule = { clock: 'accept_decision', workingDays: 1 };

// China has kept UTC+08:00 all year since 1991 (no DST), so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;

/** The calendar date in Asia/Shanghai at an instant. */
export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as ISO-8601 in Shanghai time, e.g. '2026-10-16T23:59:59.999+08:00'. */
export function toShanghaiIso(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

/** 23:59:59.999 Shanghai time of a date: a time limit in days runs to the end of its last day. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(dateToUtcMs(date) + 24 * HOUR_MS - 1 - SHANGHAI_OFFSET_MS);
}

/**
 * When a clock started at `startedAt` falls due. Working-day limits are counted from the
 * Shanghai date of the start, the day itself not counted, and end with the last day.
 */
export function computeDue(cal: CalendarData, startedAt: Date, rule: ClockRule): { dueAt: Date; provisional: boolean } {
  if ('hours' in rule) return { dueAt: new Date(startedAt.getTime() + rule.hours * HOUR_MS), provisional: false };
  const { date, provisional } = addWorkingDays(cal, shanghaiDate(startedAt), rule.workingDays);
  return { dueAt: endOfShanghaiDay(date), provisional };
}

/** The clock a new case starts with, by kind (and, for injuries, severity). */
export function firstClockRule(
  kind: 'complaint' | 'report' | 'injury',
  severity: 'minor' | 'serious' | 'fatal' | null,
  rules: ClockRules = DEFAULT_CLOCK_RULES,
): ClockRule {
  switch (kind) {
    case 'complaint':
      return rules.accept_decision;
    case 'report':
      return rules.open_decision;
    case 'injury':
      return severity === 'serious' || severity === 'fatal' ? rules.triage_urgent : rules.triage;
  }
}

/**
 * Overdue once `now` is past `dueAt`; due soon when due by the end of the second working
 * day after today (Shanghai) — the window supervisors watch (docs/lifecycle.md).
 */
export function clockState(dueAt: Date, now: Date, cal: CalendarData): { overdue: boolean; dueSoon: boolean; msLeft: number } {
  const msLeft = dueAt.getTime() - now.getTime();
  const overdue = msLeft < 0;
  const horizon = endOfShanghaiDay(addWorkingDays(cal, shanghaiDate(now), 2).date);
  return { overdue, dueSoon: !overdue && dueAt.getTime() <= horizon.getTime(), msLeft };
}

/**
 * Moves a due date later by N working days (a 挂起 pause for testing, or the one +15 WD
 * extension), ending with the last of them.
 */
export function extendDue(cal: CalendarData, dueAt: Date, workingDays: number): { dueAt: Date; provisional: boolean } {
  const { date, provisional } = addWorkingDays(cal, shanghaiDate(dueAt), workingDays);
  return { dueAt: endOfShanghaiDay(date), provisional };
}
