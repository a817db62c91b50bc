/**
 * Taking an action on a case: checked against the lifecycle table, everything it depends on read
 * first, its writes planned by a pure function (effects.ts), then written in one audited batch.
 */
import type { CaseRow } from '../../db/schema.js';
import type { CaseStatus } from '../../domain/vocabulary.js';
import { reporterHasEmail } from '../satisfaction/satisfaction.service.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { guarded } from '../lib/write-guard.js';
import type { Deps } from '../deps.js';
import { findDepartment } from '../directory/directory.repository.js';
import { AppError } from '../errors.js';
import { intakeCentreCode } from '../notify/sweep-rules.js';
import type { Actor } from '../staff/actor.js';
import { findCaseByNumber, listAssignments, listClocks } from './cases.repository.js';
import { effectStatements } from './effects.repository.js';
import { planEffects, type ActionFacts, type ActionInput } from './effects.js';
import { guardFailure, type GuardContext } from './guards.js';
import { actorMay, allowedActions, findTransition, isActionName, type ActionName, type CaseScope, type Transition } from './lifecycle.js';
import { findVisibleCase, sees } from './visibility.js';

/** What the caller needs after an action; the API reads the case page itself, a form only redirects. */
export interface ActionTaken {
  caseNumber: string;
  action: ActionName;
  /** The case's state after the action. */
  status: CaseStatus;
  /** Whether the actor still sees the case (a department that returned it does not). */
  visible: boolean;
}

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

/** The transition the actor may take now, or the refusal that says what is allowed instead. */
function checkedTransition(action: ActionName, input: ActionInput, scope: CaseScope, g: GuardContext): Transition {
  const { row, actor } = g;
  const allowedNow = () => allowedActions(actor, scope).filter((a) => guardFailure(a, g) === null).join(', ') || 'none';
  const transition = findTransition(action, scope);
  if (!transition) {
    throw new AppError('conflict', `The action ${action} is not allowed while the ${row.kind} is ${row.status}. Allowed now: ${allowedNow()}.`);
  }
  if (!actorMay(transition.who, actor, scope)) {
    throw new AppError('forbidden', `Your role may not take the action ${action} on this case. Allowed now: ${allowedNow()}.`);
  }
  checkRequired(transition, input);
  const blocked = guardFailure(action, g);
  if (blocked) throw new AppError('conflict', `The action ${action} cannot be taken: ${blocked}.`);
  return transition;
}

/** The rows only some actions depend on: the department to dispatch to, the case to merge into. */
async function readTargets(deps: Deps, action: ActionName, input: ActionInput, row: CaseRow): Promise<Pick<ActionFacts, 'department' | 'mergeTarget' | 'reporterEmail'>> {
  if ((action === 'assign' || action === 'add_cohandler') && input.department) {
    return { department: await findDepartment(deps.db, input.department) };
  }
  if (action === 'merge') return { mergeTarget: await findCaseByNumber(deps.db, (input.into ?? '').trim()) };
  if (action === 'close') return { reporterEmail: await reporterHasEmail(deps, row) };
  return {};
}

/** Takes `input.action` on the case as `actor`. */
export async function takeAction(deps: Deps, actor: Actor, caseNumber: string, input: ActionInput): Promise<ActionTaken> {
  const { row, cohandlers, visibility } = await findVisibleCase(deps, actor, caseNumber);
  if (!isActionName(input.action)) {
    throw new AppError('validation_failed', `Unknown action ${input.action}.`, [{ path: 'action', message: 'not an action' }]);
  }
  const action = input.action;
  const [clocks, assignments] = await Promise.all([listClocks(deps.db, row.id), listAssignments(deps.db, row.id)]);
  const scope: CaseScope = { kind: row.kind, status: row.status, department: row.department, cohandlers };
  const transition = checkedTransition(action, input, scope, { row, clocks, assignments, actor });
  const [targets, calendar] = await Promise.all([readTargets(deps, action, input, row), deps.calendar.get()]);
  const facts: ActionFacts = {
    actor, row, clocks, assignments, cohandlers, ...targets, escalationDepartment: intakeCentreCode(deps.config.INTAKE_PROVINCE),
  };
  const plan = planEffects(transition, facts, input, deps.clock.now(), calendar);
  await guarded(`The case changed meanwhile (it was ${row.status}); reload and try again.`, () =>
    commitWithAudit(deps, effectStatements(deps.db, plan.effects), [
      { actor: actor.username, action: `case.${action}`, caseId: row.id, detail: { from: row.status, to: plan.status } },
    ]));
  const visible = sees(visibility, plan.department, plan.cohandlers);
  return { caseNumber: row.case_number, action, status: plan.status, visible };
}
