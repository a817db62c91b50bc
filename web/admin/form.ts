/** Reading admin forms, and turning a refused change into messages for the re-shown form. */
import type { Context } from 'hono';
import type { ErrorIssue } from '../../server/errors.js';
import { formText, readFormBody, type FormBody } from '../../server/lib/body.js';

export { formText };
import { catchRefusal } from '../refusal.js';

export type { FormBody };

export async function readForm(c: Context): Promise<FormBody> {
  // all: a field sent more than once (the kinds checkboxes) arrives as a list.
  return readFormBody(c.req, { all: true });
}

/** The field's first value as text; '' when absent. */

export function texts(form: FormBody, name: string): string[] {
  const value = form[name];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string' && v !== '');
}

export const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
export const checked = (form: FormBody, name: string): boolean => formText(form, name) === 'on';

/** Which form on the page failed, and why: shown beside its fields and in a summary. */
export interface Failure {
  form: string;
  status: 400 | 409;
  issues: ErrorIssue[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: Failure };

/**
 * Runs a change for a form. A validation error or a conflict is the user's to fix, so it comes back
 * as a Failure for the re-shown form; anything else (not found, forbidden, internal) goes to onError.
 */
export async function attempt<T>(form: string, run: () => Promise<T>): Promise<Outcome<T>> {
  const outcome = await catchRefusal(['validation_failed', 'conflict'], run);
  if (outcome.ok) return outcome;
  const { error } = outcome;
  const issues = error.issues && error.issues.length > 0 ? error.issues : [{ path: '', message: error.message }];
  return { ok: false, failure: { form, status: error.code === 'conflict' ? 409 : 400, issues } };
}

/** Field path → message, for the fields of the failed form only. */
export function errorsFor(failure: Failure | undefined, form: string): Map<string, string> {
  if (!failure || failure.form !== form) return new Map();
  // 'jurisdiction.1' belongs to the jurisdiction field.
  return new Map(failure.issues.map((i) => [i.path.split('.')[0] ?? '', i.message]));
}
