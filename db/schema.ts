/** The Database interface Kysely checks every query against: one *Table type per table. */
import type { Insertable, Selectable } from 'kysely';
import type { CaseKind, Severity } from '../domain/vocabulary.js';

export type { CaseKind, Severity };
import type { AgencyTable, CalendarDayTable, CalendarYearTable, CaseSequenceTable, CategoryTable, DepartmentJurisdictionTable, DepartmentTable, RegionTable, RoutingRuleTable } from './schema/directory.js';
import type { AuditLogTable, CaseAssignmentTable, CaseCohandlerTable, CaseEventTable, CaseMessageTable, CaseTable, ClockTable, OutboxTable, SealedRecordTable } from './schema/cases.js';
import type { RewardPayeeTable, RewardTable } from './schema/rewards.js';
import type { SubmissionKeyTable } from './schema/submission-keys.js';
import type { ApiKeyTable } from './schema/api-keys.js';
import type { SealedAttachmentNameTable } from './schema/attachments.js';
import type { Open311RequestTable } from './schema/open311.js';
import type { AccountGrantTable, AttachmentTable, CaseCountTable, DirectoryVersionTable, DisclosureRequestTable, FollowupSessionTable, RatingTokenTable, SatisfactionTable, SealedSatisfactionTable, SealedMessageTable, SessionTable, UserTable } from './schema/people.js';

export * from './schema/directory.js';
export * from './schema/cases.js';
export * from './schema/people.js';
export * from './schema/rewards.js';
export * from './schema/submission-keys.js';
export * from './schema/attachments.js';
export * from './schema/open311.js';
export * from './schema/api-keys.js';

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
  sealed_satisfaction: SealedSatisfactionTable;
  rating_tokens: RatingTokenTable;
  attachments: AttachmentTable;
  sealed_attachment_names: SealedAttachmentNameTable;
  directory_version: DirectoryVersionTable;
  case_counts: CaseCountTable;
  rewards: RewardTable;
  reward_payees: RewardPayeeTable;
  submission_keys: SubmissionKeyTable;
  open311_requests: Open311RequestTable;
  api_keys: ApiKeyTable;
}

export type Region = Selectable<RegionTable>;
export type Department = Selectable<DepartmentTable>;
export type Category = Selectable<CategoryTable>;
export type RoutingRule = Selectable<RoutingRuleTable>;
export type CaseRow = Selectable<CaseTable>;
export type RewardRow = Selectable<RewardTable>;
export type NewCase = Insertable<CaseTable>;
export type ClockRow = Selectable<ClockTable>;
export type CaseEventRow = Selectable<CaseEventTable>;
export type UserRow = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type SessionRow = Selectable<SessionTable>;
export type AccountGrantRow = Selectable<AccountGrantTable>;
export type AttachmentRow = Selectable<AttachmentTable>;
export type NewAttachment = Insertable<AttachmentTable>;
