/** Case shapes as staff see them: redacted text, pseudonym, clocks with time left. */
import type { CaseEventRow, CaseRow, ClockRow } from '../../db/schema.js';
import type { CalendarData } from '../clocks/calendar.js';
import { clockState } from '../clocks/clocks.js';
import type { Named } from '../directory/directory.js';
import type { QueueRow } from './cases.repository.js';

export type DepartmentNames = ReadonlyMap<string, Named>;

export const departmentOf = (code: string | null, names: DepartmentNames) =>
  code === null ? null : { code, name: names.get(code) ?? { zh: code, en: code } };

export function clockView(c: ClockRow, now: Date, cal: CalendarData) {
  const running = c.status === 'running';
  const state = clockState(new Date(c.due_at), now, cal);
  return {
    clock: c.clock,
    startedAt: c.started_at,
    dueAt: c.due_at,
    provisional: c.provisional === 1,
    status: c.status,
    stoppedAt: c.stopped_at,
    pausedAt: c.paused_at,
    pausedWorkingDays: c.paused_working_days,
    extended: c.extended === 1,
    overdue: running && state.overdue,
    dueSoon: running && state.dueSoon,
    msLeft: running ? state.msLeft : null,
    // Stopped after its due time: counts against on-time completion.
    late: c.status === 'stopped' && c.stopped_at !== null && new Date(c.stopped_at) > new Date(c.due_at),
  };
}

export type ClockView = ReturnType<typeof clockView>;

export function eventView(e: CaseEventRow) {
  return { at: e.at, event: e.event, actor: e.actor, note: e.note, public: e.public === 1, data: e.data ? JSON.parse(e.data) as unknown : null };
}

/** A running clock as a queue row lists it: the same shape as the submission answer's `due`. */
export type DueItem = { clock: string; dueAt: string; provisional: boolean };

export function queueItemView(c: QueueRow, names: DepartmentNames, now: Date, dueSoonBy: string, running: DueItem[] = []) {
  const nowIso = now.toISOString();
  const overdue = c.next_due_at !== null && new Date(c.next_due_at).toISOString() < nowIso;
  return {
    caseNumber: c.case_number,
    kind: c.kind,
    category: c.category,
    region: c.region,
    status: c.status,
    department: departmentOf(c.department, names),
    receivedAt: c.received_at,
    due: running,
    nextDueAt: c.next_due_at,
    overdue,
    dueSoon: !overdue && c.next_due_at !== null && c.next_due_at <= dueSoonBy,
    msLeft: c.next_due_at === null ? null : new Date(c.next_due_at).getTime() - now.getTime(),
    reporter: c.pseudonym,
    urgent: c.urgent === 1,
    urged: c.urge_count > 0,
    escalated: c.escalated === 1,
    subject: c.subject_name,
  };
}

/** An injury's accident figures as staff see them (plain case facts); null when none were given. */
export function accidentView(c: Pick<CaseRow, 'accident_deaths' | 'accident_seriously_injured' | 'accident_injured' | 'accident_loss_fen'>) {
  if (c.accident_deaths === null || c.accident_seriously_injured === null || c.accident_injured === null) return null;
  return { deaths: c.accident_deaths, seriouslyInjured: c.accident_seriously_injured, injured: c.accident_injured, directLossFen: c.accident_loss_fen };
}

/** Who filed: the responsible enterprise itself (its contact person sealed as the reporter), or a citizen. */
export const filedByView = (c: Pick<CaseRow, 'filed_by_enterprise'>): 'enterprise' | 'citizen' =>
  (c.filed_by_enterprise === 1 ? 'enterprise' : 'citizen');
