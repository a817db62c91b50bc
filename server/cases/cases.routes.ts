/** Staff case endpoints (API.md "Staff"): the queue, the case page, actions. */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { readJsonBody } from '../lib/body.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { takeAction } from './actions.service.js';
import { actionBodySchema, caseNumberSchema, messageBodySchema, queueQuerySchema } from './cases.schema.js';
import { messageReporter } from './messages.service.js';
import { getCase } from './case-page.service.js';
import { listQueue } from './cases.service.js';

function caseNumberParam(value: string): string {
  const parsed = caseNumberSchema.safeParse(value);
  // A malformed number cannot name a case the caller may see.
  if (!parsed.success) throw new AppError('not_found', `No case ${value.slice(0, 40)}.`);
  return parsed.data;
}

export function caseRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/', requireStaff(deps), async (c) => {
    const query = queueQuerySchema.parse(c.req.query());
    return c.json(await listQueue(deps, c.get('actor'), query), 200, { 'Cache-Control': 'no-store' });
  });
  app.get('/:caseNumber', requireStaff(deps), async (c) => {
    const view = await getCase(deps, c.get('actor'), caseNumberParam(c.req.param('caseNumber')));
    return c.json(view, 200, { 'Cache-Control': 'no-store' });
  });
  app.post('/:caseNumber/actions', requireStaff(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const input = actionBodySchema.parse(await readJsonBody(c.req.raw));
    return c.json(await takeAction(deps, c.get('actor'), caseNumber, input));
  });
  app.post('/:caseNumber/messages', requireStaff(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const { body } = messageBodySchema.parse(await readJsonBody(c.req.raw));
    return c.json(await messageReporter(deps, c.get('actor'), caseNumber, body), 201);
  });
  return app;
}
