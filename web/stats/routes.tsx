/** GET /stats (the public statistics page, zh-CN, zh-Hant, English) and the charts' stylesheet. */
import { Hono } from 'hono';
import type { Deps } from '../../server/deps.js';
import { listReports } from '../../server/stats/reports.service.js';
import { readStatsPeriod } from '../../server/stats/stats.schema.js';
import { currentMonth } from '../../server/stats/stats.routes.js';
import { loadStats, loadStatsNames } from '../../server/stats/stats.service.js';
import { resolveLang, switchHref } from '../lang.js';
import { renderPage } from '../render.js';
import { CHARTS_CSS, CHARTS_CSS_HREF } from './charts.js';
import { StatsPage } from './page.js';
import { ReportsSection } from './reports-section.js';

export function statsPages(deps: Deps) {
  const app = new Hono();

  app.get(CHARTS_CSS_HREF, (c) => c.body(CHARTS_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  app.get('/stats', async (c) => {
    const { lang, t } = resolveLang(c);
    const query = c.req.query();
    const read = readStatsPeriod(query, currentMonth(deps));
    const here = switchHref(c, t.switchLang);
    const reports = <ReportsSection reports={await listReports(deps)} lang={lang} />;
    if (!read.ok) {
      const asked = { from: (query.from ?? '').slice(0, 20), to: (query.to ?? '').slice(0, 20) };
      return renderPage(c, <StatsPage t={t} lang={lang} switchHref={here} asked={asked} shown={{ issues: read.issues }} reports={reports} />, 400);
    }
    const [stats, names] = await Promise.all([loadStats(deps, read.period), loadStatsNames(deps)]);
    return renderPage(c, <StatsPage t={t} lang={lang} switchHref={here} asked={read.period} shown={{ stats, names }} reports={reports} />);
  });

  return app;
}
