/** POST /api/v1/cases (API.md "Submitting"): JSON, or multipart with the JSON in `case` and up to 10 `attachments`. */
import { Hono } from 'hono';
import { prepareAttachments } from '../attachments/attachments.service.js';
import { isMultipart, readCaseForm } from '../attachments/multipart.js';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { submissionSchema } from './intake.schema.js';
import { submitCase } from './intake.service.js';

export function intakeRoutes(deps: Deps) {
  const app = new Hono();
  app.post('/cases', async (c) => {
    const { body, attachments } = isMultipart(c.req.header('content-type'))
      ? await readCaseForm(c.req.raw, deps.config.INTAKE_MAX_BODY_BYTES)
      : { body: await readJsonBody(c.req.raw), attachments: [] };
    const submission = submissionSchema.parse(body);
    const prepared = await prepareAttachments(attachments);
    const language = c.req.query('lang') === 'en' ? 'en' : 'zh';
    const submitted = await submitCase(deps, submission, language, prepared);
    return c.json(submitted, 201);
  });
  return app;
}
