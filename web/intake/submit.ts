/** Submits the typed form through the same schema and service as the JSON API. */
import { prepareAttachments, type PreparedAttachment } from '../../server/attachments/attachments.service.js';
import { AttachmentRefusal } from '../../server/attachments/limits.js';
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

/** The files checked like the API's; a refusal becomes an issue whose message is its reason, localised by issues.ts. */
async function checkFiles(parts: (string | File)[]): Promise<{ files: PreparedAttachment[]; issue?: ErrorIssue }> {
  try {
    return { files: await prepareAttachments(parts) };
  } catch (err) {
    if (err instanceof AttachmentRefusal) return { files: [], issue: { path: 'attachments', message: err.reason } };
    throw err;
  }
}

export async function submitForm(
  deps: Deps, values: FormValues, lang: Lang, categories: CategoryChoice[], parts: (string | File)[] = [],
): Promise<FormOutcome> {
  const { files, issue } = await checkFiles(parts);
  const parsed = submissionSchema.safeParse(toSubmissionInput(values));
  if (!parsed.success || issue) {
    const issues = [...(parsed.success ? [] : zodIssues(parsed.error)), ...namedReporterIssues(values), ...(issue ? [issue] : [])];
    const mismatch = categoryIssue(values, categories);
    if (mismatch && !issues.some((i) => i.path === 'category')) issues.push(mismatch);
    return { ok: false, issues };
  }
  try {
    return { ok: true, submitted: await submitCase(deps, parsed.data, lang, files) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed' && err.issues) return { ok: false, issues: err.issues };
    throw err;
  }
}
