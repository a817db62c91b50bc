/**
 * Reading the statistics counters (stat_counts, migration 0027), marking the windows that have ended
 * so the triggers count them, and rebuilding the counters from the cases (`stats recount`).
 */
import { sql, type CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Database, StatCountTable } from '../../db/schema.js';

/** A stat_counts row as read (db/schema/stats.ts says what each column holds). */
export type CountRow = Selectable<StatCountTable>;

export interface CountQuery {
  /** 'YYYY-MM', both ends included. */
  fromMonth: string;
  toMonth: string;
  /** The metrics by name, or every metric starting with a prefix (e.g. 'status:', 'close_wd:'). */
  metrics: readonly string[] | { prefix: string };
  /** Only this department ('' for cases in triage). */
  department?: string;
}

function metricFilter<Q extends { where: (...args: any[]) => Q }>(q: Q, metrics: CountQuery['metrics']): Q {
  if (Array.isArray(metrics)) return metrics.length === 0 ? q.where(sql<boolean>`0`) : q.where('metric', 'in', metrics as string[]);
  const { prefix } = metrics as { prefix: string };
  // A range of the primary key: every metric that starts with the prefix sorts between it and prefix + U+FFFF.
  return q.where('metric', '>=', prefix).where('metric', '<', `${prefix}\uffff`);
}

/** The counter rows of the months asked for (rows whose count came back to zero left out). */
export async function readCounts(db: Kysely<Database>, query: CountQuery): Promise<CountRow[]> {
  let q = db.selectFrom('stat_counts').select(['metric', 'month', 'department', 'category', 'city', 'kind', 'n'])
    .where('month', '>=', query.fromMonth).where('month', '<=', query.toMonth).where('n', '!=', 0);
  q = metricFilter(q, query.metrics);
  if (query.department !== undefined) q = q.where('department', '=', query.department);
  return (await q.execute()).map((r) => ({ ...r, n: Number(r.n) }));
}

/** The staff overview's counts, one column each, summed per department over the months. */
export const OVERVIEW_COLUMNS = [
  'dispatched', 'sign_due', 'signed_on_time', 'returned', 'clock_on_time', 'clock_late', 'closed', 'rehandled', 'rehandle_suggested',
] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];

/** Every count kept per department in the month and year rows (0035): the overview's and the statistics'. */
export const DEPARTMENT_MONTH_COLUMNS = [
  ...OVERVIEW_COLUMNS, 'accept_on_time', 'accept_late', 'rating', 'rating_satisfied', 'reward_approved', 'reward_paid', 'reward_paid_fen',
] as const;
export type DepartmentMonthColumn = (typeof DEPARTMENT_MONTH_COLUMNS)[number];

/**
 * The months from..to as the rows of stat_department_months to read: whole years by their year rows,
 * the months before the first and after the last whole year by their month rows.
 */
export function monthPieces(from: string, to: string): { years: string[]; ranges: [string, string][] } {
  const years: string[] = [];
  const ranges: [string, string][] = [];
  if (from > to) return { years, ranges };
  const y1 = Number(from.slice(0, 4));
  const y2 = Number(to.slice(0, 4));
  const year = (y: number) => String(y).padStart(4, '0');
  if (y1 === y2) {
    if (from.endsWith('-01') && to.endsWith('-12')) years.push(year(y1)); else ranges.push([from, to]);
    return { years, ranges };
  }
  if (from.endsWith('-01')) years.push(year(y1)); else ranges.push([from, `${year(y1)}-12`]);
  if (y2 - y1 - 1 > 50) ranges.push([year(y1 + 1), `${year(y2 - 1)}-12`]); // an absurd span: its months, read as a range
  else for (let y = y1 + 1; y < y2; y++) years.push(year(y));
  if (to.endsWith('-12')) years.push(year(y2)); else ranges.push([`${year(y2)}-01`, to]);
  return { years, ranges };
}

/**
 * The counts per department over the months, a column each: a few hundred rows for whole years, a few
 * thousand for two years that are not, read as ranges of the (month, department) key.
 */
export async function readOverviewCounts<C extends DepartmentMonthColumn>(
  db: Kysely<Database>, months: { fromMonth: string; toMonth: string }, columns: readonly C[], department?: string,
): Promise<({ department: string } & Record<C, number>)[]> {
  const { years, ranges } = monthPieces(months.fromMonth, months.toMonth);
  if (years.length === 0 && ranges.length === 0) return [];
  let q = db.selectFrom('stat_department_months')
    .select('department')
    .select(columns.map((c) => sql<number>`sum(${sql.ref(c)})`.as(c)))
    .where((eb) => eb.or([
      ...(years.length > 0 ? [eb('month', 'in', years)] : []),
      // A range of months within a year (or an absurd span): only month rows ('YYYY-MM'), never a year's.
      ...ranges.map(([a, b]) => eb.and([eb('month', '>=', a), eb('month', '<=', b), eb(sql<number>`length(month)`, '=', 7)])),
    ]))
    .groupBy('department');
  if (department !== undefined) q = q.where('department', '=', department);
  const rows = await q.execute();
  return rows.map((r) => {
    const out: Record<string, unknown> = { department: r.department };
    for (const c of columns) out[c] = Number((r as Record<string, unknown>)[c] ?? 0);
    return out as { department: string } & Record<C, number>;
  });
}

