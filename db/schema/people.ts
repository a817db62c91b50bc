/** Staff accounts and sessions, reporters' follow-up sessions and ratings, disclosures, attachments, counters. */
import type { Generated } from 'kysely';
import type { AttachmentMime, CaseStatus, Role } from '../../domain/vocabulary.js';

export interface UserTable {
  id: string;
  username: string;
  password_hash: string;
  role: Role;
  department: string | null;
  display_name: string;
  /** JSON of a sealed box, never the secret itself. */
  totp_secret: string | null;
  totp_enabled: Generated<number>;
  totp_last_step: number | null;
  /** Sealed secret offered at the first sign-in, until a code made from it comes back (0013). */
  totp_pending_secret: Generated<string | null>;
  totp_pending_at: Generated<string | null>;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
  password_changed_at: string;
}

/** A grant of the admin, custodian or reward-approver role waiting for a second admin (0013). */
export interface AccountGrantTable {
  id: string;
  user_id: string;
  kind: 'create' | 'role' | 'enable' | 'password';
  role: Role;
  department: string | null;
  password_hash: string | null;
  /** Username of the admin who asked (or 'cli'). */
  requested_by: string;
  requested_at: string;
  status: Generated<'pending' | 'approved' | 'denied'>;
  decided_by: string | null;
  decided_at: string | null;
}

export interface SessionTable {
  /** Hex SHA-256 of the token. */
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  csrf_token: string;
}

export interface FollowupSessionTable {
  id_hash: string;
  case_id: string;
  created_at: string;
  expires_at: string;
}

export interface SealedMessageTable {
  message_id: string;
  key_id: string;
  wrapped_key: string;
  iv: string;
  ciphertext: string;
}

export interface SatisfactionTable {
  case_id: string;
  rating: number;
  resolved: number;
  comment: string | null;
  at: string;
}

export interface SealedSatisfactionTable {
  case_id: string;
  key_id: string;
  wrapped_key: string;
  iv: string;
  ciphertext: string;
}

/** A single-use rating link's token, stored hashed (0026). */
export interface RatingTokenTable {
  case_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export type DisclosureStatus = 'pending' | 'approved' | 'denied';
/** What a disclosure request opens: the reporter's identity, or the payee details of a claimed reward. */
export type DisclosureSubject = 'identity' | 'payee';

export interface DisclosureRequestTable {
  id: string;
  case_id: string;
  requested_by: string;
  requested_at: string;
  legal_reason: string;
  status: Generated<DisclosureStatus>;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  viewed_at: string | null;
  subject: Generated<DisclosureSubject>;
}

export interface AttachmentTable {
  id: string;
  case_id: string;
  /** Random key in the storage port; never derived from the client's file name. */
  storage_key: string;
  type: AttachmentMime;
  size: number;
  sha256: string;
  display_name: string | null;
  metadata_removed: number;
  created_at: string;
}

/** One row: bumped by triggers on every directory change (db/migrations/0009_lookups.sql). */
export interface DirectoryVersionTable {
  id: number;
  version: number;
}

/** Cases per department ('' for triage) and status, kept by triggers (db/migrations/0010_case_counts.sql). */
export interface CaseCountTable {
  department: string;
  status: CaseStatus;
  n: number;
}

/** Open cases per department and Beijing day of their next due time, kept by triggers (migration 0039). */
export interface CaseDueDayTable {
  department: string;
  due_day: string;
  n: number;
}
