/**
 * The claim window's end: a notified reward not claimed by its claim_by time expires. Run by the
 * sweeper; each reward in its own audited batch, its event and change guarded on the reward still
 * being notified, so repeated or concurrent sweeps expire it once.
 */
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { expireRewardQuery, guardedExpiryEvent, listLapsedClaims } from './rewards.repository.js';

/** Expires the rewards whose claim window has passed; returns how many. */
export async function expireRewards(deps: Deps, now = deps.clock.now()): Promise<number> {
  const at = toShanghaiIso(now);
  let expired = 0;
  for (const r of await listLapsedClaims(deps.db, at)) {
    const results = await commitWithAudit(deps, [
      guardedExpiryEvent(deps.db, r.case_id, r.claim_by, at),
      expireRewardQuery(deps.db, r.case_id, at),
    ], [{ actor: 'system', action: 'reward.expire', caseId: r.case_id, detail: { from: 'notified', to: 'expired', claimBy: r.claim_by } }]);
    if (Number(results[1]?.numAffectedRows ?? 0) === 1) expired += 1;
  }
  return expired;
}
