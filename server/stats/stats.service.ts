/**
 * The public statistics (GET /api/v1/stats, the page /stats, the periodic reports): read from the
 * counters only (stat_counts, server/stats/counters.ts), never from the cases, then suppressed
 * (suppress.ts) before anyone sees them. README "Public statistics" says what each figure counts.
 */
import type { Category } from '../../db/schema.js';
import { listRegions } from '../directory/directory.repository.js';
import type { Named } from '../directory/directory.js';
import { directorySnapshot } from '../directory/snapshot.js';
import type { Deps } from '../deps.js';
import * as m from './counters.js';
import { readDepartmentColumns, readPublicCounts, type CountRow, type DepartmentMonthColumn } from './counters.repository.js';
import type { StatsPeriod } from './stats.schema.js';
import { monthsOf } from './stats.schema.js';
import { MIN_CELL, rankByPublished, suppressCount, suppressFrom, suppressRate } from './suppress.js';

/** The provincial plan's customer satisfaction targets by service class (Guangdong, 2012). */
export const SATISFACTION_TARGETS = { producer: 0.85, consumer: 0.8 } as const;
export type ServiceClass = keyof typeof SATISFACTION_TARGETS;

export interface StatsAnswer {
  from: string;
  to: string;
  minCell: number;
  total: number | null;
  byMonth: { month: string; domain: string; count: number | null }[];
  byCategory: { category: string; count: number | null }[];
  byCity: { region: string; count: number | null }[];
  timeliness: { department: string; decisions: number | null; onTimeRate: number | null }[];
  /** The median of working days from receipt to close; 61 stands for "more than 60". */
  medianWorkingDaysToClose: number | null;
  satisfaction: { serviceClass: ServiceClass; rate: number | null; n: number | null; target: number }[];
  rewards: { approved: number | null; paid: number | null; paidFen: number | null };
  kpis: {
    department: string; n: number | null; signRate: number | null; onTimeRate: number | null;
    returnRate: number | null; rehandleRate: number | null; satisfactionRate: number | null;
  }[];
}

/** The counter rows a period's answer is made of. */
export interface StatsCounts {
  /** received and ratings by month and category (and city, when `cities` is not given). */
  detail: Pick<CountRow, 'metric' | 'month' | 'category' | 'n'>[];
  /** received by month and city; without it the cities are read from `detail`'s rows. */
  cities?: Pick<CountRow, 'metric' | 'month' | 'city' | 'n'>[];
  /** The histogram of working days to close over the months; without it, read from `departments`. */
  closeDays?: { metric: string; n: number }[];
  /** Every other metric by department, summed over the months. */
  departments: { metric: string; department: string; n: number }[];
}

/** What the statistics need of the directory. */
export interface StatsDirectory {
  /** Categories in directory order. */
  categories: Pick<Category, 'code' | 'domain' | 'service_class'>[];
  /** The 21 prefecture-level cities, by code. */
  cities: string[];
  /** The department a decision without a department (the intake centre's triage) is counted under. */
  intakeCentre: string;
}

const CLOSE_WD = Array.from({ length: m.CLOSE_WD_MAX + 2 }, (_, d) => m.closeWdMetric(d));
/** Read from the per-department month and year rows (a column each), summed over the months. */
const DEPARTMENT_METRICS: readonly DepartmentMonthColumn[] = [
  m.ACCEPT_ON_TIME, m.ACCEPT_LATE, m.CLOCK_ON_TIME, m.CLOCK_LATE, m.DISPATCHED, m.SIGN_DUE, m.SIGNED_ON_TIME, m.RETURNED,
  m.CLOSED, m.REHANDLED, m.RATING, m.RATING_SATISFIED, m.REWARD_APPROVED, m.REWARD_PAID, m.REWARD_PAID_FEN,
];

/** Answers kept per database, by period, with the data version they were computed at. */
const kept = new WeakMap<object, Map<string, { version: string; answer: Promise<StatsAnswer> }>>();
const KEPT_PERIODS = 24;

/**
 * The statistics of a period, as published (suppressed). With Deps.dataVersion, an answer is kept
 * until the data moves: a burst of requests between two writes computes it once (the answer is shared:
 * callers must not change it).
 */
