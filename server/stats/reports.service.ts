/**
 * Periodic statistics reports (定期发布): a month, quarter or year of the public statistics frozen
 * as generated — on demand (command line, staff page) and by the sweeper once each month has ended.
 * Only aggregates are stored, already suppressed; the HTML and CSV are drawn from them (web/stats/).
 */
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { namesFor, type ReportData } from './report-data.js';
import { parseReportPeriod, periodHasBegun, previousMonthPeriod, type ReportPeriod } from './report-period.js';
import { loadStats } from './stats.service.js';
import { findReport, insertReportOnceQuery, listReportRows, reportExists, upsertReportQuery } from './reports.repository.js';

export interface ReportListing {
  period: string;
  kind: 'month' | 'quarter' | 'year';
  generatedAt: string;
  /** The printable HTML report. */
  htmlUrl: string;
  /** Every table in one CSV file. */
  csvUrl: string;
}

export const reportBase = (period: string) => `/stats/reports/${encodeURIComponent(period)}`;

async function buildReport(deps: Deps, period: ReportPeriod): Promise<ReportData> {
  const stats = await loadStats(deps, { from: period.from, to: period.to });
  return { period: period.period, kind: period.kind, generatedAt: toShanghaiIso(deps.clock.now()), stats, names: await namesFor(deps.db, stats) };
}

const rowOf = (data: ReportData, period: ReportPeriod, by: string) => ({
  period: data.period, kind: data.kind, from_month: period.from, to_month: period.to,
  generated_at: data.generatedAt, generated_by: by, data: JSON.stringify(data),
});

/**
 * Generates the report of a period ('2026-11', '2026-Q3', '2026') now, replacing an earlier one of
 * the same period. `by`: 'cli', or the staff member's username. A period not yet begun is refused.
 */
export async function generateReport(deps: Deps, periodText: string, by: string): Promise<ReportData> {
  const period = parseReportPeriod(periodText);
  if (!periodHasBegun(period, deps.clock.now())) {
    throw new AppError('validation_failed', `The period ${period.period} has not begun yet.`, [{ path: 'period', message: 'Give a period that has begun.' }]);
  }
  const data = await buildReport(deps, period);
  await deps.batch([upsertReportQuery(deps.db, rowOf(data, period, by))]);
  return data;
}

/**
 * The sweeper's part: once the month has ended (Beijing time), its report is generated once. The
 * period's primary key makes a second or concurrent sweep a no-op. Returns the period if stored now.
 */
export async function reportEndedMonth(deps: Deps): Promise<string | null> {
  const period = previousMonthPeriod(deps.clock.now());
  if (await reportExists(deps.db, period.period)) return null;
  const data = await buildReport(deps, period);
  const [result] = await deps.batch([insertReportOnceQuery(deps.db, rowOf(data, period, 'system'))]);
  return Number(result?.numAffectedRows ?? 0) === 1 ? period.period : null;
}

/** The stored report of a period, or a 404. */
export async function loadReport(deps: Pick<Deps, 'db'>, period: string): Promise<ReportData> {
  const row = await findReport(deps.db, period);
  if (!row) throw new AppError('not_found', `No report has been generated for ${period}.`);
  return JSON.parse(row.data) as ReportData;
}

/** Every generated report, newest months first, with its download addresses (for /stats). */
export async function listReports(deps: Pick<Deps, 'db'>): Promise<ReportListing[]> {
  return (await staffReportList(deps)).map(({ generatedBy: _by, ...listing }) => listing);
}

/** The same list for staff, with who generated each ('system', 'cli' or a username): never shown publicly. */
export async function staffReportList(deps: Pick<Deps, 'db'>): Promise<(ReportListing & { generatedBy: string })[]> {
  return (await listReportRows(deps.db)).map((r) => ({
    period: r.period, kind: r.kind, generatedAt: r.generated_at, generatedBy: r.generated_by,
    htmlUrl: `${reportBase(r.period)}/report.html`, csvUrl: `${reportBase(r.period)}/report.csv`,
  }));
}
