/**
 * What an action writes, planned as plain data from what takeAction read beforehand: the case's
 * new state, its clocks, dispatches, messages, mail and events. Pure (no database, no clock, no
 * random ids), so every rule is tested without a database; effects.repository.ts writes the plan.
 */
import type { CaseRow } from '../../db/schema.js';
import type { CaseStatus } from '../../domain/vocabulary.js';
import type { CalendarData } from '../clocks/calendar.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import { ACTION_EFFECTS } from './effects/actions.js';
import { startClock, stopClocks } from './effects/clocks.js';
import type { ActionEffects, ActionFacts, ActionInput, CaseUpdate, Effect, Planning } from './effects/types.js';
import { PUBLIC_EVENTS, REHANDLE_STATE, type Transition } from './lifecycle.js';

export type { ActionFacts, ActionInput, Effect } from './effects/types.js';
export { ESCALATE_AFTER_TRANSFERS } from './effects/actions.js';

export interface ActionPlan {
  /** The case's state after the action. */
  status: CaseStatus;
  /** The lead department and co-handlers after the action: who still sees the case. */
  department: string | null;
  cohandlers: string[];
  /** The writes in the order they are made. */
  effects: Effect[];
}

function nextStatus(t: Transition, row: CaseRow): CaseStatus {
  if (t.to === null) return row.status;
  if (t.to === 'restore') return row.status === 'transfer_requested' ? (row.status_before_transfer ?? 'received') : row.status;
  if (t.to === 'rehandle') return REHANDLE_STATE[row.kind];
  return t.to;
}

function actionEvent(p: Planning, t: Transition, status: CaseStatus, own: ActionEffects): Effect {
  const { row, actor } = p.facts;
  return {
    type: 'event', caseId: row.id, at: p.at, event: t.action, actor: actor.username,
    note: p.input.reason ?? p.input.reply ?? p.input.note ?? null,
    // `entered`: the status the case entered, only when it changed (the counters' status:<status>).
    data: { from: row.status, to: status, ...own.eventData, ...(status !== row.status ? { entered: status } : {}) },
    public: PUBLIC_EVENTS.has(t.action),
  };
}

/**
 * The writes of taking `t` with `input` on the case in `facts`, in order: the transition's clocks,
 * the action's own writes, its event, events after it (on this case or another), the case row, the
 * queue's sort key. Throws the AppError of the action's own checks (ground, fine, department, merge target).
 */
export function planEffects(t: Transition, facts: ActionFacts, input: ActionInput, now: Date, calendar: CalendarData): ActionPlan {
  const p: Planning = { facts, input, now, at: toShanghaiIso(now), calendar };
  const clocks = [...stopClocks(p, t.stops ?? []), ...(t.starts ?? []).flatMap((key) => startClock(p, key))];
  const own = ACTION_EFFECTS[t.action](p);
  const { row } = facts;
  const status = nextStatus(t, row);
  const set: CaseUpdate = {
    status, updated_at: p.at, ...(status === 'closed' && row.status !== 'closed' ? { closed_at: p.at } : {}), ...own.caseSet,
  };
  const effects: Effect[] = [
    ...clocks,
    ...own.effects ?? [],
    actionEvent(p, t, status, own),
    ...own.events ?? [],
    { type: 'case_update', caseId: row.id, set, expect: { status: row.status, department: row.department } },
    { type: 'refresh_next_due', caseId: row.id },
  ];
  const added = effects.flatMap((e) => (e.type === 'insert_cohandler' ? [e.department] : []));
  return {
    status,
    department: set.department !== undefined ? set.department : row.department,
    cohandlers: [...facts.cohandlers, ...added],
    effects,
  };
}
