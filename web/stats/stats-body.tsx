/**
 * The statistics of one answer of loadStats as HTML: the legend of suppression, the overview, and each
 * figure as a chart with its table (charts.tsx). Shown by /stats and by the periodic reports. Only the
 * answer's published values are shown: a suppressed count reads '<5', a suppressed rate '—'.
 */
import { formatYuan } from '../../server/lib/money.js';
import type { StatsAnswer, StatsNames } from '../../server/stats/stats.service.js';
import { shownCount, shownRate } from '../../server/stats/suppress.js';
import type { Lang } from '../i18n.js';
import { nameIn } from '../names.js';
import { BarChart, ChartStyles, ColumnChart, DataTable, TargetBars } from './charts.js';
import { statsText } from './messages.js';
import type { StatsText } from './messages-zh.js';

/** The chart of decisions draws at most this many departments (its table lists all). */
const TIMELINESS_CHART_LIMIT = 30;

export interface StatsBodyProps {
  stats: StatsAnswer;
  names: StatsNames;
  lang: Lang;
  /** The level of the section headings (2 on /stats; a report may nest them deeper). */
  level?: 2 | 3;
}

export function StatsBody({ stats, names, lang, level = 2 }: StatsBodyProps) {
  const s = statsText(lang);
  const H = level === 2 ? 'h2' : 'h3';
  const named = (map: ReadonlyMap<string, { zh: string; en: string }>, code: string) => {
    const name = map.get(code);
    return name ? nameIn(name, lang) : code;
  };
  const count = (n: number | null) => shownCount(n, s.formatCount);
  return (
    <div class="stats-body">
      <ChartStyles />
      <section class="stats-legend" aria-labelledby="stats-legend-heading">
        <H id="stats-legend-heading">{s.legend.heading}</H>
        <ul class="list">
          <li>{s.legend.count}</li>
          <li>{s.legend.rate}</li>
          <li>{s.legend.charts}</li>
        </ul>
      </section>

      <section aria-labelledby="stats-summary-heading">
        <H id="stats-summary-heading">{s.summary.heading}</H>
        <dl class="stats-summary">
          <div><dt>{s.summary.total}</dt><dd>{count(stats.total)}</dd></div>
          <div><dt>{s.summary.median}</dt><dd>{median(stats.medianWorkingDaysToClose, s)}</dd></div>
          <div><dt>{s.summary.approved}</dt><dd>{count(stats.rewards.approved)}</dd></div>
          <div><dt>{s.summary.paid}</dt><dd>{count(stats.rewards.paid)}</dd></div>
          <div><dt>{s.summary.paidAmount}</dt><dd>{shownRate(stats.rewards.paidFen, formatYuan)}</dd></div>
        </dl>
      </section>

      <section aria-labelledby="stats-cases-heading">
        <H id="stats-cases-heading">{s.cases.heading}</H>
        <MonthChart stats={stats} names={names} s={s} />
        <BarChart id="stats-by-category" title={s.cases.byCategory} summary={s.cases.byCategorySummary}
          labelHeader={s.cases.category} valueHeader={s.cases.count}
          bars={stats.byCategory.map((c) => ({ label: named(names.categories, c.category), value: c.count, shown: count(c.count) }))} />
        <BarChart id="stats-by-city" title={s.cases.byCity} summary={s.cases.byCitySummary}
          labelHeader={s.cases.city} valueHeader={s.cases.count}
          bars={stats.byCity.map((c) => ({ label: named(names.regions, c.region), value: c.count, shown: count(c.count) }))} />
      </section>

      <section aria-labelledby="stats-timeliness-heading">
        <H id="stats-timeliness-heading">{s.timeliness.heading}</H>
        <TargetBars id="stats-timeliness" title={s.timeliness.title} summary={s.timeliness.summary} note={s.timeliness.note}
          headers={[s.timeliness.department, s.timeliness.decisions, s.timeliness.rate]} limit={TIMELINESS_CHART_LIMIT}
          bars={stats.timeliness.map((t) => ({
            label: named(names.departments, t.department), rate: t.onTimeRate, shown: shownRate(t.onTimeRate),
            cells: [count(t.decisions), shownRate(t.onTimeRate)],
          }))} />
      </section>

      <section aria-labelledby="stats-satisfaction-heading">
        <H id="stats-satisfaction-heading">{s.satisfaction.heading}</H>
        <TargetBars id="stats-satisfaction" title={s.satisfaction.title} summary={s.satisfaction.summary} note={s.satisfaction.note}
          targetLegend={s.satisfaction.targetLegend}
          headers={[s.satisfaction.serviceClass, s.satisfaction.n, s.satisfaction.rate, s.satisfaction.target]}
          bars={stats.satisfaction.map((row) => ({
            label: s.satisfaction.classes[row.serviceClass] ?? row.serviceClass, rate: row.rate, shown: shownRate(row.rate), target: row.target,
            cells: [count(row.n), shownRate(row.rate), shownRate(row.target)],
          }))} />
      </section>

      <section aria-labelledby="stats-kpis-heading">
        <H id="stats-kpis-heading">{s.kpis.heading}</H>
        <p class="stats-note">{s.kpis.note}</p>
        {stats.kpis.length === 0
          ? <p>{s.kpis.none}</p>
          : <DataTable id="stats-kpis" caption={s.kpis.caption}
            headers={[s.kpis.department, s.kpis.rank, s.kpis.n, s.kpis.sign, s.kpis.onTime, s.kpis.returns, s.kpis.rehandle, s.kpis.satisfaction]}
            rows={stats.kpis.map((k, i) => ({
              header: named(names.departments, k.department),
              cells: [k.onTimeRate === null ? '—' : String(i + 1), count(k.n), shownRate(k.signRate), shownRate(k.onTimeRate),
                shownRate(k.returnRate), shownRate(k.rehandleRate), shownRate(k.satisfactionRate)],
            }))} />}
      </section>
    </div>
  );
}

function median(days: number | null, s: StatsText): string {
  if (days === null) return shownRate(null);
  return days > 60 ? s.summary.medianOver : s.formatDays(days);
}

function MonthChart({ stats, names, s }: { stats: StatsAnswer; names: StatsNames; s: StatsText }) {
  const months = [...new Set(stats.byMonth.map((r) => r.month))];
  const domains = names.domains.filter((d) => stats.byMonth.some((r) => r.domain === d));
  const cell = new Map(stats.byMonth.map((r) => [`${r.month} ${r.domain}`, r.count]));
  return (
    <ColumnChart id="stats-by-month" title={s.cases.byMonth} summary={s.cases.byMonthSummary} labelHeader={s.cases.month}
      series={domains.map((d) => ({ label: s.domains[d] ?? d }))}
      columns={months.map((month, i) => {
        const values = domains.map((d) => cell.get(`${month} ${d}`) ?? null);
        return {
          label: s.monthName(month), tick: s.monthTick(month),
          ...(i === 0 || month.endsWith('-01') ? { subTick: month.slice(0, 4) } : {}),
          values, shown: values.map((v) => shownCount(v, s.formatCount)),
        };
      })} />
  );
}
