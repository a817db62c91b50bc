/**
 * The reward workflow as data (docs/lifecycle.md, "Rewards"): which action moves a reward from
 * which state to which, who takes it and what it must carry, plus the pure rules the actions
 * check (the case stage, the excluded relations, the earliest of a merge group). The service
 * enforces this table; approval notifies the reporter at once, so there is no stored `approved`.
 */
import type { CaseStatus, RelationToMatter, RewardStatus, Role } from '../../domain/vocabulary.js';
import type { RewardRules } from './rules.js';

export type RewardAction = 'assess' | 'propose' | 'approve' | 'reject' | 'claim' | 'record_payment' | 'expire';
export type RewardField = 'eligible' | 'reason' | 'level' | 'note' | 'paymentRef';
/** Staff roles act through the staff API; the reporter claims through the follow-up; the sweeper expires. */
export type RewardActor = Extract<Role, 'reward_officer' | 'reward_approver'> | 'reporter' | 'system';

export interface RewardTransition {
  action: RewardAction;
  from: RewardStatus;
  /** More than one: the action's input picks (assess: eligible or not). */
  to: readonly RewardStatus[];
  who: RewardActor;
  required: readonly RewardField[];
}

export const REWARD_TRANSITIONS: readonly RewardTransition[] = [
  { action: 'assess', from: 'requested', to: ['eligible', 'ineligible'], who: 'reward_officer', required: ['eligible'] },
  { action: 'propose', from: 'eligible', to: ['proposed'], who: 'reward_officer', required: ['level', 'note'] },
  // four eyes: the approver is never the proposer; at the finance threshold financeSignOff is needed
  { action: 'approve', from: 'proposed', to: ['notified'], who: 'reward_approver', required: [] },
  { action: 'reject', from: 'proposed', to: ['rejected'], who: 'reward_approver', required: ['reason'] },
  { action: 'claim', from: 'notified', to: ['claimed'], who: 'reporter', required: [] },
  { action: 'record_payment', from: 'claimed', to: ['paid'], who: 'reward_officer', required: ['paymentRef'] },
  { action: 'expire', from: 'notified', to: ['expired'], who: 'system', required: [] },
];

/** The actions staff take through POST /staff/cases/{n}/reward. */
export const STAFF_REWARD_ACTIONS = ['assess', 'propose', 'approve', 'reject', 'record_payment'] as const;
export type StaffRewardAction = (typeof STAFF_REWARD_ACTIONS)[number];

/** Reward states the reporter sees on the follow-up page (their events are public). */
export const PUBLIC_REWARD_STATES: readonly RewardStatus[] = ['notified', 'paid', 'expired'];

export function findRewardTransition(action: RewardAction, status: RewardStatus): RewardTransition | undefined {
  return REWARD_TRANSITIONS.find((t) => t.action === action && t.from === status);
}

/** The staff actions this role may take on a reward in this state. */
export function allowedRewardActions(role: Role, status: RewardStatus): StaffRewardAction[] {
  return STAFF_REWARD_ACTIONS.filter((a) => findRewardTransition(a, status)?.who === role);
}

/** Case states in which a reward may be assessed: the penalty is decided or the matter was referred. */
export const ASSESSABLE_CASE_STATES: readonly CaseStatus[] = ['penalty_decided', 'referred'];

/**
 * Whether the report has reached its outcome. A closed report has, when it was fined or referred
 * before closing (`referred`: its timeline has the referral).
 */
export function caseReadyForAssessment(status: CaseStatus, fineFen: number | null, referred = false): boolean {
  return ASSESSABLE_CASE_STATES.includes(status) || (status === 'closed' && (fineFen !== null || referred));
}

/**
 * Whether the report ended without a penalty or a referral (not opened, or closed without either):
 * its reward can then only be assessed not eligible, so a request does not stay "requested" for good.
 */
export function caseEndedWithoutOutcome(status: CaseStatus, fineFen: number | null, referred = false): boolean {
  return status === 'not_opened' || (status === 'closed' && fineFen === null && !referred);
}

/** Why a declared relation excludes a reward, or null when it does not. */
export function relationExclusion(rules: RewardRules, relation: RelationToMatter | null): string | null {
  if (relation === null || !rules.excludedRelations.includes(relation)) return null;
  return `a reporter who declared the relation ${relation} is not eligible for a reward`;
}

/** Whether an uplift may be proposed for a reporter of this relation. */
export function upliftAllowed(rules: RewardRules, relation: RelationToMatter | null): boolean {
  return relation !== null && rules.upliftRelations.includes(relation);
}

export interface GroupMember {
  id: string;
  receivedAt: string;
}

/**
 * Among reports merged as the same facts, only the earliest received may be rewarded, whichever
 * case was merged into which. Ties on the received time fall to the smaller id, so exactly one wins.
 */
export function isEarliestOfGroup(caseId: string, group: readonly GroupMember[]): boolean {
  const ms = (m: GroupMember) => new Date(m.receivedAt).getTime();
  const earliest = [...group].sort((a, b) => ms(a) - ms(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
  return earliest === undefined || earliest.id === caseId;
}
