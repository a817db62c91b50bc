/** POST /api/v1/cases: JSON, or multipart with the JSON in `case` and up to 10 `attachments`. */
import { Hono, type Context } from 'hono';
import { CASE_LANGUAGES, type CaseLanguage } from '../../domain/vocabulary.js';
import { prepareAttachments, type PreparedAttachment } from '../attachments/attachments.service.js';
import { isMultipart, readCaseForm } from '../attachments/multipart.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { parseJsonText, readJsonText } from '../lib/body.js';
import type { Submission } from './intake.schema.js';
import { submitCase, submitJson, validateSubmission } from './intake.service.js';
import { submitOnce } from './submit-once.service.js';
import { isValidKey, KEY_RULE, keyClaim } from './submission-keys.js';

type Language = CaseLanguage;

/** The body as parsed and checked, with its files (none for JSON). */
async function readSubmission(deps: Deps, c: Context): Promise<{ submission: Submission; files: PreparedAttachment[] }> {
  if (!isMultipart(c.req.header('content-type'))) {
    return { submission: await validateSubmission(deps, parseJsonText(await readJsonText(c.req.raw))), files: [] };
  }
  const { body, attachments } = await readCaseForm(c.req.raw, deps.config);
  const submission = await validateSubmission(deps, body);
  return { submission, files: await prepareAttachments(attachments) };
}

/** With Idempotency-Key: a repeated post gets the first answer (same status and body), not a new case. */
async function submitWithKey(deps: Deps, c: Context, key: string, language: Language) {
  if (!isValidKey(key)) {
    throw new AppError('validation_failed', 'The request is not valid.', [{ path: 'Idempotency-Key', message: KEY_RULE }]);
  }
  const { submission, files } = await readSubmission(deps, c);
  const claim = await keyClaim(key, 'api', language, submission, files.map((f) => f.sha256));
  const answer = await submitOnce(deps, claim, () => submitCase(deps, submission, language, files, claim));
  // An API key's answer is never used up (only a form's is): 'shown' cannot happen here.
  if (answer.status !== 'filed') throw new AppError('conflict', 'This Idempotency-Key was used for another request.');
  if (answer.replayed) c.header('Idempotent-Replayed', 'true');
  return c.json(answer.submitted, 201);
}

export function intakeRoutes(deps: Deps) {
  const app = new Hono();
  app.post('/cases', async (c) => {
    // ?lang= zh (the default), zh-Hant or en: the language of the reporter's mail.
    const asked = c.req.query('lang');
    const language: Language = CASE_LANGUAGES.find((l) => l === asked) ?? 'zh';
    const key = c.req.header('idempotency-key');
    if (key !== undefined) return submitWithKey(deps, c, key.trim(), language);
    if (!isMultipart(c.req.header('content-type'))) {
      const text = await readJsonText(c.req.raw);
      const submitted = deps.submitter ? await deps.submitter(text, language) : await submitJson(deps, text, language);
      return c.json(submitted, 201);
    }
    const { submission, files } = await readSubmission(deps, c);
    return c.json(await submitCase(deps, submission, language, files), 201);
  });
  return app;
}
