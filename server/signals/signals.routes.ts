/** GET /api/v1/staff/signals and POST /api/v1/staff/signals/{id}: the risk desk's quality signals. */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { signalDecisionSchema, signalIdParam, signalListQuerySchema } from './signals.schema.js';
import { decideSignal, listSignals } from './signals.service.js';

const noStore = { 'Cache-Control': 'no-store' };

export function signalRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/', requireStaff(deps), async (c) => {
    const { status } = signalListQuerySchema.parse(c.req.query());
    return c.json(await listSignals(deps, c.get('actor'), status), 200, noStore);
  });
  app.post('/:id', requireStaff(deps), requireCsrf, async (c) => {
    const id = signalIdParam(c.req.param('id'));
    const input = signalDecisionSchema.parse(await readJsonBody(c.req.raw));
    return c.json(await decideSignal(deps, c.get('actor'), id, input), 200, noStore);
  });
  return app;
}
