/**
 * /staff/reports: every signed-in staff member sees the generated statistics reports and their
 * downloads; the intake centre and supervisors may generate the report of a period (a CSRF-checked
 * form, re-shown with its message when the period is not one).
 */
import { Hono, type Context } from 'hono';
import type { Deps } from '../../server/deps.js';
import { formText, readFormBody } from '../../server/lib/body.js';
import { requireCsrf, requireStaffPage, type StaffEnv } from '../../server/staff/auth.middleware.js';
import type { Role } from '../../server/staff/roles.js';
import { readReportPeriod } from '../../server/stats/report-period.js';
import { generateReport, staffReportList } from '../../server/stats/reports.service.js';
import { AdminLayout } from '../admin/layout.js';
import { adminView, renderAdmin } from '../admin/context.js';
import { resolveLang } from '../lang.js';
import { catchRefusal } from '../refusal.js';
import { reportMessages, staffReportMessages } from '../stats/report-messages.js';
import { periodName } from '../stats/reports-section.js';
import { renderStaff, staffView } from './context.js';
import { StaffLayout } from './layout.js';
import { ReportsBody, type ReportsForm } from './reports-page.js';

const GENERATORS: Role[] = ['intake', 'supervisor'];

async function showReports(c: Context<StaffEnv>, deps: Deps, options: { form?: ReportsForm; notice?: string | undefined } = {}, status: 200 | 400 = 200) {
  const actor = c.get('actor');
  const reports = await staffReportList(deps);
  const canGenerate = GENERATORS.includes(actor.role);
  if (actor.role === 'admin') {
    const v = adminView(c);
    const s = staffReportMessages(v.lang);
    return renderAdmin(c, (
      <AdminLayout v={v} title={s.title} current="reports" notice={options.notice}>
        <ReportsBody lang={v.lang} csrf={v.csrf} reports={reports} canGenerate={canGenerate} form={options.form} />
      </AdminLayout>
    ), status);
  }
  const v = await staffView(c, deps);
  const s = staffReportMessages(v.lang);
  return renderStaff(c, (
    <StaffLayout v={v} title={s.title} current="reports">
      <h1>{s.title}</h1>
      {options.notice && <div class="notice notice-success" role="status"><p>{options.notice}</p></div>}
      <ReportsBody lang={v.lang} csrf={v.csrf} reports={reports} canGenerate={canGenerate} form={options.form} />
    </StaffLayout>
  ), status);
}

export function staffReportPages(deps: Deps) {
  const app = new Hono<StaffEnv>();

  app.get('/reports', requireStaffPage(deps), async (c) => {
    const { lang } = resolveLang(c, 'staff');
    const done = readReportPeriod(c.req.query('done') ?? '');
    const notice = done ? staffReportMessages(lang).generated(periodName(reportMessages(lang), done.period)) : undefined;
    return showReports(c, deps, { notice });
  });

  app.post('/reports', requireStaffPage(deps, ...GENERATORS), requireCsrf, async (c) => {
    const typed = formText(await readFormBody(c.req), 'period').trim();
    const s = staffReportMessages(resolveLang(c, 'staff').lang);
    if (!readReportPeriod(typed)) return showReports(c, deps, { form: { period: typed, error: s.badPeriod } }, 400);
    const made = await catchRefusal(['validation_failed'], () => generateReport(deps, typed, c.get('actor').username));
    if (!made.ok) return showReports(c, deps, { form: { period: typed, error: s.notBegun } }, 400);
    const lang = c.req.query('lang') === 'en' ? '&lang=en' : '';
    return c.redirect(`/staff/reports?done=${encodeURIComponent(made.value.period)}${lang}`, 303);
  });

  return app;
}
