/**
 * GET /api/v1/stats/reports (public: the generated reports and their downloads) and
 * POST /api/v1/staff/reports (intake centre and supervisors: generate the report of a period now).
 */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { readJsonBody } from '../lib/body.js';
import { requireCsrf, requireStaff, type StaffEnv } from '../staff/auth.middleware.js';
import { generateReportSchema } from './reports.schema.js';
import { generateReport, listReports } from './reports.service.js';

export function reportRoutes(deps: Deps) {
  const app = new Hono<StaffEnv>();

  app.get('/stats/reports', async (c) => c.json({ reports: await listReports(deps) }, 200, { 'Cache-Control': 'public, max-age=300' }));

  app.post('/staff/reports', requireStaff(deps, 'intake', 'supervisor'), requireCsrf, async (c) => {
    const { period } = generateReportSchema.parse(await readJsonBody(c.req.raw));
    const made = await generateReport(deps, period, c.get('actor').username);
    const listed = (await listReports(deps)).find((r) => r.period === made.period)!;
    return c.json(listed, 201, { 'Cache-Control': 'no-store' });
  });

  return app;
}
