/**
 * The statistics of a report's months. Until the statistics service (loadStats over the counters)
 * is in this tree, the received cases are counted here from the cases table: by month and domain,
 * category and city, suppressed like the statistics answer. Its other parts stay empty.
 */
import { sql } from 'kysely';
import type { Deps } from '../deps.js';
import { MIN_CELL, type StatsAnswer } from './report-data.js';

const keep = (n: number): number | null => (n >= MIN_CELL ? n : null);

/** The statistics answer of the months from..to ('YYYY-MM'), suppressed. */
export async function loadReportStats(deps: Pick<Deps, 'db'>, range: { from: string; to: string }): Promise<StatsAnswer> {
  const month = sql<string>`substr(cases.received_at, 1, 7)`;
  const city = sql<string>`substr(cases.region, 1, 4) || '00'`;
  const rows = await deps.db.selectFrom('cases')
    .innerJoin('categories', 'categories.code', 'cases.category')
    .select([month.as('month'), 'categories.domain as domain', 'cases.category as category', city.as('city')])
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .where(month, '>=', range.from).where(month, '<=', range.to)
    .groupBy([month, 'categories.domain', 'cases.category', city])
    .execute();
  const sum = (key: (r: (typeof rows)[number]) => string) => {
    const totals = new Map<string, number>();
    for (const r of rows) totals.set(key(r), (totals.get(key(r)) ?? 0) + Number(r.n));
    return [...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  return {
    from: range.from, to: range.to, minCell: MIN_CELL,
    total: keep(rows.reduce((s, r) => s + Number(r.n), 0)),
    byMonth: sum((r) => `${r.month}|${r.domain}`).map(([k, n]) => {
      const [m, domain] = k.split('|') as [string, string];
      return { month: m, domain, count: keep(n) };
    }),
    byCategory: sum((r) => r.category).map(([category, n]) => ({ category, count: keep(n) })),
    byCity: sum((r) => r.city).map(([region, n]) => ({ region, count: keep(n) })),
    timeliness: [],
    medianWorkingDaysToClose: null,
    satisfaction: [],
    rewards: { approved: null, paidFen: null },
    kpis: [],
  };
}
