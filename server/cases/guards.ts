/** Conditions beyond the transition table: what the case's clocks and dispatches allow now. */
import type { CaseAssignmentTable, CaseRow, ClockRow } from '../../db/schema.js';
import type { Actor } from '../staff/actor.js';
import { MAX_REHANDLES, type ActionName } from './lifecycle.js';

export interface GuardContext {
  row: CaseRow;
  clocks: readonly ClockRow[];
  assignments: readonly CaseAssignmentTable[];
  actor: Actor;
}

/** Why the action cannot be taken now, or null when it can. */
export function guardFailure(action: ActionName, g: GuardContext): string | null {
  switch (action) {
    case 'sign':
      return g.assignments.some((a) => a.department === g.actor.department && !a.signed_at && !a.returned_at)
        ? null : 'there is no unsigned dispatch for your department';
    case 'pause':
      return g.clocks.some((c) => c.status === 'running') ? null : 'no clock is running';
    case 'resume':
      return g.clocks.some((c) => c.status === 'paused') ? null : 'no clock is paused';
    case 'extend': {
      const clock = g.clocks.find((c) => c.clock === 'open_decision' && c.status !== 'stopped');
      if (!clock) return 'the open-case decision clock is not running';
      return clock.extended ? 'the open-case decision was already extended once' : null;
    }
    case 'urge':
      // Urging is addressed to the lead department: a case in triage has none yet, it needs dispatching.
      return g.row.department === null ? 'the case has no department yet: dispatch it first (assign)' : null;
    case 'rehandle':
      return g.row.rehandle_count >= MAX_REHANDLES ? 'a case is re-handled once at most' : null;
    default:
      return null;
  }
}

export function guardedActions(actions: ActionName[], g: GuardContext): ActionName[] {
  return actions.filter((a) => guardFailure(a, g) === null);
}
