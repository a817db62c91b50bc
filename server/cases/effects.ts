/** What each action writes besides its state and event: clocks, dispatches, messages, mail. */
import type { CompiledQuery, Selectable, Updateable } from 'kysely';
import { newRowId } from '../lib/ids.js';
import type { CaseAssignmentTable, CaseRow, CaseTable, ClockRow } from '../../db/schema.js';
import { workingDaysBetween, type CalendarData } from '../clocks/calendar.js';
import { computeDue, DEFAULT_CLOCK_RULES, extendDue, shanghaiDate, toShanghaiIso, type ClockRuleKey } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { findDepartment } from '../directory/directory.repository.js';
import { AppError } from '../errors.js';
import { SIGN_WINDOW } from '../intake/intake.service.js';
import { outboxInsertQuery } from '../notify/outbox.repository.js';
import type { Actor } from '../staff/actor.js';
import { findCaseByNumber, listCohandlers } from './cases.repository.js';
import { clockRunsFor, isOpen, NOT_ACCEPT_GROUNDS, type Transition } from './lifecycle.js';

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

export interface EffectContext {
  deps: Deps;
  actor: Actor;
  row: CaseRow;
  clocks: ClockRow[];
  assignments: Selectable<CaseAssignmentTable>[];
  input: ActionInput;
  now: Date;
  calendar: CalendarData;
  queries: CompiledQuery[];
  /** Events on other cases (a merge shows on both timelines). */
  events: CompiledQuery[];
  caseSet?: Updateable<CaseTable>;
  eventData?: Record<string, unknown>;
}

/** Escalation to the intake centre's supervisor after this many returns. */
export const ESCALATE_AFTER_TRANSFERS = 3;

const ESCALATION_DEPARTMENT = (deps: Deps) => `intake-${deps.config.INTAKE_PROVINCE}`;

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', `The request is not valid: ${message}.`, [{ path, message }]);
}

function outbox(ctx: EffectContext, template: string, department: string, extra: Record<string, unknown> = {}) {
  ctx.queries.push(outboxInsertQuery(ctx.deps.db, {
    case_id: ctx.row.id, template, recipient_type: 'department', recipient_ref: department,
    params: { category: ctx.row.category, dueAt: ctx.row.next_due_at, ...extra }, at: toShanghaiIso(ctx.now),
  }));
}

function updateClock(ctx: EffectContext, id: string, set: Updateable<ClockRow>) {
  ctx.queries.push(ctx.deps.db.updateTable('clocks').set(set).where('id', '=', id).compile());
}

function startClock(ctx: EffectContext, key: ClockRuleKey) {
  const rule = DEFAULT_CLOCK_RULES[key];
  if (!clockRunsFor(rule.clock, ctx.row.anonymous === 1)) return;
  const due = computeDue(ctx.calendar, ctx.now, rule);
  ctx.queries.push(ctx.deps.db.insertInto('clocks').values({
    id: newRowId(), case_id: ctx.row.id, clock: rule.clock, started_at: toShanghaiIso(ctx.now),
    due_at: toShanghaiIso(due.dueAt), provisional: due.provisional ? 1 : 0, status: 'running',
  }).compile());
}

function stopClocks(ctx: EffectContext, names: readonly string[]) {
  for (const c of ctx.clocks) {
    if (c.status !== 'stopped' && (names.includes('*') || names.includes(c.clock))) {
      updateClock(ctx, c.id, { status: 'stopped', stopped_at: toShanghaiIso(ctx.now), paused_at: null });
    }
  }
}

function dispatch(ctx: EffectContext, department: string) {
  const at = toShanghaiIso(ctx.now);
  const signDue = toShanghaiIso(computeDue(ctx.calendar, ctx.now, SIGN_WINDOW).dueAt);
  ctx.queries.push(ctx.deps.db.insertInto('case_assignments').values({
    id: newRowId(), case_id: ctx.row.id, department, dispatched_at: at, sign_due_at: signDue,
  }).compile());
  outbox(ctx, 'case_new_department', department);
}

