/** Submits the typed form through the same schema and service as the JSON API. */
import type { Deps } from '../../server/deps.js';
import { AppError, zodIssues, type ErrorIssue } from '../../server/errors.js';
import { submissionSchema } from '../../server/intake/intake.schema.js';
import { submitCase, type SubmittedCase } from '../../server/intake/intake.service.js';
import type { Lang } from '../i18n.js';
import { categoryIssue } from './issues.js';
import type { CategoryChoice } from './choices.js';
import { toSubmissionInput, type FormValues } from './form.js';

export type FormOutcome = { ok: true; submitted: SubmittedCase } | { ok: false; issues: ErrorIssue[] };

/** A complaint ticked anonymous is refused anyway: check its contact fields now, so one round trip shows all. */
function namedReporterIssues(values: FormValues): ErrorIssue[] {
  if (values.kind !== 'complaint' || !values['reporter.anonymous']) return [];
  const named = submissionSchema.safeParse(toSubmissionInput({ ...values, 'reporter.anonymous': false }));
  return named.success ? [] : zodIssues(named.error).filter((i) => i.path.startsWith('reporter.'));
}

export async function submitForm(
  deps: Deps, values: FormValues, lang: Lang, categories: CategoryChoice[],
): Promise<FormOutcome> {
  const parsed = submissionSchema.safeParse(toSubmissionInput(values));
  if (!parsed.success) {
    const issues = [...zodIssues(parsed.error), ...namedReporterIssues(values)];
    const mismatch = categoryIssue(values, categories);
    if (mismatch && !issues.some((i) => i.path === 'category')) issues.push(mismatch);
    return { ok: false, issues };
  }
  try {
    return { ok: true, submitted: await submitCase(deps, parsed.data, lang) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed' && err.issues) return { ok: false, issues: err.issues };
    throw err;
  }
}
