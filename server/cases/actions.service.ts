/** Taking an action on a case: checked against the lifecycle table, written in one audited batch. */
import type { CompiledQuery } from 'kysely';
import type { CaseStatus } from '../../domain/vocabulary.js';
import { newRowId } from '../lib/ids.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { listAssignments, listClocks, refreshNextDueQuery, updateCaseQuery } from './cases.repository.js';
import { getCase } from './case-page.service.js';
import { findVisibleCase } from './visibility.js';
import { applyEffects, type ActionInput, type EffectContext } from './effects.js';
import { guardFailure } from './guards.js';
import {
  actorMay, allowedActions, findTransition, knownActions, PUBLIC_EVENTS, REHANDLE_STATE, type ActionName, type Transition,
} from './lifecycle.js';

function checkRequired(t: Transition, input: ActionInput) {
  const missing = t.required.filter((f) => {
    const v = input[f];
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
  });
  if (missing.length > 0) {
    throw new AppError('validation_failed', `The action ${t.action} needs: ${missing.join(', ')}.`,
      missing.map((f) => ({ path: f, message: `required for ${t.action}` })));
  }
}

function nextStatus(t: Transition, row: { status: CaseStatus; status_before_transfer: CaseStatus | null; kind: keyof typeof REHANDLE_STATE }): CaseStatus {
  if (t.to === null) return row.status;
  if (t.to === 'restore') return row.status === 'transfer_requested' ? (row.status_before_transfer ?? 'received') : row.status;
  if (t.to === 'rehandle') return REHANDLE_STATE[row.kind];
  return t.to;
}

/** Takes `input.action` on the case as `actor`; returns the updated case page. */
export async function takeAction(deps: Deps, actor: Actor, caseNumber: string, input: ActionInput) {
  const { row, cohandlers } = await findVisibleCase(deps, actor, caseNumber);
  if (!knownActions.has(input.action)) {
    throw new AppError('validation_failed', `Unknown action ${input.action}.`, [{ path: 'action', message: 'not an action' }]);
  }
  const action = input.action as ActionName;
  const scope = { kind: row.kind, status: row.status, department: row.department, cohandlers };
  const [clocks, assignments] = await Promise.all([listClocks(deps.db, row.id), listAssignments(deps.db, row.id)]);
  const allowedNow = () => allowedActions(actor, scope).filter((a) => guardFailure(a, { row, clocks, assignments, actor }) === null);
  const transition = findTransition(action, scope);
  if (!transition) {
    throw new AppError('conflict', `The action ${action} is not allowed while the ${row.kind} is ${row.status}. Allowed now: ${allowedNow().join(', ') || 'none'}.`);
  }
  if (!actorMay(transition.who, actor, scope)) {
    throw new AppError('forbidden', `Your role may not take the action ${action} on this case. Allowed now: ${allowedNow().join(', ') || 'none'}.`);
  }
  checkRequired(transition, input);
  const blocked = guardFailure(action, { row, clocks, assignments, actor });
  if (blocked) throw new AppError('conflict', `The action ${action} cannot be taken: ${blocked}.`);

  const now = deps.clock.now();
  const ctx: EffectContext = {
    deps, actor, row, clocks, assignments, input, now, calendar: await deps.calendar.get(), queries: [], events: [],
  };
  const status = nextStatus(transition, row);
  await applyEffects(ctx, transition);
  const at = toShanghaiIso(now);
  const queries: CompiledQuery[] = [
    ...ctx.queries,
    deps.db.insertInto('case_events').values({
      id: newRowId(), case_id: row.id, at, event: action, actor: actor.username,
      note: input.reason ?? input.reply ?? input.note ?? null,
      data: JSON.stringify({ from: row.status, to: status, ...ctx.eventData }),
      public: PUBLIC_EVENTS.has(action) ? 1 : 0,
    }).compile(),
    ...ctx.events,
    updateCaseQuery(deps.db, row.id, {
      status, updated_at: at, ...(status === 'closed' && row.status !== 'closed' ? { closed_at: at } : {}), ...ctx.caseSet,
    }),
    refreshNextDueQuery(deps.db, row.id),
  ];
  await commitWithAudit(deps, queries, [
    { actor: actor.username, action: `case.${action}`, caseId: row.id, detail: { from: row.status, to: status } },
  ]);
  return getCase(deps, actor, caseNumber, true);
}
