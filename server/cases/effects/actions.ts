/**
 * What each action writes besides its transition's state and clocks. A table over every action,
 * so the compiler proves each one was considered; most only change state.
 */
import { workingDaysBetween } from '../../clocks/calendar.js';
import { computeDue, shanghaiDate, SIGN_WINDOW, toShanghaiIso } from '../../clocks/clocks.js';
import { AppError } from '../../errors.js';
import { isOpen, NOT_ACCEPT_GROUNDS, type ActionName } from '../lifecycle.js';
import { extend, pause, resume, startClock } from './clocks.js';
import type { ActionEffects, Effect, Planning } from './types.js';

/** Escalation to the intake centre's supervisor after this many returns. */
export const ESCALATE_AFTER_TRANSFERS = 3;

function invalid(path: string, message: string): never {
  throw new AppError('validation_failed', `The request is not valid: ${message}.`, [{ path, message }]);
}

function outbox(p: Planning, template: string, department: string, extra: Record<string, unknown> = {}): Effect {
  const { row } = p.facts;
  return {
    type: 'outbox', caseId: row.id, template, department,
    params: { category: row.category, dueAt: row.next_due_at, ...extra }, at: p.at,
  };
}

/** A dispatch to a department, with its sign-for window and the department's mail. */
function dispatch(p: Planning, department: string): Effect[] {
  const signDueAt = toShanghaiIso(computeDue(p.calendar, p.now, SIGN_WINDOW).dueAt);
  return [
    { type: 'insert_assignment', caseId: p.facts.row.id, department, dispatchedAt: p.at, signDueAt },
    outbox(p, 'case_new_department', department),
  ];
}

function activeDepartment(p: Planning): string {
  const department = p.facts.department;
  if (!department || department.active !== 1) invalid('department', `no active department ${p.input.department}`);
  return department.code;
}

function sign(p: Planning): ActionEffects {
  const { assignments, actor } = p.facts;
  return {
    effects: assignments.filter((a) => a.department === actor.department && !a.signed_at && !a.returned_at)
      .map((a): Effect => ({ type: 'update_assignment', id: a.id, set: { signed_at: p.at } })),
  };
}

function notAccept(p: Planning): ActionEffects {
  if (!(NOT_ACCEPT_GROUNDS as readonly string[]).includes(p.input.ground ?? '')) {
    invalid('ground', `one of ${NOT_ACCEPT_GROUNDS.join(', ')}`);
  }
  return { eventData: { ground: p.input.ground } };
}

function decidePenalty(p: Planning): ActionEffects {
  const fine = p.input.fineFen;
  if (typeof fine !== 'number' || !Number.isSafeInteger(fine) || fine < 0) invalid('fineFen', 'a whole number of fen, 0 or more');
  return { caseSet: { fine_fen: fine }, eventData: { fineFen: fine } };
}

/**
 * The result reply goes to the reporter's follow-up page as a message from the department; a named
 * reporter with an e-mail address also gets the rating link (made when the mail is composed).
 */
function close(p: Planning): ActionEffects {
  const { row } = p.facts;
  const invite: Effect[] = p.facts.reporterEmail && row.anonymous === 0 && row.rehandle_count === 0
    ? [{ type: 'outbox', caseId: row.id, template: 'rating_invite', department: '', params: {}, at: p.at, toReporter: true }] : [];
  return {
    effects: [{ type: 'message', caseId: row.id, at: p.at, author: p.facts.actor.username, body: p.input.reply!.trim() }, ...invite],
    // Working days from receipt to close (the day of receipt not counted): the counters' close_wd histogram.
    eventData: { workingDays: workingDaysBetween(p.calendar, shanghaiDate(new Date(row.received_at)), shanghaiDate(p.now)) },
  };
}

