/** A case and what hangs on it: assignments, messages, events, clocks, sealed records, the outbox, the audit log. */
import type { Generated } from 'kysely';
import type { CaseKind, CaseStatus, RelationToMatter, Severity } from '../../domain/vocabulary.js';

export interface CaseTable {
  id: string;
  case_number: string;
  kind: CaseKind;
  category: string;
  region: string;
  status: CaseStatus;
  department: string | null;
  routing_rule: string | null;
  routing_reason: string;
  subject_name: string;
  subject_credit_code: string | null;
  subject_address: string | null;
  credit_code_check_failed: number;
  description: string;
  claim: string | null;
  occurred_on: string | null;
  severity: Severity | null;
  reward_requested: number;
  urgent: number;
  anonymous: number;
  pseudonym: string;
  receipt_hash: string;
  receipt_key_id: string;
  language: string;
  received_at: string;
  updated_at: string;
  closed_at: string | null;
  /** The earliest due date of a running clock: the queue's sort key. */
  next_due_at: string | null;
  fine_fen: number | null;
  transfer_count: Generated<number>;
  status_before_transfer: CaseStatus | null;
  escalated: Generated<number>;
  urge_count: Generated<number>;
  last_urged_at: string | null;
  rehandle_count: Generated<number>;
  merged_into: string | null;
  legal_hold: Generated<number>;
  /** When the retention purge removed identity, original text and attachments (0006). */
  purged_at: Generated<string | null>;
  /** The reporter's declared relation to the matter (0015); NULL before it was asked. */
  reporter_relation: RelationToMatter | null;
  /** The product the case names (0025), redacted like the subject; the GTIN as digits. */
  product_name: Generated<string | null>;
  product_brand: Generated<string | null>;
  product_model: Generated<string | null>;
  product_batch: Generated<string | null>;
  product_gtin: Generated<string | null>;
  gtin_check_failed: Generated<number>;
  /** An injury's accident figures (0031): NULL when none were given; the loss in fen. */
  accident_deaths: Generated<number | null>;
  accident_seriously_injured: Generated<number | null>;
  accident_injured: Generated<number | null>;
  accident_loss_fen: Generated<number | null>;
  /** 1: the responsible enterprise filed the injury itself (its contact sealed as the reporter). */
  filed_by_enterprise: Generated<number>;
}

export interface CaseAssignmentTable {
  id: string;
  case_id: string;
  department: string;
  dispatched_at: string;
  sign_due_at: string;
  signed_at: string | null;
  returned_at: string | null;
  return_reason: string | null;
}

export interface CaseMessageTable {
  id: string;
  case_id: string;
  at: string;
  sender: 'reporter' | 'department';
  author: string | null;
  body: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  case_id: string | null;
  detail: string | null;
  prev_hash: string;
  /** SHA-256 (key_id NULL, before 0014) or HMAC-SHA-256 under the audit key of master key key_id. */
  hash: string;
  /** The master key whose derived audit key made `hash` (0014); NULL: an unkeyed entry. */
  key_id: Generated<string | null>;
}

export interface CaseCohandlerTable {
  case_id: string;
  department: string;
  reason: string;
  added_at: string;
}

export type SealedPurpose = 'identity' | 'original_text';

export interface SealedRecordTable {
  case_id: string;
  purpose: SealedPurpose;
  key_id: string;
  wrapped_key: string;
  iv: string;
  ciphertext: string;
  created_at: string;
}

export interface CaseEventTable {
  id: string;
  case_id: string;
  at: string;
  event: string;
  actor: string;
  note: string | null;
  data: string | null;
  public: number;
}

export type ClockStatus = 'running' | 'paused' | 'stopped';

export interface ClockTable {
  id: string;
  case_id: string;
  clock: string;
  started_at: string;
  due_at: string;
  provisional: Generated<number>;
  status: ClockStatus;
  stopped_at: string | null;
  paused_at: string | null;
  extended: Generated<number>;
  paused_working_days: Generated<number>;
  /** Once-only markers of the clock sweeper (server/notify/sweeper.service.ts). */
  due_soon_notified_at: string | null;
  overdue_notified_at: string | null;
  escalated_at: string | null;
}

export type OutboxStatus = 'queued' | 'sending' | 'sent' | 'failed';

export interface OutboxTable {
  id: string;
  case_id: string | null;
  template: string;
  recipient_type: 'department' | 'reporter' | 'address';
  recipient_ref: string;
  params: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  message_id: string;
  created_at: string;
  sent_at: string | null;
  /** When a worker claimed the row; a 'sending' row older than the lease is sent again. */
  claimed_at: string | null;
}