export async function loadStats(deps: Pick<Deps, 'db' | 'dataVersion'>, period: StatsPeriod): Promise<StatsAnswer> {
  if (!deps.dataVersion) return computeStats(deps, period);
  const version = await deps.dataVersion();
  let byPeriod = kept.get(deps.db);
  if (!byPeriod) kept.set(deps.db, (byPeriod = new Map()));
  const key = `${period.from} ${period.to}`;
  const hit = byPeriod.get(key);
  if (hit?.version === version) return hit.answer;
  const answer = computeStats(deps, period);
  byPeriod.delete(key);
  byPeriod.set(key, { version, answer });
  if (byPeriod.size > KEPT_PERIODS) byPeriod.delete(byPeriod.keys().next().value!);
  // A failed computation is not kept.
  answer.catch(() => { if (byPeriod.get(key)?.answer === answer) byPeriod.delete(key); });
  return answer;
}

async function computeStats(deps: Pick<Deps, 'db'>, period: StatsPeriod): Promise<StatsAnswer> {
  const months = { fromMonth: period.from, toMonth: period.to };
  const [{ categories: detail, cities, closeDays }, departments, directory] = await Promise.all([
    readPublicCounts(deps.db, months),
    readDepartmentColumns(deps.db, months, DEPARTMENT_METRICS),
    loadStatsDirectory(deps),
  ]);
  return summarise({ detail, cities, closeDays, departments }, directory, period);
}

export async function loadStatsDirectory(deps: Pick<Deps, 'db'>): Promise<StatsDirectory> {
  const [snapshot, regions] = await Promise.all([directorySnapshot(deps.db), listRegions(deps.db)]);
  const categories = [...snapshot.categories.values()].sort((a, b) => a.sort - b.sort || (a.code < b.code ? -1 : 1));
  const province = regions.find((r) => r.parent === null)?.code;
  const cities = regions.filter((r) => r.level === 'city' && r.parent === province).map((r) => r.code);
  const intakeCentre = [...snapshot.departments.values()].find((d) => d.agency === 'intake')?.code ?? '';
  return { categories, cities, intakeCentre };
}

/** The names the pages show beside the codes of an answer, in both directory languages. */
export interface StatsNames {
  categories: ReadonlyMap<string, Named>;
  regions: ReadonlyMap<string, Named>;
  departments: ReadonlyMap<string, Named>;
  /** The domains (product, engineering, service, other) in directory order. */
  domains: string[];
}

export async function loadStatsNames(deps: Pick<Deps, 'db'>): Promise<StatsNames> {
  const [snapshot, regions] = await Promise.all([directorySnapshot(deps.db), listRegions(deps.db)]);
  const categories = [...snapshot.categories.values()].sort((a, b) => a.sort - b.sort);
  return {
    categories: new Map(categories.map((c) => [c.code, { zh: c.name_zh, en: c.name_en }])),
    regions: new Map(regions.map((r) => [r.code, { zh: r.name_zh, en: r.name_en }])),
    departments: snapshot.departmentNames,
    domains: domainsOf(categories),
  };
}

const domainsOf = (categories: { domain: string }[]) => [...new Set(categories.map((c) => c.domain))];

/** Sums n by a key over the rows of some metrics. */
function sumBy<R extends { metric: string; n: number }>(rows: R[], metrics: string[], key: (row: R) => string): Map<string, number> {
  const wanted = new Set(metrics);
  const out = new Map<string, number>();
  for (const row of rows) {
    if (!wanted.has(row.metric)) continue;
    const k = key(row);
    out.set(k, (out.get(k) ?? 0) + row.n);
  }
  return out;
}

