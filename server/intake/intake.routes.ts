/** POST /api/v1/cases: JSON, or multipart with the JSON in `case` and up to 10 `attachments`. */
import { Hono } from 'hono';
import { prepareAttachments } from '../attachments/attachments.service.js';
import { isMultipart, readCaseForm } from '../attachments/multipart.js';
import type { Deps } from '../deps.js';
import { readJsonText } from '../lib/body.js';
import { submissionSchema } from './intake.schema.js';
import { submitCase, submitJson } from './intake.service.js';

export function intakeRoutes(deps: Deps) {
  const app = new Hono();
  app.post('/cases', async (c) => {
    const language = c.req.query('lang') === 'en' ? 'en' : 'zh';
    if (!isMultipart(c.req.header('content-type'))) {
      const text = await readJsonText(c.req.raw);
      const submitted = deps.submitter ? await deps.submitter(text, language) : await submitJson(deps, text, language);
      return c.json(submitted, 201);
    }
    const { body, attachments } = await readCaseForm(c.req.raw, deps.config);
    const submission = submissionSchema.parse(body);
    const prepared = await prepareAttachments(attachments);
    const submitted = await submitCase(deps, submission, language, prepared);
    return c.json(submitted, 201);
  });
  return app;
}
