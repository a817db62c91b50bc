/** /staff/audit: the auditors' page over the audit log, and POST /staff/audit/verify to verify it now. */
import { Hono } from 'hono';
import { auditLogQuerySchema } from '../../server/audit/auditor.schema.js';
import { lastVerification, listAuditLog, startVerification, verificationRunning } from '../../server/audit/auditor.service.js';
import type { Deps } from '../../server/deps.js';
import { requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { AuditPage, type AuditFilters } from './audit-page.js';
import { renderStaff, staffView } from './context.js';

const FILTER_KEYS = ['action', 'actor', 'case', 'from', 'to'] as const;

export function auditPages(deps: Deps) {
  const app = new Hono<StaffEnv>();
  const auditor = requireStaffPage(deps, 'auditor');

  app.get('/audit', auditor, async (c) => {
    const raw = c.req.query();
    const filters: AuditFilters = Object.fromEntries(FILTER_KEYS.flatMap((k) => (raw[k] ? [[k, raw[k]!.slice(0, 100)]] : [])));
    const parsed = auditLogQuerySchema.safeParse(raw);
    const actor = c.get('actor');
    const invalid = parsed.success ? undefined : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    const [v, page, last] = await Promise.all([
      staffView(c, deps),
      parsed.success ? listAuditLog(deps, actor, parsed.data) : Promise.resolve({ lines: [], next: null }),
      lastVerification(deps, actor),
    ]);
    const body = <AuditPage v={v} filters={filters} query={parsed.success ? parsed.data : null} invalid={invalid} page={page}
      last={last} running={verificationRunning(deps)} started={raw.verify === 'started'} />;
    return renderStaff(c, body, invalid ? 400 : 200);
  });

  app.post('/audit/verify', auditor, requireCsrf, async (c) => {
    const { done } = startVerification(deps, c.get('actor'));
    // Workers end an invocation's work with its response unless told to wait; Node has no such context.
    try { c.executionCtx.waitUntil(done); } catch { /* Node: the process goes on */ }
    return c.redirect(c.req.query('lang') === 'en' ? '/staff/audit?verify=started&lang=en' : '/staff/audit?verify=started', 303);
  });

  return app;
}
