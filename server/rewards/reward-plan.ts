/**
 * What a staff reward action writes (pure): the new state, the columns set, the case event and the
 * audit detail, or the refusal. The service reads the facts, calls this, and commits the plan.
 */
import type { Updateable } from 'kysely';
import type { CaseRow, RewardTable } from '../../db/schema.js';
import type { RewardStatus } from '../../domain/vocabulary.js';
import type { CalendarData } from '../clocks/calendar.js';
import { computeDue, toShanghaiIso } from '../clocks/clocks.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { rewardAmount } from './amount.js';
import {
  PUBLIC_REWARD_STATES, caseEndedWithoutOutcome, caseReadyForAssessment, isEarliestOfGroup, relationExclusion, upliftAllowed, type GroupMember,
} from './reward-lifecycle.js';
import type { RewardActionInput } from './rewards.schema.js';
import type { RewardState } from './rewards.view.js';
import type { RewardRules } from './rules.js';

export interface RewardFacts {
  actor: Actor;
  reward: RewardState;
  caseRow: Pick<CaseRow, 'id' | 'status' | 'fine_fen' | 'reporter_relation'>;
  /** Where the outcome is decided: the case itself, or the case it was merged into. */
  outcome: Pick<CaseRow, 'status' | 'fine_fen'> & { referred: boolean };
  /** The reports merged with this one as the same facts, itself included. */
  group: readonly GroupMember[];
  rules: RewardRules;
  now: Date;
  calendar: CalendarData;
}

export interface RewardPlan {
  to: RewardStatus;
  set: Updateable<RewardTable>;
  note: string | null;
  /** Case event data and audit detail. */
  data: Record<string, unknown>;
  public: boolean;
}

type Step = Omit<RewardPlan, 'public'>;

function assess(input: Extract<RewardActionInput, { action: 'assess' }>, f: RewardFacts): Step {
  const { caseRow: c, outcome, actor } = f;
  const ready = caseReadyForAssessment(outcome.status, outcome.fine_fen, outcome.referred);
  const endedWithout = caseEndedWithoutOutcome(outcome.status, outcome.fine_fen, outcome.referred);
  if (!ready && !(endedWithout && !input.eligible)) {
    throw new AppError('conflict', endedWithout
      ? `The report ended without a penalty decision or a referral (${outcome.status}): its reward can only be assessed not eligible.`
      : `A reward is assessed once the report has a penalty decision or a referral; the report is ${outcome.status}.`);
  }
  const fineFen = outcome.fine_fen ?? 0;
  if (!input.eligible) {
    return { to: 'ineligible', set: { assessed_by: actor.username, reason: input.reason ?? null, fine_fen: fineFen }, note: input.reason ?? null, data: { eligible: false } };
  }
  const excluded = relationExclusion(f.rules, c.reporter_relation);
  if (excluded) throw new AppError('conflict', `The reward cannot be eligible: ${excluded}.`);
  if (!isEarliestOfGroup(c.id, f.group)) {
    throw new AppError('conflict', 'The reward cannot be eligible: an earlier report of the same facts was merged with this one, and only the earliest is rewarded.');
  }
  return { to: 'eligible', set: { assessed_by: actor.username, fine_fen: fineFen, reason: null }, note: null, data: { eligible: true } };
}

function propose(input: Extract<RewardActionInput, { action: 'propose' }>, f: RewardFacts): Step {
  const uplift = input.upliftFen ?? 0;
  if (uplift > 0 && !upliftAllowed(f.rules, f.caseRow.reporter_relation)) {
    throw new AppError('validation_failed', 'An uplift is only for a reporter who declared being an insider.', [{ path: 'upliftFen', message: 'only for an insider' }]);
  }
  const fineFen = f.reward.fine_fen ?? f.outcome.fine_fen ?? 0;
  const amount = rewardAmount(f.rules, { level: input.level, fineFen, upliftFen: uplift });
  return {
    to: 'proposed',
    set: {
      level: input.level, note: input.note, fine_fen: fineFen, amount_fen: amount.amountFen, uplift_fen: amount.upliftFen,
      finance_sign_off_required: amount.financeSignOffRequired ? 1 : 0, finance_sign_off: 0, proposed_by: f.actor.username,
    },
    note: input.note,
    data: { level: input.level, fineFen, amountFen: amount.amountFen, upliftFen: amount.upliftFen, financeSignOffRequired: amount.financeSignOffRequired },
  };
}

/** Four eyes: whoever proposed the amount may not decide on it. */
function checkSecondPerson(f: RewardFacts) {
  if (f.reward.proposed_by === f.actor.username) {
    throw new AppError('forbidden', 'The approver must not be the person who proposed the reward.');
  }
}

function approve(input: Extract<RewardActionInput, { action: 'approve' }>, f: RewardFacts): Step {
  checkSecondPerson(f);
  const required = f.reward.finance_sign_off_required === 1;
  if (required && input.financeSignOff !== true) {
    throw new AppError('validation_failed', 'This amount reaches the finance threshold: approval needs financeSignOff: true.', [{ path: 'financeSignOff', message: 'required at this amount' }]);
  }
  // Approval notifies the reporter at once; the claim window starts now.
  const claimBy = toShanghaiIso(computeDue(f.calendar, f.now, { clock: 'claim_window', workingDays: f.rules.claimWindowWorkingDays }).dueAt);
  return {
    to: 'notified',
    set: { approved_by: f.actor.username, finance_sign_off: input.financeSignOff ? 1 : 0, notified_at: toShanghaiIso(f.now), claim_by: claimBy },
    note: input.note ?? null,
    data: { amountFen: f.reward.amount_fen, claimBy },
  };
}

function reject(input: Extract<RewardActionInput, { action: 'reject' }>, f: RewardFacts): Step {
  checkSecondPerson(f);
  return { to: 'rejected', set: { reason: input.reason }, note: input.reason, data: {} };
}

function recordPayment(input: Extract<RewardActionInput, { action: 'record_payment' }>, f: RewardFacts): Step {
  return { to: 'paid', set: { payment_ref: input.paymentRef, paid_at: toShanghaiIso(f.now) }, note: null, data: { amountFen: f.reward.amount_fen } };
}

function step(input: RewardActionInput, f: RewardFacts): Step {
  switch (input.action) {
    case 'assess': return assess(input, f);
    case 'propose': return propose(input, f);
    case 'approve': return approve(input, f);
    case 'reject': return reject(input, f);
    case 'record_payment': return recordPayment(input, f);
  }
}

export function planRewardAction(input: RewardActionInput, f: RewardFacts): RewardPlan {
  const s = step(input, f);
  return { ...s, public: PUBLIC_REWARD_STATES.includes(s.to) };
}