async function activeDepartment(ctx: EffectContext, code: string | undefined) {
  const department = code ? await findDepartment(ctx.deps.db, code) : undefined;
  if (!department || department.active !== 1) invalid('department', `no active department ${code}`);
  return department.code;
}

/** A moved due date is a new deadline: its due-soon and overdue notices go out again. */
const RENOTIFY = { due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null } as const;

type Handler = (ctx: EffectContext) => void | Promise<void>;

const handlers: Partial<Record<string, Handler>> = {
  sign(ctx) {
    for (const a of ctx.assignments) {
      if (a.department === ctx.actor.department && !a.signed_at && !a.returned_at) {
        ctx.queries.push(ctx.deps.db.updateTable('case_assignments').set({ signed_at: toShanghaiIso(ctx.now) }).where('id', '=', a.id).compile());
      }
    }
  },
  not_accept(ctx) {
    if (!(NOT_ACCEPT_GROUNDS as readonly string[]).includes(ctx.input.ground ?? '')) {
      invalid('ground', `one of ${NOT_ACCEPT_GROUNDS.join(', ')}`);
    }
    ctx.eventData = { ground: ctx.input.ground };
  },
  extend(ctx) {
    const clock = ctx.clocks.find((c) => c.clock === 'open_decision' && c.status !== 'stopped')!;
    const rule = DEFAULT_CLOCK_RULES.open_decision_extension;
    const moved = extendDue(ctx.calendar, new Date(clock.due_at), 'workingDays' in rule ? rule.workingDays : 15);
    updateClock(ctx, clock.id, { due_at: toShanghaiIso(moved.dueAt), extended: 1, provisional: moved.provisional || clock.provisional === 1 ? 1 : 0, ...RENOTIFY });
    ctx.eventData = { clock: clock.clock, from: clock.due_at, dueAt: toShanghaiIso(moved.dueAt) };
  },
  decide_penalty(ctx) {
    const fine = ctx.input.fineFen;
    if (typeof fine !== 'number' || !Number.isSafeInteger(fine) || fine < 0) invalid('fineFen', 'a whole number of fen, 0 or more');
    ctx.caseSet = { fine_fen: fine };
    ctx.eventData = { fineFen: fine };
  },
  close(ctx) {
    // The result reply goes to the reporter's follow-up page as a message from the department.
    ctx.queries.push(ctx.deps.db.insertInto('case_messages').values({
      id: newRowId(), case_id: ctx.row.id, at: toShanghaiIso(ctx.now), sender: 'department', author: ctx.actor.username, body: ctx.input.reply!.trim(),
    }).compile());
  },
  pause(ctx) {
    for (const c of ctx.clocks.filter((c) => c.status === 'running')) updateClock(ctx, c.id, { status: 'paused', paused_at: toShanghaiIso(ctx.now) });
  },
  resume(ctx) {
    const moved: Record<string, string> = {};
    for (const c of ctx.clocks.filter((c) => c.status === 'paused' && c.paused_at)) {
      const days = workingDaysBetween(ctx.calendar, shanghaiDate(new Date(c.paused_at!)), shanghaiDate(ctx.now));
      const due = days > 0 ? extendDue(ctx.calendar, new Date(c.due_at), days) : { dueAt: new Date(c.due_at), provisional: false };
      updateClock(ctx, c.id, {
        status: 'running', paused_at: null, due_at: toShanghaiIso(due.dueAt), paused_working_days: c.paused_working_days + days,
        provisional: due.provisional || c.provisional === 1 ? 1 : 0, ...(days > 0 ? RENOTIFY : {}),
      });
      moved[c.clock] = `${days} working days`;
    }
    ctx.eventData = { paused: moved };
  },
  request_transfer(ctx) {
    const at = toShanghaiIso(ctx.now);
    for (const a of ctx.assignments.filter((a) => a.department === ctx.row.department && !a.returned_at)) {
      ctx.queries.push(ctx.deps.db.updateTable('case_assignments').set({ returned_at: at, return_reason: ctx.input.reason! }).where('id', '=', a.id).compile());
    }
    const count = ctx.row.transfer_count + 1;
    const escalate = count >= ESCALATE_AFTER_TRANSFERS && ctx.row.escalated === 0;
    ctx.caseSet = { department: null, status_before_transfer: ctx.row.status, transfer_count: count, ...(escalate ? { escalated: 1 } : {}) };
    ctx.eventData = { department: ctx.row.department, transfers: count };
    if (escalate) {
      ctx.events.push(ctx.deps.db.insertInto('case_events').values({
        id: newRowId(), case_id: ctx.row.id, at, event: 'escalated', actor: 'system',
        note: `returned ${count} times: escalated to the intake centre supervisor`, data: null, public: 0,
      }).compile());
      outbox(ctx, 'escalation', ESCALATION_DEPARTMENT(ctx.deps), { reason: 'transfers', transfers: count });
    }
  },
  async assign(ctx) {
    const department = await activeDepartment(ctx, ctx.input.department);
    ctx.caseSet = { department, status_before_transfer: null };
    ctx.eventData = { department, previous: ctx.row.department };
    dispatch(ctx, department);
  },
  async add_cohandler(ctx) {
    const department = await activeDepartment(ctx, ctx.input.department);
    const existing = await listCohandlers(ctx.deps.db, ctx.row.id);
    if (department === ctx.row.department || existing.includes(department)) {
      throw new AppError('conflict', `${department} already handles this case.`);
    }
    ctx.queries.push(ctx.deps.db.insertInto('case_cohandlers').values({
      case_id: ctx.row.id, department, reason: ctx.input.reason ?? 'added by the intake centre', added_at: toShanghaiIso(ctx.now),
    }).compile());
    ctx.eventData = { department };
    dispatch(ctx, department);
  },
  urge(ctx) {
    ctx.caseSet = { urge_count: ctx.row.urge_count + 1, last_urged_at: toShanghaiIso(ctx.now) };
    if (ctx.row.department) outbox(ctx, 'urge', ctx.row.department, { by: ctx.actor.role });
  },
  async merge(ctx) {
    const target = await findCaseByNumber(ctx.deps.db, (ctx.input.into ?? '').trim());
    const visible = target && (ctx.actor.role === 'intake' || target.department === ctx.actor.department);
    if (!target || !visible || target.id === ctx.row.id) invalid('into', 'the number of another case you can see');
    if (!isOpen(target.status)) throw new AppError('conflict', `Case ${target.case_number} is ${target.status}: merge into an open case.`);
    ctx.caseSet = { merged_into: target.id };
    ctx.eventData = { into: target.case_number };
    ctx.events.push(ctx.deps.db.insertInto('case_events').values({
      id: newRowId(), case_id: target.id, at: toShanghaiIso(ctx.now), event: 'merged_from', actor: ctx.actor.username,
      note: ctx.row.case_number, data: JSON.stringify({ from: ctx.row.case_number }), public: 0,
    }).compile());
  },
  rehandle(ctx) {
    ctx.caseSet = { rehandle_count: ctx.row.rehandle_count + 1, closed_at: null };
    if (ctx.row.kind === 'complaint') startClock(ctx, 'mediation');
    if (ctx.row.kind === 'report') startClock(ctx, 'open_decision');
  },
};

/** Runs the transition's clock changes and the action's own effects into ctx.queries. */
export async function applyEffects(ctx: EffectContext, t: Transition): Promise<void> {
  if (t.stops) stopClocks(ctx, t.stops);
  for (const key of t.starts ?? []) startClock(ctx, key);
  await handlers[t.action]?.(ctx);
}
