/** GET /staff/cases/:caseNumber/handover: the printable hand-over form (移送单), and its stylesheet. */
import { Hono } from 'hono';
import { recordAudit } from '../../server/audit/audit.service.js';
import { getCase } from '../../server/cases/case-page.service.js';
import { findVisibleCase } from '../../server/cases/visibility.js';
import { toShanghaiIso } from '../../server/clocks/clocks.js';
import type { Deps } from '../../server/deps.js';
import { caseNumberParam } from '../../server/cases/cases.schema.js';
import { requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { renderStaff, staffView } from './context.js';
import { staffErrors } from './error-page.js';
import { handoverCss } from './handover.css.js';
import { HandoverPage } from './handover.js';

export function handoverPages(deps: Deps) {
  const app = new Hono<StaffEnv>();

  app.get('/handover.css', (c) => c.body(handoverCss, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  // Department visibility as on the case page: another department's case is "not found".
  app.get('/cases/:caseNumber/handover', requireStaffPage(deps), async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const actor = c.get('actor');
    const [v, view, { row }] = await Promise.all([
      staffView(c, deps), getCase(deps, actor, caseNumber), findVisibleCase(deps, actor, caseNumber),
    ]);
    // A document leaving the system is worth a line in the audit log, though it names nobody.
    await recordAudit(deps, [{ actor: actor.username, action: 'case.handover', caseId: row.id }]);
    return renderStaff(c, <HandoverPage v={v} c={view} printedAt={toShanghaiIso(deps.clock.now())} />);
  });

  app.onError(staffErrors(deps));

  return app;
}
