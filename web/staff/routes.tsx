/**
 * The staff workspace pages under /staff: queue, case page with its action forms, department
 * overview; the reporter forms (reporter.routes) and the custodians' queue (disclosures.routes).
 */
import { Hono } from 'hono';
import { caseNumberParam, caseNumberSchema } from '../../server/cases/cases.schema.js';
import { listQueue, type QueueQuery } from '../../server/cases/cases.service.js';
import { departmentOverview } from '../../server/cases/kpi.service.js';
import { knownActions } from '../../server/cases/lifecycle.js';
import type { Deps } from '../../server/deps.js';
import { errorStatus } from '../../server/errors.js';
import { readFormBody } from '../../server/lib/body.js';
import { requireCsrf, requireStaffPage, type Actor, type StaffEnv } from '../../server/staff/auth.middleware.js';
import { catchRefusal } from '../refusal.js';
import { attemptAction, fieldErrors, readActionForm } from './action-form.js';
import { auditPages } from './audit.routes.js';
import { renderCasePage } from './case-render.js';
import { renderStaff, staffView, type StaffView } from './context.js';
import { disclosurePages } from './disclosures.routes.js';
import { staffErrors } from './error-page.js';
import { OverviewPage } from './overview-page.js';
import { hasCaseQueue, startPath } from './places.js';
import { readPeriod } from './overview-period.js';
import { QueuePage } from './queue-page.js';
import { RehandlePage } from './rehandle-page.js';
import { rehandleSuggestions } from '../../server/satisfaction/rehandle.service.js';
import { filtersOf, readQueueQuery } from './queue-query.js';
import { reporterNotice, reporterPages } from './reporter.routes.js';
import { rewardNotice, rewardPages } from './rewards.routes.js';
import { signalPages } from './signals.routes.js';
import { staffReportPages } from './reports.routes.js';

/** Roles without case work get a notice on the queue page, not an error. */
async function queueOrNone(deps: Deps, actor: Actor, query: QueueQuery) {
  const queue = await catchRefusal(['forbidden'], () => listQueue(deps, actor, query));
  return queue.ok ? queue.value : null;
}

function doneNotice(v: StaffView, done: string | undefined, caseNumber?: string): string | undefined {
  if (!done || !knownActions.has(done)) return undefined;
  const label = v.t.staff.actions[done] ?? done;
  const away = caseNumber !== undefined && caseNumberSchema.safeParse(caseNumber).success;
  return away ? v.t.staff.doneAway(label, caseNumber) : v.t.staff.done(label);
}

export function staffPages(deps: Deps) {
  const app = new Hono<StaffEnv>();

  app.get('/', requireStaffPage(deps), async (c) => {
    // A role without a case queue is sent on to its own start page (web/staff/places.ts).
    const role = c.get('actor').role;
    if (!hasCaseQueue(role)) return c.redirect(startPath(role, c.req.query('lang') === 'en' ? 'en' : undefined), 303);
    const query = readQueueQuery(c.req.query());
    const [v, queue] = await Promise.all([staffView(c, deps), queueOrNone(deps, c.get('actor'), query)]);
    const notice = doneNotice(v, c.req.query('done'), c.req.query('case'));
    return renderStaff(c, <QueuePage v={v} filters={filtersOf(query)} queue={queue} paged={Boolean(query.cursor)} notice={notice} />);
  });

  app.get('/cases/:caseNumber', requireStaffPage(deps), async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    return renderCasePage(c, deps, caseNumber, (v) => ({
      notice: doneNotice(v, c.req.query('done')) ?? reporterNotice(v, c.req.query('notice')) ?? rewardNotice(v, c.req.query('notice')),
    }));
  });

  app.post('/cases/:caseNumber/actions', requireStaffPage(deps), requireCsrf, async (c) => {
    const caseNumber = caseNumberParam(c.req.param('caseNumber'));
    const actor = c.get('actor');
    const attempt = readActionForm(await readFormBody(c.req));
    const outcome = await attemptAction(deps, actor, caseNumber, attempt);
    if (outcome.ok) {
      const done = encodeURIComponent(attempt.action);
      return c.redirect(outcome.done.visible ? `/staff/cases/${caseNumber}?done=${done}` : `/staff?done=${done}&case=${caseNumber}`, 303);
    }
    const failure = (v: StaffView) => ({ error: outcome.error, attempt, errors: fieldErrors(outcome.error, v.t) });
    return renderCasePage(c, deps, caseNumber, (v) => ({ failure: failure(v) }), errorStatus[outcome.error.code] as 400 | 403 | 409);
  });

  app.get('/overview', requireStaffPage(deps, 'supervisor', 'intake'), async (c) => {
    const { period, invalid } = readPeriod(c.req.query(), deps.clock.now());
    const [v, overview] = await Promise.all([staffView(c, deps), departmentOverview(deps, c.get('actor'), period)]);
    return renderStaff(c, <OverviewPage v={v} overview={overview} invalid={invalid} />, invalid ? 400 : 200);
  });

  app.get('/rehandle', requireStaffPage(deps, 'intake'), async (c) => {
    const [v, list] = await Promise.all([staffView(c, deps), rehandleSuggestions(deps, c.get('actor'))]);
    return renderStaff(c, <RehandlePage v={v} list={list} />);
  });

  app.route('/', reporterPages(deps));
  app.route('/', rewardPages(deps));
  app.route('/', disclosurePages(deps));
  app.route('/', auditPages(deps));
  app.route('/', signalPages(deps));
  app.route('/', staffReportPages(deps));

  app.onError(staffErrors(deps));

  return app;
}
