/**
 * The periodic report as one printable HTML document: the same charts as /stats (web/stats/charts.tsx),
 * each with its table, in the report's language. Served from the database (styles linked, since the
 * site's CSP allows no inline style) or written to disk by the command line (styles inline, so the
 * file stands alone).
 */
import type { ReportData } from '../../server/stats/report-data.js';
import { readReportPeriod } from '../../server/stats/report-period.js';
import { messages, type Lang } from '../i18n.js';
import { BarChart, CHARTS_CSS, ColumnChart, TargetBars } from './charts.js';
import { reportMessages, type ReportMessages } from './report-messages.js';
import { shownCell, reportTables, type ReportTable, type TableId } from './report-tables.js';

export const REPORT_CSS_HREF = '/stats/reports/report.css';

const REPORT_BASE_CSS = `
body { font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; color: #1b1b1b; margin: 0; line-height: 1.5; }
.report { max-width: 48rem; margin: 0 auto; padding: 1rem; }
.report h1 { font-size: 1.6rem; margin: .5rem 0; }
.report h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #0b3a78; }
.report .meta { color: #484949; margin: .25rem 0; }
.table-scroll { overflow-x: auto; }
.table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
.table caption { text-align: left; font-weight: 700; padding: .25rem 0; }
.table th, .table td { border-bottom: 1px solid #b1b4b6; padding: .35rem .5rem; text-align: left; vertical-align: top; }
.table thead th { border-bottom: 2px solid #1b1b1b; }
.report a { color: #0b3a78; }
.screen-only { margin: 1rem 0; }
@page { size: A4; margin: 15mm; }
@media print {
  .screen-only { display: none !important; }
  .report { max-width: none; padding: 0; }
  .report h2 { break-after: avoid; }
  .table-scroll { overflow: visible; }
  tr, .stats-figure { break-inside: avoid; }
}
`;

/** Everything the report needs to look right, served at REPORT_CSS_HREF or written inline. */
// After the charts' rules, which keep numbers on one line: in the report the tables fit a phone instead.
const REPORT_TABLE_CSS = `
.report .table th, .report .table td, .report .table td.num, .report .table th.num { white-space: normal; overflow-wrap: break-word; }
@media (max-width: 30rem) { .report .table { font-size: .875rem; } .report .table th, .report .table td { padding: .3rem .25rem; } }
`;

export const REPORT_CSS = REPORT_BASE_CSS + CHARTS_CSS + REPORT_TABLE_CSS;

const numericOf = (table: ReportTable) => table.rows[0]?.cells.map((c) => c.t !== 'text') ?? table.headers.slice(1).map(() => true);

