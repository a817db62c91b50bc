/** A reward on a report, one row per case (0015); money in integer fen. */
import type { Generated } from 'kysely';
import type { RewardStatus } from '../../domain/vocabulary.js';

export interface RewardTable {
  case_id: string;
  status: RewardStatus;
  level: number | null;
  fine_fen: number | null;
  amount_fen: number | null;
  uplift_fen: number | null;
  finance_sign_off_required: Generated<number>;
  finance_sign_off: Generated<number>;
  reason: string | null;
  note: string | null;
  assessed_by: string | null;
  proposed_by: string | null;
  approved_by: string | null;
  notified_at: string | null;
  claim_by: string | null;
  claimed_at: string | null;
  paid_at: string | null;
  payment_ref: string | null;
  created_at: string;
  updated_at: string;
}

/** The sealed payee details of a claimed reward (0016): the same shape as a sealed record. */
export interface RewardPayeeTable {
  case_id: string;
  key_id: string;
  wrapped_key: string;
  iv: string;
  ciphertext: string;
  created_at: string;
}
