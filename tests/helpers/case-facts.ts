/** Rows and facts for the pure action rules (planner, guards), without a database. */
import { publishedSchedules } from '../../db/seed/calendar.js';
import type { CaseRow, ClockRow } from '../../db/schema.js';
import type { CalendarData } from '../../server/clocks/calendar.js';
import type { AssignmentRow } from '../../server/cases/effects/types.js';
import { planEffects, type ActionFacts, type ActionInput, type Effect } from '../../server/cases/effects.js';
import { findTransition, type ActionName } from '../../server/cases/lifecycle.js';
import { AppError } from '../../server/errors.js';
import type { Actor } from '../../server/staff/actor.js';

/** The published State Council schedules, as the app loads them. */
export function publishedCalendar(): CalendarData {
  const schedules = publishedSchedules();
  return {
    publishedYears: new Set(schedules.map((s) => s.year)),
    days: new Map(schedules.flatMap((s) => s.days.map((d) => [d.date, { working: d.working, name: d.name }] as const))),
  };
}

export function caseRow(over: Partial<CaseRow> = {}): CaseRow {
  return {
    id: 'case-1', case_number: 'GD2026110200001', kind: 'complaint', category: 'food', region: '440106',
    status: 'received', department: 'gz-th-samr', routing_rule: null, routing_reason: 'test', subject_name: '某某餐厅',
    subject_credit_code: null, subject_address: null, credit_code_check_failed: 0, description: 'text', claim: null,
    occurred_on: null, severity: null, reward_requested: 0, urgent: 0, anonymous: 0, pseudonym: 'P-1',
    receipt_hash: 'h', receipt_key_id: 'k', language: 'zh', received_at: '2026-11-02T09:00:00.000+08:00',
    updated_at: '2026-11-02T09:00:00.000+08:00', closed_at: null, next_due_at: '2026-11-11T23:59:59.999+08:00',
    fine_fen: null, transfer_count: 0, status_before_transfer: null, escalated: 0, urge_count: 0, last_urged_at: null,
    rehandle_count: 0, merged_into: null, legal_hold: 0, purged_at: null, reporter_relation: null,
    product_name: null, product_brand: null, product_model: null, product_batch: null, product_gtin: null, gtin_check_failed: 0,
    accident_deaths: null, accident_seriously_injured: null, accident_injured: null, accident_loss_fen: null, filed_by_enterprise: 0,
    ...over,
  };
}

export function clockRow(over: Partial<ClockRow> = {}): ClockRow {
  return {
    id: 'clock-1', case_id: 'case-1', clock: 'accept_decision', started_at: '2026-11-02T09:00:00.000+08:00',
    due_at: '2026-11-11T23:59:59.999+08:00', provisional: 0, status: 'running', stopped_at: null, paused_at: null,
    extended: 0, paused_working_days: 0, due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null,
    ...over,
  };
}

export function assignmentRow(over: Partial<AssignmentRow> = {}): AssignmentRow {
  return {
    id: 'asg-1', case_id: 'case-1', department: 'gz-th-samr', dispatched_at: '2026-11-02T09:00:00.000+08:00',
    sign_due_at: '2026-11-03T23:59:59.999+08:00', signed_at: null, returned_at: null, return_reason: null,
    ...over,
  };
}

export function actor(over: Partial<Actor> = {}): Actor {
  return { userId: 'u1', username: 'handler1', role: 'handler', department: 'gz-th-samr', displayName: '承办人', ...over };
}

export function facts(over: Partial<ActionFacts> = {}): ActionFacts {
  return {
    actor: actor(), row: caseRow(), clocks: [clockRow()], assignments: [assignmentRow()], cohandlers: [],
    escalationDepartment: 'intake-440000',
    ...over,
  };
}

const calendar = publishedCalendar();

/** Monday 2 November 2026, 10:00 in Shanghai, and as stored. */
export const MONDAY = new Date('2026-11-02T02:00:00.000Z');
export const MONDAY_AT = '2026-11-02T10:00:00.000+08:00';

/** Plans the action on the case of `f` the way takeAction does, on the published calendar. */
export function planAction(action: ActionName, f: ActionFacts, input: Omit<ActionInput, 'action'> = {}, now = MONDAY) {
  const t = findTransition(action, { kind: f.row.kind, status: f.row.status, department: f.row.department, cohandlers: f.cohandlers });
  if (!t) throw new Error(`no transition ${action} from ${f.row.status}`);
  return planEffects(t, f, { action, ...input }, now, calendar);
}

export const ofType = <T extends Effect['type']>(effects: Effect[], type: T) =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);

/** The AppError `run` throws. */
export function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('no refusal');
}
