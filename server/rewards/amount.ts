/**
 * The reward amount (pure), in integer fen: min(cap, max(minimum[level], rate[level] × fines)),
 * plus an uplift when one was declared and allowed, never over the cap.
 *
 * Rounding: rate × fines is rounded down to the whole fen. The reward is public money paid against
 * a ceiling in the rules; rounding down never pays a fen more than the rule allows, and integer
 * arithmetic (fines × basis points / 10,000) gives the same fen on every runtime.
 */
import type { RewardLevel, RewardRules } from './rules.js';

export interface AmountInput {
  level: RewardLevel;
  /** The fines decided, in fen; 0 when there were none (a referral, for one). */
  fineFen: number;
  /** An extra amount for an insider, in fen; 0 or absent for none. */
  upliftFen?: number;
}

export interface Amount {
  /** The amount before any uplift. */
  baseFen: number;
  /** The uplift actually added (after the cap). */
  upliftFen: number;
  amountFen: number;
  financeSignOffRequired: boolean;
}

/** rate × fines, rounded down to the fen. */
export function shareOfFines(fineFen: number, rateBasisPoints: number): number {
  return Math.floor((fineFen * rateBasisPoints) / 10_000);
}

export function rewardAmount(rules: RewardRules, input: AmountInput): Amount {
  if (!Number.isSafeInteger(input.fineFen) || input.fineFen < 0) throw new RangeError('fineFen must be a non-negative integer');
  const uplift = input.upliftFen ?? 0;
  if (!Number.isSafeInteger(uplift) || uplift < 0) throw new RangeError('upliftFen must be a non-negative integer');
  const { rateBasisPoints, minimumFen } = rules.levels[input.level];
  const baseFen = Math.min(rules.capFen, Math.max(minimumFen, shareOfFines(input.fineFen, rateBasisPoints)));
  const amountFen = Math.min(rules.capFen, baseFen + uplift);
  return {
    baseFen, upliftFen: amountFen - baseFen, amountFen,
    financeSignOffRequired: amountFen >= rules.financeSignOffThresholdFen,
  };
}
