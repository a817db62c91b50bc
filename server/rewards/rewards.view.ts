/** Rewards as staff see them: the queue row and the reward on a case. */
import type { RewardRow } from '../../db/schema.js';
import type { RewardStatus, Role } from '../../domain/vocabulary.js';
import { allowedRewardActions } from './reward-lifecycle.js';

const some = <T>(v: T | null | undefined) => (v === null || v === undefined ? undefined : v);

export interface RewardQueueRow {
  case_number: string;
  status: RewardStatus;
  level: number | null;
  fine_fen: number | null;
  amount_fen: number | null;
  finance_sign_off_required: number;
  updated_at: string;
}

export function rewardQueueItem(r: RewardQueueRow) {
  return {
    caseNumber: r.case_number, status: r.status, level: some(r.level), fineFen: some(r.fine_fen),
    amountFen: some(r.amount_fen), financeSignOffRequired: r.finance_sign_off_required === 1, updatedAt: r.updated_at,
  };
}

/** A reward row, or the request of a report whose row is not written yet. */
export type RewardState = RewardRow;

/** The reward on the staff case page (absent fields are left out). */
export function rewardView(r: RewardState) {
  return {
    status: r.status, level: some(r.level), fineFen: some(r.fine_fen), amountFen: some(r.amount_fen),
    upliftFen: some(r.uplift_fen), financeSignOffRequired: r.finance_sign_off_required === 1,
    financeSignOff: r.finance_sign_off === 1, claimBy: some(r.claim_by), reason: some(r.reason), note: some(r.note),
    assessedBy: some(r.assessed_by), proposedBy: some(r.proposed_by), approvedBy: some(r.approved_by),
    notifiedAt: some(r.notified_at), claimedAt: some(r.claimed_at), paidAt: some(r.paid_at),
    paymentRef: some(r.payment_ref), updatedAt: r.updated_at,
  };
}

/** The reward with the actions this role may take on it now. */
export function rewardViewFor(r: RewardState, role: Role, caseNumber: string) {
  return { caseNumber, ...rewardView(r), allowedActions: allowedRewardActions(role, r.status) };
}