/** The department hands the case back; the third return escalates it to the intake centre. */
function requestTransfer(p: Planning): ActionEffects {
  const { row, assignments } = p.facts;
  const returned = assignments.filter((a) => a.department === row.department && !a.returned_at)
    .map((a): Effect => ({ type: 'update_assignment', id: a.id, set: { returned_at: p.at, return_reason: p.input.reason! } }));
  const count = row.transfer_count + 1;
  const escalate = count >= ESCALATE_AFTER_TRANSFERS && row.escalated === 0;
  const caseSet = { department: null, status_before_transfer: row.status, transfer_count: count, ...(escalate ? { escalated: 1 } : {}) };
  const eventData = { department: row.department, transfers: count };
  if (!escalate) return { effects: returned, caseSet, eventData };
  return {
    effects: [...returned, outbox(p, 'escalation', p.facts.escalationDepartment, { reason: 'transfers', transfers: count })],
    events: [{
      type: 'event', caseId: row.id, at: p.at, event: 'escalated', actor: 'system',
      note: `returned ${count} times: escalated to the intake centre supervisor`, data: null, public: false,
    }],
    caseSet,
    eventData,
  };
}

function assign(p: Planning): ActionEffects {
  const department = activeDepartment(p);
  return {
    effects: dispatch(p, department),
    caseSet: { department, status_before_transfer: null },
    eventData: { department, previous: p.facts.row.department },
  };
}

function addCohandler(p: Planning): ActionEffects {
  const department = activeDepartment(p);
  const { row, cohandlers } = p.facts;
  if (department === row.department || cohandlers.includes(department)) {
    throw new AppError('conflict', `${department} already handles this case.`);
  }
  const reason = p.input.reason ?? 'added by the intake centre';
  return {
    effects: [{ type: 'insert_cohandler', caseId: row.id, department, reason, addedAt: p.at }, ...dispatch(p, department)],
    eventData: { department },
  };
}

function urge(p: Planning): ActionEffects {
  const { row, actor } = p.facts;
  return {
    effects: row.department ? [outbox(p, 'urge', row.department, { by: actor.role })] : [],
    caseSet: { urge_count: row.urge_count + 1, last_urged_at: p.at },
  };
}

/** A duplicate merges into an open case the actor can see; the merge shows on both timelines. */
function merge(p: Planning): ActionEffects {
  const { row, actor, mergeTarget: target } = p.facts;
  const visible = target && (actor.role === 'intake' || target.department === actor.department);
  if (!target || !visible || target.id === row.id) invalid('into', 'the number of another case you can see');
  if (!isOpen(target.status)) throw new AppError('conflict', `Case ${target.case_number} is ${target.status}: merge into an open case.`);
  return {
    events: [{
      type: 'event', caseId: target.id, at: p.at, event: 'merged_from', actor: actor.username,
      note: row.case_number, data: { from: row.case_number }, public: false,
    }],
    caseSet: { merged_into: target.id },
    eventData: { into: target.case_number },
  };
}

/** A closed case opens again once, with the first clock of its handling. */
function rehandle(p: Planning): ActionEffects {
  const { row } = p.facts;
  return {
    effects: row.kind === 'complaint' ? startClock(p, 'mediation') : row.kind === 'report' ? startClock(p, 'open_decision') : [],
    caseSet: { rehandle_count: row.rehandle_count + 1, closed_at: null },
  };
}

/** The action changes state (and the transition's clocks) only. */
const stateOnly = (): ActionEffects => ({});

export const ACTION_EFFECTS: Record<ActionName, (p: Planning) => ActionEffects> = {
  sign,
  accept: stateOnly,
  not_accept: notAccept,
  start_mediation: stateOnly,
  mediated: stateOnly,
  mediation_failed: stateOnly,
  start_verification: stateOnly,
  open_case: stateOnly,
  not_open: stateOnly,
  extend,
  decide_penalty: decidePenalty,
  refer_prosecution: stateOnly,
  triage: stateOnly,
  start_investigation: stateOnly,
  close,
  pause,
  resume,
  request_transfer: requestTransfer,
  assign,
  add_cohandler: addCohandler,
  urge,
  merge,
  rehandle,
  note: stateOnly,
};
