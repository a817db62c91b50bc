/** GET /api/v1/staff/overview: per-department deadlines and hotline KPIs for a period. */
import { Hono } from 'hono';
import { z } from 'zod';
import { shanghaiDate } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { departmentOverview } from './kpi.service.js';

const day = z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'use the form YYYY-MM-DD or YYYY-MM');

/** A month stands for its first day (from) or its last (to); the KPIs are counted per whole month. */
const lastDay = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${Number.isNaN(d) ? '31' : String(d).padStart(2, '0')}`;
};

/** The period asked for; by default the current month (Asia/Shanghai). */
export function periodQuery(query: Record<string, string>, today: string) {
  const { from, to } = z.object({
    from: day.default(`${today.slice(0, 8)}01`),
    to: day.default(today),
  }).parse(query);
  return { from: from.length === 7 ? `${from}-01` : from, to: to.length === 7 ? lastDay(to) : to };
}

export function overviewRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();
  app.get('/', requireStaff(deps, 'intake', 'supervisor'), async (c) => {
    const period = periodQuery(c.req.query(), shanghaiDate(deps.clock.now()));
    return c.json(await departmentOverview(deps, c.get('actor'), period), 200, { 'Cache-Control': 'no-store' });
  });
  return app;
}
