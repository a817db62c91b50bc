/**
 * The reward workflow for staff: the reward queue and the actions on a case's reward. Each action
 * is checked against the reward table, planned by a pure function (reward-plan.ts) and written with
 * its case event and audit entry in one batch.
 */
import type { CaseRow } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import { findCaseById, findCaseByNumber } from '../cases/cases.repository.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { readIdentity } from '../identity/identity.service.js';
import { outboxInsertQuery } from '../notify/outbox.repository.js';
import type { Actor } from '../staff/actor.js';
import { isRewardRole } from '../staff/roles.js';
import { allowedRewardActions, findRewardTransition } from './reward-lifecycle.js';
import { planRewardAction } from './reward-plan.js';
import { findReward, listMergeGroup, wasReferred, listRewardPage, moveRewardQuery, rewardEventQuery } from './rewards.repository.js';
import type { RewardActionInput, RewardQueueQuery } from './rewards.schema.js';
import { rewardQueueItem, rewardViewFor, type RewardState } from './rewards.view.js';
import { REWARD_RULES } from './rules.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';
import { guarded, staleWriteGuard } from '../lib/write-guard.js';

function requireRewardRole(actor: Actor) {
  if (!isRewardRole(actor.role)) throw new AppError('forbidden', `The role ${actor.role} has no reward work.`);
}

/**
 * The case's reward, or null when it has none. A report that asks for a reward gets its row in the
 * submission's batch (and migration 0015 wrote one for every earlier request), so the row is the reward.
 */
export async function rewardOf(deps: Deps, caseId: string): Promise<RewardState | null> {
  return (await findReward(deps.db, caseId)) ?? null;
}

/** One page of the reward queue (reward staff only), oldest change first. */
export async function listRewards(deps: Deps, actor: Actor, query: RewardQueueQuery) {
  requireRewardRole(actor);
  const rows = await listRewardPage(deps.db, {
    status: query.status, after: query.cursor ? decodeCursor(query.cursor) : undefined, limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(rewardQueueItem),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.updated_at, last.case_number) : null,
  };
}

/**
 * The reward notice to a named reporter who gave an e-mail address: the case number, the amount and
 * the claim deadline, and how to claim — nothing of the case itself (server/notify/catalog.ts).
 */
async function noticeMail(deps: Deps, row: Pick<CaseRow, 'id' | 'anonymous' | 'language'>, data: Record<string, unknown>, at: string) {
  if (row.anonymous === 1 || !(await readIdentity(deps, row.id))?.email) return [];
  return [outboxInsertQuery(deps.db, {
    case_id: row.id, template: 'reward_notified', recipient_type: 'reporter', recipient_ref: row.id,
    params: { language: row.language, amountFen: data.amountFen, claimBy: data.claimBy }, at,
  })];
}

/** Takes a reward action on the case as `actor`; answers the reward as it now is. */
export async function actOnReward(deps: Deps, actor: Actor, caseNumber: string, input: RewardActionInput) {
  requireRewardRole(actor);
  const caseRow = await findCaseByNumber(deps.db, caseNumber);
  if (!caseRow) throw new AppError('not_found', `No case ${caseNumber}.`);
  const reward = await rewardOf(deps, caseRow.id);
  if (!reward) throw new AppError('not_found', `The case ${caseNumber} has no reward request.`);
  const allowedNow = () => allowedRewardActions(actor.role, reward.status).join(', ') || 'none';
  const transition = findRewardTransition(input.action, reward.status);
  if (!transition) {
    throw new AppError('conflict', `The reward action ${input.action} is not allowed while the reward is ${reward.status}. Allowed now: ${allowedNow()}.`);
  }
  if (transition.who !== actor.role) {
    throw new AppError('forbidden', `Your role may not take the reward action ${input.action}. Allowed now: ${allowedNow()}.`);
  }
  const now = deps.clock.now();
  const [group, calendar, target] = await Promise.all([
    listMergeGroup(deps.db, caseRow), deps.calendar.get(), caseRow.merged_into ? findCaseById(deps.db, caseRow.merged_into) : undefined,
  ]);
  // A report merged into another is decided there: its penalty or referral is the target's.
  const decidedIn = target ?? caseRow;
  const outcome = { status: decidedIn.status, fine_fen: decidedIn.fine_fen, referred: await wasReferred(deps.db, decidedIn.id) };
  const plan = planRewardAction(input, { actor, reward, caseRow, outcome, group, rules: REWARD_RULES, now, calendar });
  const at = toShanghaiIso(now);
  const mail = plan.to === 'notified' ? await noticeMail(deps, caseRow, plan.data, at) : [];
  // Guarded on the state read: of two racing steps the later one rolls back whole (409).
  await guarded(`The reward changed meanwhile (it was ${reward.status}); reload and try again.`, () => commitWithAudit(deps, [
    moveRewardQuery(deps.db, caseRow.id, reward.status, plan.to, plan.set, at),
    staleWriteGuard(deps.db),
    rewardEventQuery(deps.db, {
      caseId: caseRow.id, at, event: `reward_${plan.to}`, actor: actor.username, note: plan.note, data: plan.data, public: plan.public,
    }),
    ...mail,
  ], [{ actor: actor.username, action: `reward.${input.action}`, caseId: caseRow.id, detail: { from: reward.status, to: plan.to, ...plan.data } }]));
  const after = await findReward(deps.db, caseRow.id);
  if (!after) throw new AppError('internal', 'The reward was not written.');
  return rewardViewFor(after, actor.role, caseRow.case_number);
}