/**
 * The counts of the metrics kept as columns of the month rows (DEPARTMENT_MONTH_COLUMNS), summed per
 * department over the months, as { metric, department, n } rows: what the public statistics read. A department and metric with nothing in the months is left out.
 */
export async function readDepartmentColumns(
  db: Kysely<Database>, months: { fromMonth: string; toMonth: string }, metrics: readonly DepartmentMonthColumn[],
): Promise<{ metric: string; department: string; n: number }[]> {
  if (metrics.length === 0) return [];
  const rows = await readOverviewCounts(db, months, metrics);
  return rows.flatMap((r) => metrics.filter((m) => r[m] !== 0).map((m) => ({ metric: m as string, department: r.department, n: r[m] })));
}

/** How many ended windows one sweep marks at most per statement, so a sweep never holds the database long. */
export const MARK_LIMIT = 200;

/**
 * Marks the clocks whose due time and the dispatches whose sign-for window have passed by `at`, once
 * each: the triggers then count the clock's outcome and the window (signed in time or not).
 */
export function markEndedWindowsQueries(db: Kysely<Database>, at: string, limit = MARK_LIMIT): CompiledQuery[] {
  return [
    db.updateTable('clocks').set({ due_counted_at: at })
      .where('id', 'in', db.selectFrom('clocks').select('id').where(sql<boolean>`due_counted_at IS NULL`).where('due_at', '<', at).limit(limit))
      .compile(),
    db.updateTable('case_assignments').set({ sign_counted_at: at })
      .where('id', 'in', db.selectFrom('case_assignments').select('id').where(sql<boolean>`sign_counted_at IS NULL`).where('sign_due_at', '<', at).limit(limit))
      .compile(),
  ];
}

/**
 * The public statistics' roll-ups of a span of months (0032), summed over the months: received and
 * ratings by month and category, received by month and city, the histogram of working days to close
 * — a few hundred rows at any size.
 */
export async function readPublicCounts(db: Kysely<Database>, query: { fromMonth: string; toMonth: string }) {
  const [categories, cities, closeDays] = await Promise.all([
    db.selectFrom('stat_category_months').select(['metric', 'month', 'category', 'n'])
      .where('month', '>=', query.fromMonth).where('month', '<=', query.toMonth).where('n', '!=', 0).execute(),
    db.selectFrom('stat_city_months').select(['metric', 'month', 'city', 'n'])
      .where('month', '>=', query.fromMonth).where('month', '<=', query.toMonth).where('n', '!=', 0).execute(),
    db.selectFrom('stat_close_days').select(['metric', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('month', '>=', query.fromMonth).where('month', '<=', query.toMonth).groupBy('metric').execute(),
  ]);
  return {
    closeDays: closeDays.map((r) => ({ metric: r.metric, n: Number(r.n) })),
    categories: categories.map((r) => ({ ...r, n: Number(r.n) })),
    cities: cities.map((r) => ({ ...r, n: Number(r.n) })),
  };
}

const CITY = sql`substr(c.region, 1, 4) || '00'`;

/** The views of 0027 listing what each case contributes (under its current department), one per source. */
const CASE_FACT_VIEWS = ['stat_received_facts', 'stat_clock_facts', 'stat_event_facts', 'stat_rating_facts', 'stat_reward_facts'] as const;

/**
 * The statements that rebuild the counters from the cases: what each case, clock, event, rating and
 * reward contributes (the views of 0027, the same expressions as the triggers), summed. The roll-ups
 * follow by the counters' own triggers.
 */
export function recountQueries(db: Kysely<Database>): CompiledQuery[] {
  return [
    sql`DELETE FROM stat_counts`.compile(db),
    sql`DELETE FROM stat_department_counts`.compile(db),
    sql`DELETE FROM stat_department_months`.compile(db),
    sql`DELETE FROM stat_category_months`.compile(db),
    sql`DELETE FROM stat_city_months`.compile(db),
    sql`DELETE FROM stat_close_days`.compile(db),
    ...CASE_FACT_VIEWS.map((view) => sql`INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
      SELECT f.metric, f.month, coalesce(c.department, ''), c.category, ${CITY}, c.kind, sum(f.n)
      FROM ${sql.table(view)} f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6`.compile(db)),
    sql`INSERT INTO stat_counts (metric, month, department, category, city, kind, n)
      SELECT f.metric, f.month, f.department, c.category, ${CITY}, c.kind, sum(f.n)
      FROM stat_assignment_facts f JOIN cases c ON c.id = f.case_id GROUP BY 1, 2, 3, 4, 5, 6`.compile(db),
    // The open cases' due days the overview sums (0039), as its triggers keep them.
    sql`DELETE FROM case_due_days`.compile(db),
    sql`INSERT INTO case_due_days (department, due_day, n)
      SELECT department, substr(next_due_at, 1, 10), count(*) FROM cases
      WHERE department IS NOT NULL AND next_due_at IS NOT NULL AND status NOT IN ('closed', 'merged')
      GROUP BY 1, 2`.compile(db),
  ];
}

export type BatchFn = (queries: CompiledQuery[]) => Promise<unknown>;

/** Rebuilds stat_counts and its roll-up from the cases in one transaction; returns the rows written. */
export async function recountStats(db: Kysely<Database>, batch: BatchFn): Promise<{ rows: number }> {
  await batch(recountQueries(db));
  const row = await db.selectFrom('stat_counts').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: Number(row.n) };
}
