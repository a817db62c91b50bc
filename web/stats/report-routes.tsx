/**
 * Public downloads of the generated reports under /stats/reports: the list, each report's printable
 * HTML and its CSV files (aggregates only, suppressed as stored). A period never generated is a 404.
 */
import { Hono, type Context } from 'hono';
import type { Deps } from '../../server/deps.js';
import { readReportPeriod } from '../../server/stats/report-period.js';
import { listReports, loadReport } from '../../server/stats/reports.service.js';
import { AppError } from '../../server/errors.js';
import { resolveLang, switchHref } from '../lang.js';
import { Layout } from '../layout.js';
import { publicErrors } from '../pages/error.js';
import { renderPage } from '../render.js';
import { allTablesCsv, csvFileName, tableCsv } from './report-csv-files.js';
import { REPORT_CSS, reportHtml } from './report-document.js';
import { reportMessages } from './report-messages.js';
import { ReportsSection } from './reports-section.js';
import { TABLE_IDS, type TableId } from './report-tables.js';

// A report can be generated again (on demand): caches keep it for minutes, not days.
const CACHE = 'public, max-age=300';

async function storedReport(deps: Deps, period: string) {
  if (!readReportPeriod(period)) throw new AppError('not_found', `No report has been generated for ${period}.`);
  return loadReport(deps, period);
}

function csvResponse(c: Context, text: string, fileName: string) {
  c.header('Content-Type', 'text/csv; charset=utf-8');
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  c.header('Cache-Control', CACHE);
  return c.body(text);
}

export function reportPages(deps: Deps) {
  const app = new Hono();

  app.get('/report.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(REPORT_CSS);
  });

  app.get('/', async (c) => {
    const { t, lang } = resolveLang(c);
    const m = reportMessages(lang);
    return renderPage(c, (
      <Layout t={t} title={m.reportsHeading} switchHref={switchHref(c, t.switchLang)}>
        <ReportsSection reports={await listReports(deps)} lang={lang} headingLevel={1} />
      </Layout>
    ));
  });

  app.get('/:period/report.html', async (c) => {
    const { lang } = resolveLang(c);
    const data = await storedReport(deps, c.req.param('period'));
    c.header('Cache-Control', CACHE);
    return c.html(await reportHtml(data, lang));
  });

  app.get('/:period/:file', async (c) => {
    const period = c.req.param('period');
    const file = /^([a-z-]+)\.csv$/.exec(c.req.param('file'))?.[1];
    if (file !== 'report' && !TABLE_IDS.includes(file as TableId)) throw new AppError('not_found', 'No such report file.');
    const { lang } = resolveLang(c);
    const data = await storedReport(deps, period);
    const text = file === 'report' ? allTablesCsv(data, lang) : tableCsv(data, lang, file!)!;
    return csvResponse(c, text, csvFileName(data.period, file === 'report' ? 'all' : (file as TableId)));
  });

  app.onError(publicErrors(deps));
  return app;
}
