/** Submits the typed form through the same schema and service as the JSON API. */
import type { HonoRequest } from 'hono';
import { prepareAttachments, type AttachmentPart, type PreparedAttachment } from '../../server/attachments/attachments.service.js';
import { AttachmentRefusal, uploadBodyLimit } from '../../server/attachments/limits.js';
import { isMultipart, readUploadForm } from '../../server/attachments/multipart.js';
import type { Config } from '../../server/config.js';
import type { Deps } from '../../server/deps.js';
import { zodIssues, type ErrorIssue } from '../../server/errors.js';
import { submissionSchema, type SubmittedCase } from '../../server/intake/intake.schema.js';
import { submitCase } from '../../server/intake/intake.service.js';
import { submitOnce } from '../../server/intake/submit-once.service.js';
import { keyClaim } from '../../server/intake/submission-keys.js';
import { readFormBody, type FormBody } from '../../server/lib/body.js';
import type { Lang } from '../i18n.js';
import { catchRefusal } from '../refusal.js';
import { categoryIssue } from './issues.js';
import type { CategoryChoice } from './choices.js';
import { attachmentParts, toSubmissionInput, type FormValues } from './form.js';

export type FormOutcome =
  /** Filed without a key (a form shown before keys existed): the receipt is shown in the answer. */
  | { ok: true; submitted: SubmittedCase }
  /** Filed, or filed already with this key: the confirmation page to go to (POST → 303 → GET). */
  | { ok: 'redirect'; location: string }
  /** `keyUsed`: the key filed another request already; the form is shown again with a new key. */
  | { ok: false; issues: ErrorIssue[]; keyUsed?: boolean };

/** The confirmation page of a filed form: its one showing, or (token null) the page that says it was shown. */
export const receiptPath = (token: string | null) => (token ? `/submit/receipt/${token}` : '/submit/receipt');

/** A complaint ticked anonymous is refused anyway: check its contact fields now, so one round trip shows all. */
function namedReporterIssues(values: FormValues): ErrorIssue[] {
  if (values.kind !== 'complaint' || !values['reporter.anonymous']) return [];
  const named = submissionSchema.safeParse(toSubmissionInput({ ...values, 'reporter.anonymous': false }));
  return named.success ? [] : zodIssues(named.error).filter((i) => i.path.startsWith('reporter.'));
}

export interface IntakeForm {
  /** The text fields as typed. */
  body: FormBody;
  /** The `attachments` parts; with `refusal`, the first file refused (and dropped). */
  files: (string | AttachmentPart)[];
  refusal: AttachmentRefusal | null;
}

/**
 * The form as posted. A multipart one is read as it streams in, its files checked like the API's;
 * a refused file is dropped and the rest still read, so the form comes back with what was typed.
 */
export async function readIntakeForm(req: HonoRequest, config: Config): Promise<IntakeForm> {
  if (!isMultipart(req.header('content-type'))) {
    const body = await readFormBody(req, { all: true });
    return { body, files: attachmentParts(body), refusal: null };
  }
  const form = await readUploadForm(req.raw, {
    textFields: null, maxTextBytes: config.INTAKE_MAX_BODY_BYTES, maxBodyBytes: uploadBodyLimit(config), onRefusal: 'skip',
  });
  return { body: Object.fromEntries(form.fields), files: form.files, refusal: form.refusal };
}

/** The files checked like the API's; a refusal becomes an issue whose message is its reason, localised by issues.ts. */
async function checkFiles(parts: (string | AttachmentPart)[], refusal: AttachmentRefusal | null): Promise<{ files: PreparedAttachment[]; issue?: ErrorIssue }> {
  try {
    if (refusal) throw refusal;
    return { files: await prepareAttachments(parts) };
  } catch (err) {
    if (err instanceof AttachmentRefusal) return { files: [], issue: { path: 'attachments', message: err.reason } };
    throw err;
  }
}

export async function submitForm(
  deps: Deps, values: FormValues, lang: Lang, categories: CategoryChoice[], parts: (string | AttachmentPart)[] = [],
  refusal: AttachmentRefusal | null = null, key: string | null = null,
): Promise<FormOutcome> {
  const { files, issue } = await checkFiles(parts, refusal);
  const parsed = submissionSchema.safeParse(toSubmissionInput(values));
  if (!parsed.success || issue) {
    const issues = [...(parsed.success ? [] : zodIssues(parsed.error)), ...namedReporterIssues(values), ...(issue ? [issue] : [])];
    const mismatch = categoryIssue(values, categories);
    if (mismatch && !issues.some((i) => i.path === 'category')) issues.push(mismatch);
    return { ok: false, issues };
  }
  if (key === null) {
    const filed = await catchRefusal(['validation_failed'], () => submitCase(deps, parsed.data, lang, files));
    if (filed.ok) return { ok: true, submitted: filed.value };
    if (filed.error.issues) return { ok: false, issues: filed.error.issues };
    throw filed.error;
  }
  const claim = await keyClaim(key, 'form', lang, parsed.data, files.map((file) => file.sha256));
  const filed = await catchRefusal(['validation_failed', 'conflict'],
    () => submitOnce(deps, claim, () => submitCase(deps, parsed.data, lang, files, claim)));
  if (filed.ok) return { ok: 'redirect', location: receiptPath(filed.value.status === 'filed' ? filed.value.viewToken : null) };
  if (filed.error.code === 'conflict') return { ok: false, issues: [], keyUsed: true };
  if (filed.error.issues) return { ok: false, issues: filed.error.issues };
  throw filed.error;
}
