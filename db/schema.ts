/** The Database interface Kysely checks every query against: one *Table type per table. */
import type { Generated, Insertable, Selectable } from 'kysely';
import type { AttachmentMime, CaseKind, CaseStatus, Role, Severity } from '../domain/vocabulary.js';

export type { CaseKind, Severity };
export type RegionLevel = 'province' | 'city' | 'district';

export interface RegionTable {
  code: string;
  parent: string | null;
  level: RegionLevel;
  name_zh: string;
  name_en: string;
}

export interface AgencyTable {
  code: string;
  levels: string;
  name_zh: string;
  city_name_zh: string | null;
  name_en: string;
}

export interface DepartmentTable {
  code: string;
  agency: string;
  region: string;
  name_zh: string;
  name_en: string;
  email: string | null;
  active: Generated<number>;
}

export interface DepartmentJurisdictionTable {
  department: string;
  region: string;
}

export interface CategoryTable {
  code: string;
  domain: string;
  agency: string | null;
  kinds: string;
  service_class: string | null;
  name_zh: string;
  name_en: string;
  sort: number;
}

export interface RoutingRuleTable {
  id: string;
  category: string;
  kind: CaseKind | null;
  agency: string;
  priority: number;
  active: Generated<number>;
  note: string | null;
}

export interface CalendarYearTable {
  year: number;
  source: string;
  loaded_at: string;
}

export interface CalendarDayTable {
  date: string;
  working: number;
  name: string;
}

export interface CaseSequenceTable {
  day: string;
  last: number;
}

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

export type DisclosureStatus = 'pending' | 'approved' | 'denied';

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

export interface Database {
  regions: RegionTable;
  agencies: AgencyTable;
  departments: DepartmentTable;
  department_jurisdictions: DepartmentJurisdictionTable;
  categories: CategoryTable;
  routing_rules: RoutingRuleTable;
  calendar_years: CalendarYearTable;
  calendar_days: CalendarDayTable;
  case_sequences: CaseSequenceTable;
  cases: CaseTable;
  case_cohandlers: CaseCohandlerTable;
  sealed_records: SealedRecordTable;
  case_events: CaseEventTable;
  clocks: ClockTable;
  outbox: OutboxTable;
  users: UserTable;
  sessions: SessionTable;
  account_grants: AccountGrantTable;
  case_assignments: CaseAssignmentTable;
  case_messages: CaseMessageTable;
  audit_log: AuditLogTable;
  disclosure_requests: DisclosureRequestTable;
  followup_sessions: FollowupSessionTable;
  sealed_messages: SealedMessageTable;
  satisfaction: SatisfactionTable;
  attachments: AttachmentTable;
  directory_version: DirectoryVersionTable;
  case_counts: CaseCountTable;
}

export type Region = Selectable<RegionTable>;
export type Department = Selectable<DepartmentTable>;
export type Category = Selectable<CategoryTable>;
export type RoutingRule = Selectable<RoutingRuleTable>;
export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type ClockRow = Selectable<ClockTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AccountGrantRow = Selectable<AccountGrantTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type NewAttachment = Insertable<AttachmentTable>;