/** A table without a chart; on a narrow screen it scrolls, so the keyboard can reach it (a focusable region). */
function PlainTable({ table, m }: { table: ReportTable; m: ReportMessages }) {
  const numeric = numericOf(table);
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={table.title}>
      <table class="table stats-table">
        <caption>{table.title}</caption>
        <thead>
          <tr>{table.headers.map((h, i) => <th scope="col" class={i > 0 && numeric[i - 1] ? 'num' : undefined}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {table.rows.map((r) => (
            <tr>
              <th scope="row">{r.header}</th>
              {r.cells.map((c, i) => <td class={numeric[i] ? 'num' : undefined}>{shownCell(c, m)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function TableFigure({ table, m }: { table: ReportTable; m: ReportMessages }) {
  const id = `report-${table.id}`;
  const summary = `${table.title}. ${m.seeTable}`;
  if (table.rows.length === 0) return <p>{m.emptyTable}</p>;
  const shown = (r: ReportTable['rows'][number]) => r.cells.map((c) => shownCell(c, m));
  const value = (r: ReportTable['rows'][number], i: number) => {
    const c = r.cells[i];
    return c && (c.t === 'count' || c.t === 'rate') ? c.v : null;
  };
  switch (table.id) {
    case 'by-month':
      return (
        <ColumnChart id={id} title={table.title} summary={summary} labelHeader={table.headers[0]!}
          series={table.headers.slice(1).map((label) => ({ label }))}
          columns={table.rows.map((r, i) => ({
            label: r.header, tick: r.header.slice(5), subTick: i === 0 || r.header.endsWith('-01') ? r.header.slice(0, 4) : undefined,
            values: r.cells.map((_, ci) => value(r, ci)), shown: shown(r),
          }))} />
      );
    case 'by-category':
    case 'by-city':
      return (
        <BarChart id={id} title={table.title} summary={summary} labelHeader={table.headers[0]!} valueHeader={table.headers[1]!}
          bars={table.rows.map((r) => ({ label: r.header, value: value(r, 0), shown: shown(r)[0]! }))} />
      );
    case 'timeliness':
    case 'satisfaction': {
      // timeliness: decisions, on-time rate; satisfaction: ratings, rate, target.
      const rateAt = 1;
      return (
        <TargetBars id={id} title={table.title} summary={summary} headers={table.headers} targetLegend={m.targetLegend}
          bars={table.rows.map((r) => {
            const target = table.id === 'satisfaction' ? value(r, 2) : null;
            return { label: r.header, rate: value(r, rateAt), shown: shown(r)[rateAt]!, cells: shown(r), ...(target === null ? {} : { target }) };
          })} />
      );
    }
    default:
      return <PlainTable table={table} m={m} />;
  }
}

const SECTIONS: TableId[] = ['summary', 'by-month', 'by-category', 'by-city', 'timeliness', 'satisfaction', 'rewards', 'kpis'];

export function ReportDocument({ data, lang, inlineStyles = false }: { data: ReportData; lang: Lang; inlineStyles?: boolean }) {
  const m = reportMessages(lang);
  const t = messages[lang];
  const period = readReportPeriod(data.period);
  const title = m.reportTitle(period ? m.periodLabel(period) : data.period);
  const tables = new Map(reportTables(data, lang).map((table) => [table.id, table]));
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.siteName}`}</title>
        {inlineStyles ? <style dangerouslySetInnerHTML={{ __html: REPORT_CSS }}></style> : <link rel="stylesheet" href={REPORT_CSS_HREF} />}
      </head>
      <body>
        <main class="report">
          <p class="meta">{t.siteName}</p>
          <h1>{title}</h1>
          <p class="meta">{m.months}: {data.stats.from} – {data.stats.to} · {m.generatedAt}: <time datetime={data.generatedAt}>{data.generatedAt.slice(0, 16).replace('T', ' ')}</time></p>
          <p>{m.suppressedNote}</p>
          <p class="screen-only">{m.printHint}{inlineStyles ? null : (
            <>{' '}<a href={`report.csv?lang=${lang}`} download>{m.csv}</a>{' · '}<a href={lang === 'zh' ? '/stats' : `/stats?lang=${lang}`}>{m.backToStats}</a></>
          )}</p>
          {SECTIONS.map((id) => {
            const table = tables.get(id)!;
            return (
              <section aria-labelledby={`section-${id}`}>
                <h2 id={`section-${id}`}>{table.title}</h2>
                {id === 'summary' || id === 'rewards' || id === 'kpis'
                  ? (table.rows.length === 0 ? <p>{m.emptyTable}</p> : <PlainTable table={table} m={m} />)
                  : <TableFigure table={table} m={m} />}
                {!inlineStyles && (
                  <p class="screen-only"><a href={`${id}.csv?lang=${lang}`} download>{m.tableCsv(table.title)}</a></p>
                )}
              </section>
            );
          })}
        </main>
      </body>
    </html>
  );
}

/** The complete document as text. */
export async function reportHtml(data: ReportData, lang: Lang, inlineStyles = false): Promise<string> {
  return `<!DOCTYPE html>${String(await (<ReportDocument data={data} lang={lang} inlineStyles={inlineStyles} />))}`;
}
