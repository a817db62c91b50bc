/** The plan of an action as plain data: what was read before it, and the writes it makes. */
import type { CaseAssignmentTable, CaseRow, ClockRow } from '../../../db/schema.js';
import type { CaseStatus } from '../../../domain/vocabulary.js';
import type { CalendarData } from '../../clocks/calendar.js';
import type { ClockName } from '../../clocks/clocks.js';
import type { Actor } from '../../staff/actor.js';

export interface ActionInput {
  action: string;
  reason?: string;
  reply?: string;
  note?: string;
  ground?: string;
  fineFen?: number;
  department?: string;
  into?: string;
}

export type AssignmentRow = CaseAssignmentTable;
export type CaseUpdate = Partial<Omit<CaseRow, 'id' | 'case_number'>>;
export type ClockUpdate = Partial<Omit<ClockRow, 'id' | 'case_id' | 'clock'>>;

/** Everything the plan depends on, read before it is made. */
export interface ActionFacts {
  actor: Pick<Actor, 'username' | 'role' | 'department'>;
  row: CaseRow;
  clocks: readonly ClockRow[];
  assignments: readonly AssignmentRow[];
  cohandlers: readonly string[];
  /** The department input.department names (assign, add_cohandler); undefined when the directory has none. */
  department?: { code: string; active: number } | undefined;
  /** The case input.into names (merge); undefined when there is none. */
  mergeTarget?: Pick<CaseRow, 'id' | 'case_number' | 'status' | 'department'> | undefined;
  /** The intake centre, whose supervisors hear of a case returned too often. */
  escalationDepartment: string;
  /** Whether a named reporter gave an e-mail address: read for `close` (the rating link), else undefined. */
  reporterEmail?: boolean | undefined;
}

/** One write of an action. Row ids are made where the effect becomes a statement. */
export type Effect =
  | { type: 'start_clock'; caseId: string; clock: ClockName; startedAt: string; dueAt: string; provisional: boolean }
  | { type: 'update_clock'; id: string; set: ClockUpdate }
  | { type: 'insert_assignment'; caseId: string; department: string; dispatchedAt: string; signDueAt: string }
  | { type: 'update_assignment'; id: string; set: Partial<Pick<AssignmentRow, 'signed_at' | 'returned_at' | 'return_reason'>> }
  | { type: 'insert_cohandler'; caseId: string; department: string; reason: string; addedAt: string }
  /** A message from the department on the reporter's follow-up page. */
  | { type: 'message'; caseId: string; at: string; author: string; body: string }
  /** To a department, or with `toReporter` to the case's reporter (`department` then unused). */
  | { type: 'outbox'; caseId: string; template: string; department: string; params: Record<string, unknown>; at: string; toReporter?: boolean }
  | {
    type: 'event'; caseId: string; at: string; event: string; actor: string; note: string | null;
    data: Record<string, unknown> | null; public: boolean;
  }
  /** `expect`: the case's status and department as read; a row changed since then rolls the batch back. */
  | { type: 'case_update'; caseId: string; set: CaseUpdate; expect: { status: CaseStatus; department: string | null } }
  /** Recomputes the queue's sort key from the running clocks: the last write. */
  | { type: 'refresh_next_due'; caseId: string };

/** What the planner works from. */
export interface Planning {
  facts: ActionFacts;
  input: ActionInput;
  now: Date;
  /** `now` as stored. */
  at: string;
  calendar: CalendarData;
}

/** What an action adds to its transition. */
export interface ActionEffects {
  /** Writes before the action's event. */
  effects?: Effect[];
  /** Events after the action's own, on this case or another (a merge shows on both timelines). */
  events?: Effect[];
  caseSet?: CaseUpdate;
  /** Recorded with the action's event. */
  eventData?: Record<string, unknown>;
}
