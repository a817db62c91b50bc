/** A posted reward form: what was typed, turned into the reward service's input, the amount preview and the outcome. */
import type { Deps } from '../../server/deps.js';
import { AppError, zodIssues } from '../../server/errors.js';
import { formText, type FormBody } from '../../server/lib/body.js';
import { rewardAmount, type Amount } from '../../server/rewards/amount.js';
import { upliftAllowed } from '../../server/rewards/reward-lifecycle.js';
import { rewardActionSchema, type RewardActionInput } from '../../server/rewards/rewards.schema.js';
import { actOnReward } from '../../server/rewards/rewards.service.js';
import { REWARD_RULES } from '../../server/rewards/rules.js';
import type { Actor } from '../../server/staff/actor.js';
import type { Messages } from '../i18n.js';
import { catchRefusal } from '../refusal.js';
import { yuanToFen } from './action-form.js';

/**
 * The form's fields as typed; `upliftYuan` is yuan text, `eligible` 'yes' / 'no', `financeSignOff` 'on' when ticked,
 * `previewedFen` the amount the proposer was shown (a proposal is confirmed only at the amount shown).
 */
export const REWARD_FIELDS = ['eligible', 'reason', 'level', 'note', 'upliftYuan', 'financeSignOff', 'paymentRef', 'previewedFen'] as const;
export type RewardFormField = (typeof REWARD_FIELDS)[number];

export interface RewardAttempt {
  action: string;
  values: Partial<Record<RewardFormField, string>>;
  /** 'preview': compute the amount and show it with a confirm button; anything else takes the action. */
  step: string;
}

export function readRewardForm(body: FormBody): RewardAttempt {
  const values: RewardAttempt['values'] = {};
  for (const field of REWARD_FIELDS) if (body[field] !== undefined) values[field] = formText(body, field);
  return { action: formText(body, 'action').trim(), values, step: formText(body, 'step') };
}

const present = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? s : undefined);

/** The typed form as the service's input (the same zod schema as the API); a bad amount is a refusal on its field. */
export function toRewardInput(a: RewardAttempt): RewardActionInput {
  const v = a.values;
  const body: Record<string, unknown> = { action: a.action };
  // A bad uplift is reported with the schema's own findings, so every field's error shows at once.
  let badUplift = false;
  if (a.action === 'assess') {
    body.eligible = v.eligible === 'yes' ? true : v.eligible === 'no' ? false : undefined;
    body.reason = present(v.reason);
  } else if (a.action === 'propose') {
    body.level = Number(v.level);
    body.note = present(v.note);
    const uplift = present(v.upliftYuan);
    if (uplift !== undefined) {
      const fen = yuanToFen(uplift);
      if (fen === null) badUplift = true;
      else if (fen > 0) body.upliftFen = fen;
    }
  } else if (a.action === 'approve') {
    if (v.financeSignOff === 'on') body.financeSignOff = true;
    body.note = present(v.note);
  } else if (a.action === 'reject') {
    body.reason = present(v.reason);
  } else if (a.action === 'record_payment') {
    body.paymentRef = present(v.paymentRef);
  }
  const parsed = rewardActionSchema.safeParse(Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined)));
  if (parsed.success && !badUplift) return parsed.data;
  const issues = parsed.success ? [] : zodIssues(parsed.error);
  if (badUplift) issues.push({ path: 'upliftFen', message: 'not an amount' });
  throw new AppError('validation_failed', badUplift ? 'The uplift is not an amount of yuan.' : 'The form is not valid.', issues);
}

/** What the case page knows that the amount depends on. */
export interface AmountFacts {
  fineFen: number | null;
  rewardFineFen: number | undefined;
  reporterRelation: Parameters<typeof upliftAllowed>[1];
}

/** The amount a proposal would give, by the same pure function the service uses; refused like the service would. */
export function previewAmount(input: RewardActionInput, facts: AmountFacts): Amount {
  if (input.action !== 'propose') throw new AppError('validation_failed', 'Only a proposal has an amount to preview.');
  const uplift = input.upliftFen ?? 0;
  if (uplift > 0 && !upliftAllowed(REWARD_RULES, facts.reporterRelation)) {
    throw new AppError('validation_failed', 'An uplift is only for a reporter who declared being an insider.', [{ path: 'upliftFen', message: 'only for an insider' }]);
  }
  const fineFen = facts.rewardFineFen ?? facts.fineFen ?? 0;
  return rewardAmount(REWARD_RULES, { level: input.level, fineFen, upliftFen: uplift });
}

const SHOWN_AGAIN = ['validation_failed', 'conflict', 'forbidden'] as const;
export type RewardOutcome = { ok: true } | { ok: false; error: AppError };

/** Takes the reward action through the reward service; a refusal comes back to be shown beside the form. */
export async function attemptReward(deps: Deps, actor: Actor, caseNumber: string, attempt: RewardAttempt): Promise<RewardOutcome> {
  const outcome = await catchRefusal(SHOWN_AGAIN, async () => {
    await actOnReward(deps, actor, caseNumber, toRewardInput(attempt));
  });
  return outcome.ok ? { ok: true } : outcome;
}

/** Messages next to the fields an error names (upliftFen is typed as upliftYuan). */
export function rewardFieldErrors(error: AppError | undefined, t: Messages): Map<string, string> {
  const f = t.staff.reward.form;
  const errors = new Map<string, string>();
  for (const issue of error?.issues ?? []) {
    const path = issue.path.split('.')[0] ?? issue.path;
    const field = path === 'upliftFen' ? 'upliftYuan' : path;
    const message = field === 'upliftYuan' && issue.message === 'not an amount' ? f.amount
      : field === 'financeSignOff' ? f.financeMissing
        : /^required|Required|Invalid|expected/.test(issue.message) ? f.required : issue.message;
    errors.set(field, message);
  }
  return errors;
}
