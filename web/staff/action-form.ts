/** A posted action form: what was typed, turned into the service's ActionInput, and the outcome. */
import { takeAction, type ActionTaken } from '../../server/cases/actions.service.js';
import { actionBodySchema } from '../../server/cases/cases.schema.js';
import type { ActionInput } from '../../server/cases/effects.js';
import type { Field } from '../../server/cases/lifecycle.js';
import type { Deps } from '../../server/deps.js';
import { AppError } from '../../server/errors.js';
import { formText, type FormBody } from '../../server/lib/body.js';
import type { Actor } from '../../server/staff/actor.js';
import type { Messages } from '../i18n.js';
import { catchRefusal } from '../refusal.js';

/** The fine is typed in yuan (what is on the penalty decision) and stored in fen. */
export const FINE_INPUT = 'fineYuan';

const TEXT_FIELDS = ['reason', 'reply', 'note', 'ground', 'department', 'into'] as const satisfies readonly Field[];

export interface ActionAttempt {
  action: string;
  /** Keyed by lifecycle field; `fineFen` holds the yuan text as typed. */
  values: Partial<Record<Field, string>>;
}



export function readActionForm(body: FormBody): ActionAttempt {
  const values: Partial<Record<Field, string>> = {};
  for (const field of TEXT_FIELDS) if (body[field] !== undefined) values[field] = formText(body, field);
  if (body[FINE_INPUT] !== undefined) values.fineFen = formText(body, FINE_INPUT);
  return { action: formText(body, 'action').trim(), values };
}

/** '1,234.5' → 123450; null when it is not an amount of yuan with at most two decimals. */
export function yuanToFen(typed: string): number | null {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(typed.replace(/[,\s，]/g, ''));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function toActionInput(attempt: ActionAttempt): ActionInput {
  const { fineFen: fineText, ...rest } = attempt.values;
  const present = Object.fromEntries(Object.entries(rest).filter(([, value]) => value.trim() !== ''));
  let fineFen: number | undefined;
  if (fineText !== undefined && fineText.trim() !== '') {
    const fen = yuanToFen(fineText);
    if (fen === null) throw new AppError('validation_failed', 'The fine is not an amount of yuan.', [{ path: 'fineFen', message: 'not an amount' }]);
    fineFen = fen;
  }
  return actionBodySchema.parse({ action: attempt.action, ...present, ...(fineFen !== undefined ? { fineFen } : {}) });
}

const SHOWN_AGAIN = ['validation_failed', 'conflict', 'forbidden'] as const;

export type ActionOutcome = { ok: true; done: ActionTaken } | { ok: false; error: AppError };

/** Takes the action; a refusal the user can fix or should read comes back, anything else is thrown. */
export async function attemptAction(deps: Deps, actor: Actor, caseNumber: string, attempt: ActionAttempt): Promise<ActionOutcome> {
  const outcome = await catchRefusal(SHOWN_AGAIN, async (): Promise<ActionOutcome> => {
    return { ok: true, done: await takeAction(deps, actor, caseNumber, toActionInput(attempt)) };
  });
  return outcome.ok ? outcome.value : outcome;
}

/** Messages next to the fields an error names, in the page language where the cause is known. */
export function fieldErrors(error: AppError | undefined, t: Messages): Map<string, string> {
  const errors = new Map<string, string>();
  for (const issue of error?.issues ?? []) {
    const field = issue.path.split('.')[0] ?? issue.path;
    const message = /^required/.test(issue.message) ? t.staff.failure.required
      : field === 'fineFen' ? t.staff.failure.fine : issue.message;
    errors.set(field, message);
  }
  return errors;
}
