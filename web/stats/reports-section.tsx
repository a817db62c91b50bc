/** The periodic reports on /stats: each generated month, quarter and year with its HTML and CSV downloads. */
import type { ReportListing } from '../../server/stats/reports.service.js';
import { readReportPeriod } from '../../server/stats/report-period.js';
import type { Lang } from '../i18n.js';
import { reportMessages, type ReportMessages } from './report-messages.js';

/** A period's name in the page language, e.g. 2026年第三季度 / Q3 2026. */
export function periodName(m: ReportMessages, period: string): string {
  const p = readReportPeriod(period);
  return p ? m.periodLabel(p) : period;
}

/** A download address in the page language (its table headings and names follow it). */
export const inLang = (url: string, lang: Lang) => `${url}?lang=${encodeURIComponent(lang)}`;

export function ReportsSection({ reports, lang, headingLevel = 2 }: { reports: ReportListing[]; lang: Lang; headingLevel?: 1 | 2 | 3 }) {
  const m = reportMessages(lang);
  const Heading = headingLevel === 1 ? 'h1' : headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="stat-reports" id="reports" aria-labelledby="reports-heading">
      <Heading id="reports-heading">{m.reportsHeading}</Heading>
      <p>{m.reportsIntro}</p>
      {reports.length === 0 ? <p>{m.noReports}</p> : (
        <div class="table-scroll" tabindex={0} role="region" aria-labelledby="reports-heading">
          <table class="table">
            <thead>
              <tr><th scope="col">{m.periodCol}</th><th scope="col">{m.generatedCol}</th><th scope="col">{m.downloadCol}</th></tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr data-period={r.period}>
                  <th scope="row">{periodName(m, r.period)}</th>
                  <td><time datetime={r.generatedAt}>{r.generatedAt.slice(0, 10)}</time></td>
                  <td>
                    <a href={inLang(r.htmlUrl, lang)}>{m.html}</a>
                    {' · '}
                    <a href={inLang(r.csvUrl, lang)} download>{m.csv}</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
