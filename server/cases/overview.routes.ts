/** GET /api/v1/staff/overview: per-department deadlines and hotline KPIs for a period. */
import { Hono } from 'hono';
import { z } from 'zod';
import { shanghaiDate } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { departmentOverview } from './kpi.service.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'use the form YYYY-MM-DD');

/** The period asked for; by default the current month up to today (Asia/Shanghai). */
export function periodQuery(query: Record<string, string>, today: string) {
  return z.object({
    from: date.default(`${today.slice(0, 8)}01`),
    to: date.default(today),
  }).parse(query);
}

export function overviewRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/', requireStaff(deps, 'intake', 'supervisor'), async (c) => {
    const period = periodQuery(c.req.query(), shanghaiDate(deps.clock.now()));
    return c.json(await departmentOverview(deps, c.get('actor'), period), 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}
