/**
 * Which cases a staff member may see. Every feature that opens a case for staff (the case page,
 * actions, messages, contact, disclosure, downloads) asks here, so the rule exists once. It sits
 * below those services: it reads only the case repository.
 */
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { isRewardRole } from '../staff/roles.js';
import { findReward } from '../rewards/rewards.repository.js';
import { findCaseByNumber, listCohandlers, type Visibility } from './cases.repository.js';

export type { Visibility };

const CASE_ROLES = new Set(['intake', 'handler', 'supervisor']);

/** What this staff member may see; roles without case work are refused outright. */
export function visibilityOf(actor: Actor): Visibility {
  if (!CASE_ROLES.has(actor.role)) throw new AppError('forbidden', `The role ${actor.role} has no case queue.`);
  if (actor.role === 'intake') return { all: true };
  if (!actor.department) throw new AppError('forbidden', 'This account has no department.');
  return { all: false, department: actor.department };
}

/** Whether a case led by `department` (co-handled by `cohandlers`) is in what this visibility sees. */
export function sees(visibility: Visibility, department: string | null, cohandlers: readonly string[]): boolean {
  return visibility.all || department === visibility.department || cohandlers.includes(visibility.department);
}

/** Finds a case the actor may see; any other case is "not found", never "forbidden". */
export async function findVisibleCase(deps: Deps, actor: Actor, caseNumber: string, justActed = false) {
  const visibility = visibilityOf(actor);
  const row = await findCaseByNumber(deps.db, caseNumber);
  if (!row) throw new AppError('not_found', `No case ${caseNumber}.`);
  const cohandlers = await listCohandlers(deps.db, row.id);
  // justActed: a department that just returned a case is shown the result of its own action once.
  if (!justActed && !sees(visibility, row.department, cohandlers)) {
    throw new AppError('not_found', `No case ${caseNumber}.`);
  }
  return { row, cohandlers, visibility };
}

/**
 * Like findVisibleCase, and reward staff may also read (never act on) a case that has a reward, as
 * department staff see it; they see no queue of cases and no duplicates. Only the case page asks here.
 */
export async function findReadableCase(deps: Deps, actor: Actor, caseNumber: string, justActed = false) {
  if (!isRewardRole(actor.role)) return findVisibleCase(deps, actor, caseNumber, justActed);
  const row = await findCaseByNumber(deps.db, caseNumber);
  const hasReward = row !== undefined && (await findReward(deps.db, row.id)) !== undefined;
  // Any other case (or none): refused as before, the same answer whether it exists or not.
  if (!row || !hasReward) return findVisibleCase(deps, actor, caseNumber, justActed);
  const visibility: Visibility = { all: false, department: '' };
  return { row, cohandlers: await listCohandlers(deps.db, row.id), visibility };
}
