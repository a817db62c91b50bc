/**
 * The reporter's reward claim through the follow-up (docs/lifecycle.md "Rewards"): the payee details
 * are sealed like an identity and written in the claim's own audited batch.
 * They are opened only at payout (server/rewards/payee.service.ts).
 */
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { seal } from '../identity/seal.js';
import { claimReward } from '../rewards/claim.service.js';
import { payeeContext } from '../rewards/payee.service.js';
import { insertRewardPayeeQuery } from './followup.repository.js';
import type { RewardClaim } from './followup.schema.js';

/** Claims the case's notified reward for this payee; a conflict when there is nothing to claim. */
export async function claimRewardAsReporter(deps: Deps, caseId: string, { payee }: RewardClaim) {
  const value = { name: payee.name, idNumber: payee.idNumber, bankAccount: payee.bankAccount, bankName: payee.bankName ?? null };
  const box = await seal(deps.keys, value, payeeContext(caseId));
  const row = {
    case_id: caseId, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext,
    created_at: toShanghaiIso(deps.clock.now()),
  };
  return claimReward(deps, caseId, [insertRewardPayeeQuery(deps.db, row)]);
}
