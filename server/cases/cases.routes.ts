/** Staff case endpoints: the queue, the case page, actions. */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { takeAction } from './actions.service.js';
import { actionBodySchema, caseNumberParam, messageBodySchema, queueQuerySchema } from './cases.schema.js';
import { messageReporter } from './messages.service.js';
import { getCase } from './case-page.service.js';
import { listQueue } from './cases.service.js';

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
    const done = await takeAction(deps, c.get('actor'), caseNumber, input);
    // The answer is the case page as the actor now sees it, once even if the action took it away.
    return c.json(await getCase(deps, c.get('actor'), done.caseNumber, true));
  });
  app.post('/:caseNumber/messages', requireStaff(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const { body } = messageBodySchema.parse(await readJsonBody(c.req.raw));
    return c.json(await messageReporter(deps, c.get('actor'), caseNumber, body), 201);
  });
  return app;
}
