/** POST /api/v1/cases (API.md "Submitting"). */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../lib/body.js';
import { submissionSchema } from './intake.schema.js';
import { submitCase } from './intake.service.js';

export function intakeRoutes(deps: Deps) {
  const app = new Hono();
  app.post('/cases', async (c) => {
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (type.startsWith('multipart/form-data')) {
      throw new AppError('unsupported_media_type', 'Attachments are not accepted yet: send application/json.');
    }
    const body = await readJsonBody(c.req.raw);
    const submission = submissionSchema.parse(body);
    const language = c.req.query('lang') === 'en' ? 'en' : 'zh';
    const submitted = await submitCase(deps, submission, language);
    return c.json(submitted, 201);
  });
  return app;
}
