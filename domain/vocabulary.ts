/**
 * The words of the domain, one place for each: what kinds of case there are, the states a case
 * moves through, how severe an injury is, the staff roles and the attachment types the intake takes.
 * Every layer imports them from here — the database schema, the services, the pages — and this
 * module imports nothing, so the lowest layer can use it. docs/lifecycle.md explains the states.
 */

/** 投诉 complaint, 举报 report (tip-off), 产品伤害 injury (product injury or quality accident). */
export const CASE_KINDS = ['complaint', 'report', 'injury'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** How grave an injury report is; it sets the triage clock and who co-handles it. */
export const SEVERITIES = ['minor', 'serious', 'fatal'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * Every state a case can be in, whatever its kind. Which kind passes through which state, and by
 * which action, is the lifecycle table (server/cases/lifecycle.ts).
 */
export const CASE_STATUSES = [
  'received', 'transfer_requested',
  // complaint 投诉
  'accepted', 'not_accepted', 'mediating', 'mediated', 'mediation_failed',
  // report 举报
  'verifying', 'case_opened', 'not_opened', 'penalty_decided', 'referred',
  // injury 产品伤害
  'triaged', 'investigating',
  // every kind ends here
  'closed', 'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Staff roles; the rules that hang on them (department, second factor, second admin) are in server/staff/roles.ts. */
export const ROLES = [
  'intake', // provincial intake centre dispatcher: sees and routes every case
  'handler', // works the cases of one department
  'supervisor', // watches one department's deadlines, approves extensions
  'reward_officer',
  'reward_approver',
  'custodian', // approves or denies opening a sealed reporter identity
  'auditor',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** The attachment types the intake accepts, each recognised from its bytes, never from its name. */
export const ATTACHMENT_MIMES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'video/mp4'] as const;
export type AttachmentMime = (typeof ATTACHMENT_MIMES)[number];

/**
 * The states of a reward (有奖举报) from the reporter's request to payment. Which action moves a
 * reward between them, and who may take it, is the reward table (server/rewards/reward-lifecycle.ts).
 */
export const REWARD_STATUSES = [
  'requested', 'eligible', 'ineligible', 'proposed', 'rejected', 'notified', 'claimed', 'paid', 'expired',
] as const;
export type RewardStatus = (typeof REWARD_STATUSES)[number];

/** The languages a reporter files in (cases.language); mail to them follows it. zh-Hant: Traditional Chinese. */
export const CASE_LANGUAGES = ['zh', 'zh-Hant', 'en'] as const;
export type CaseLanguage = (typeof CASE_LANGUAGES)[number];

/** The reporter's declared relation to the reported matter; some relations exclude a reward. */
export const RELATIONS = ['none', 'insider', 'infringed_party', 'agency_staff'] as const;
export type RelationToMatter = (typeof RELATIONS)[number];
