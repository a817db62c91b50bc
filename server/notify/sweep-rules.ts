/**
 * Which notices a running clock is owed now (pure). The department hears "due soon" within the
 * 2-working-day window supervisors watch (docs/lifecycle.md) and "overdue" once the time is up; if the
 * step is still open at the end of the next working day, the intake centre's supervisors are told
 * (督办). An urgent case (serious or fatal injury) cannot wait a day: it escalates when overdue.
 */
import { addWorkingDays, type CalendarData } from '../clocks/calendar.js';
import { clockState, endOfShanghaiDay, shanghaiDate } from '../clocks/clocks.js';

export const ESCALATE_AFTER_WORKING_DAYS = 1;

/**
 * Where overdue work is escalated and triage work is owned: the provincial intake centre, whose
 * supervisors do 督办 (the same address cases/effects.ts escalates returned cases to). Handlers'
 * accounts carry no e-mail, so the supervisor is reached through the centre's address.
 */
export function intakeCentreCode(province: string): string {
  return `intake-${province}`;
}

export type ClockNotice = 'due_soon' | 'overdue' | 'escalate';

export interface WatchedClock {
  due_at: string;
  due_soon_notified_at: string | null;
  overdue_notified_at: string | null;
  escalated_at: string | null;
  urgent: number;
}

/** The end of the due-soon window: the end of the second working day after today. */
export function watchHorizon(now: Date, cal: CalendarData): Date {
  return endOfShanghaiDay(addWorkingDays(cal, shanghaiDate(now), 2).date);
}

/** When an overdue clock escalates: the end of the working day after the one it fell due on. */
export function escalationTime(dueAt: Date, cal: CalendarData): Date {
  return endOfShanghaiDay(addWorkingDays(cal, shanghaiDate(dueAt), ESCALATE_AFTER_WORKING_DAYS).date);
}

/** The notices not yet sent that the clock is owed at `now`. */
export function noticesFor(clock: WatchedClock, now: Date, cal: CalendarData): ClockNotice[] {
  const dueAt = new Date(clock.due_at);
  const state = clockState(dueAt, now, cal);
  if (!state.overdue) return state.dueSoon && !clock.due_soon_notified_at ? ['due_soon'] : [];
  const notices: ClockNotice[] = [];
  // Once overdue, a missed "due soon" is not sent late: "overdue" says more.
  if (!clock.overdue_notified_at) notices.push('overdue');
  const escalateNow = clock.urgent === 1 || now.getTime() > escalationTime(dueAt, cal).getTime();
  if (!clock.escalated_at && escalateNow) notices.push('escalate');
  return notices;
}
