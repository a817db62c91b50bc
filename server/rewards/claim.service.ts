/**
 * The reporter's side of a reward: what the follow-up shows and the claim (notified → claimed).
 * The follow-up feature calls these with the case of its session; payee details are its concern.
 */
import type { CompiledQuery } from 'kysely';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { guarded, staleWriteGuard } from '../lib/write-guard.js';
import { findRewardTransition } from './reward-lifecycle.js';
import { findReward, moveRewardQuery, rewardEventQuery } from './rewards.repository.js';
import type { RewardState } from './rewards.view.js';

/** The reward as the reporter sees it: state, amount and the claim deadline; null when none. */
export function reporterRewardView(r: RewardState | null | undefined) {
  if (!r) return null;
  const shown = r.status === 'notified' || r.status === 'claimed' || r.status === 'paid' || r.status === 'expired';
  return { status: r.status, ...(shown ? { amountFen: r.amount_fen, claimBy: r.claim_by } : {}) };
}

/** Throws a conflict unless the case's reward is notified and its claim date has not passed. */
export async function assertClaimable(deps: Deps, caseId: string): Promise<void> {
  const reward = await findReward(deps.db, caseId);
  if (!reward || !findRewardTransition('claim', reward.status)) {
    throw new AppError('conflict', reward
      ? `The reward is ${reward.status}: there is nothing to claim.`
      : 'No reward has been notified for this case, so there is nothing to claim yet.');
  }
  const now = deps.clock.now();
  if (reward.claim_by !== null && new Date(reward.claim_by).getTime() < now.getTime()) {
    throw new AppError('conflict', `The claim period ended at ${reward.claim_by}.`);
  }
}

/**
 * Claims a notified reward before its claim date. `extra` are statements the caller writes in the
 * same batch (the sealed payee details). A claim after the date is refused; the sweeper expires it.
 */
export async function claimReward(deps: Deps, caseId: string, extra: CompiledQuery[] = []) {
  await assertClaimable(deps, caseId);
  const at = toShanghaiIso(deps.clock.now());
  await guarded('The reward changed meanwhile; there is nothing to claim.', () => commitWithAudit(deps, [
    moveRewardQuery(deps.db, caseId, 'notified', 'claimed', { claimed_at: at }, at),
    staleWriteGuard(deps.db),
    rewardEventQuery(deps.db, { caseId, at, event: 'reward_claimed', actor: 'reporter', note: null, data: {}, public: false }),
    ...extra,
  ], [{ actor: 'reporter', action: 'reward.claim', caseId, detail: { from: 'notified', to: 'claimed' } }]));
  return reporterRewardView(await findReward(deps.db, caseId));
}