/** The published answer from the counter rows of the period (pure: tested without a database). */
export function summarise(counts: StatsCounts, directory: StatsDirectory, period: StatsPeriod): StatsAnswer {
  const categoryOf = new Map(directory.categories.map((c) => [c.code, c]));
  const domains = domainsOf(directory.categories);
  const rows = counts.detail;
  const byDepartment = counts.departments;
  const department = (row: { department: string }) => row.department || directory.intakeCentre;
  const total = (metric: string) => sumBy(byDepartment, [metric], () => '').get('') ?? 0;

  const byMonthDomain = sumBy(rows, [m.RECEIVED], (r) => `${r.month} ${categoryOf.get(r.category)?.domain ?? 'other'}`);
  const byCategory = sumBy(rows, [m.RECEIVED], (r) => r.category);
  const byCity = sumBy((counts.cities ?? rows) as { metric: string; city: string; n: number }[], [m.RECEIVED], (r) => r.city);

  const acceptOnTime = sumBy(byDepartment, [m.ACCEPT_ON_TIME], department);
  const decisions = sumBy(byDepartment, [m.ACCEPT_ON_TIME, m.ACCEPT_LATE], department);
  const timeliness = [...decisions.keys()].sort().map((code) => ({
    department: code,
    decisions: suppressCount(decisions.get(code)!),
    onTimeRate: suppressRate(acceptOnTime.get(code) ?? 0, decisions.get(code)!),
  }));

  const serviceClass = (r: { category: string }) => categoryOf.get(r.category)?.service_class ?? '';
  const ratings = sumBy(rows, [m.RATING], serviceClass);
  const satisfied = sumBy(rows, [m.RATING_SATISFIED], serviceClass);
  const satisfaction = (Object.keys(SATISFACTION_TARGETS) as ServiceClass[]).map((sc) => ({
    serviceClass: sc,
    rate: suppressRate(satisfied.get(sc) ?? 0, ratings.get(sc) ?? 0),
    n: suppressCount(ratings.get(sc) ?? 0),
    target: SATISFACTION_TARGETS[sc],
  }));

  const paid = total(m.REWARD_PAID);
  return {
    from: period.from,
    to: period.to,
    minCell: MIN_CELL,
    total: suppressCount(sumBy(rows, [m.RECEIVED], () => '').get('') ?? 0),
    byMonth: monthsOf(period).flatMap((month) => domains.map((domain) => ({
      month, domain, count: suppressCount(byMonthDomain.get(`${month} ${domain}`) ?? 0),
    }))),
    byCategory: rankByPublished(directory.categories.map((c) => ({ category: c.code, count: suppressCount(byCategory.get(c.code) ?? 0) })), (c) => c.count),
    byCity: rankByPublished(directory.cities.map((region) => ({ region, count: suppressCount(byCity.get(region) ?? 0) })), (c) => c.count),
    timeliness: rankByPublished(timeliness, (t) => t.onTimeRate),
    medianWorkingDaysToClose: medianOf(sumBy(counts.closeDays ?? byDepartment, CLOSE_WD, (r) => r.metric)),
    satisfaction,
    rewards: { approved: suppressCount(total(m.REWARD_APPROVED)), paid: suppressCount(paid), paidFen: suppressFrom(total(m.REWARD_PAID_FEN), paid) },
    kpis: kpisOf(byDepartment, department),
  };
}

/** The hotline KPIs per department, ranked by on-time completion. */
function kpisOf(rows: StatsCounts['departments'], department: (row: { department: string }) => string) {
  const by = (metrics: string[]) => sumBy(rows, metrics, department);
  const [dispatched, signDue, signed, returned, closed, rehandled] = [
    by([m.DISPATCHED]), by([m.SIGN_DUE]), by([m.SIGNED_ON_TIME]), by([m.RETURNED]), by([m.CLOSED]), by([m.REHANDLED]),
  ];
  const [clocks, onTime, ratings, satisfied] = [by([m.CLOCK_ON_TIME, m.CLOCK_LATE]), by([m.CLOCK_ON_TIME]), by([m.RATING]), by([m.RATING_SATISFIED])];
  const codes = [...new Set([...dispatched.keys(), ...clocks.keys(), ...closed.keys(), ...ratings.keys()])].sort();
  const n = (map: Map<string, number>, code: string) => map.get(code) ?? 0;
  const kpis = codes.map((code) => ({
    department: code,
    n: suppressCount(n(dispatched, code)),
    signRate: suppressRate(n(signed, code), n(signDue, code)),
    onTimeRate: suppressRate(n(onTime, code), n(clocks, code)),
    returnRate: suppressRate(n(returned, code), n(dispatched, code)),
    rehandleRate: suppressRate(n(rehandled, code), n(closed, code)),
    satisfactionRate: suppressRate(n(satisfied, code), n(ratings, code)),
  }));
  return rankByPublished(kpis, (k) => k.onTimeRate);
}

/** The median of the close_wd histogram (the mean of the two middle values for an even count). */
export function medianOf(histogram: Map<string, number>): number | null {
  const buckets = [...histogram].map(([metric, count]) => ({ days: m.closeWdDays(metric), count }))
    .filter((b) => b.count > 0).sort((a, b) => a.days - b.days);
  const count = buckets.reduce((sum, b) => sum + b.count, 0);
  if (count === 0) return suppressFrom(0, count);
  const at = (index: number) => {
    let seen = 0;
    for (const b of buckets) {
      seen += b.count;
      if (index < seen) return b.days;
    }
    return buckets[buckets.length - 1]!.days;
  };
  return suppressFrom((at(Math.floor((count - 1) / 2)) + at(Math.floor(count / 2))) / 2, count);
}
