/** GET /api/v1/enterprises?q= and GET /api/v1/enterprises/{creditCode}: public, counts only. */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { creditCodeParam, enterpriseSearchSchema } from './enterprises.schema.js';
import { enterpriseSummary, searchEnterprises } from './enterprises.service.js';

export function enterpriseRoutes(deps: Deps) {
  const app = new Hono();
  // Counts move with every case: a minute of caching spares the counters a burst of the same reads.
  const cacheable = { 'Cache-Control': 'public, max-age=60' };

  app.get('/', async (c) => {
    const { q } = enterpriseSearchSchema.parse({ q: c.req.query('q') });
    return c.json({ q, items: await searchEnterprises(deps, q) }, 200, cacheable);
  });

  app.get('/:creditCode', async (c) => {
    const code = creditCodeParam.safeParse(c.req.param('creditCode'));
    return c.json(await enterpriseSummary(deps, code.success ? code.data : ''), 200, cacheable);
  });

  return app;
}
