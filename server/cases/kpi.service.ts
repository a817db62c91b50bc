/**
 * Per-department overview with the hotline KPIs (docs/lifecycle.md): timely sign-for rate, on-time completion
 * rate, return rate, re-handling rate — counted for the months of a period, over the windows that have
 * ended, from the statistics counters (docs/architecture.md) — and the overdue / due-soon cases now,
 * with a totals row.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addCalendarDays } from '../clocks/calendar.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { OVERVIEW_COLUMNS, readOverviewCounts, type OverviewColumn } from '../stats/counters.repository.js';
import { departmentNames, dueSoonLimit } from './cases.service.js';

export interface Period {
  from: string;
  to: string;
}

type Counts = Record<string, number>;

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/** One count of each row, by department (rows without a department left out). */
function toMap<R extends { department: string | null }>(rows: R[], key: keyof R = 'n' as keyof R): Counts {
  const out: Counts = {};
  for (const r of rows) if (r.department && Number(r[key]) !== 0) out[r.department] = Number(r[key]);
  return out;
}

/**
 * Counts per department for the months of the period, read from the statistics counters (migration
 * 0027, kept in the same batch as each change): one row per department and month, whatever the number
 * of cases. A window counts once it has ended: the sweeper marks it then (server/stats/counters.service.ts).
 */
async function periodCounts(db: Kysely<Database>, months: { from: string; to: string }, only: string | null) {
  const rows = await readOverviewCounts(db, { fromMonth: months.from, toMonth: months.to }, OVERVIEW_COLUMNS, only ?? undefined);
  const of = (column: OverviewColumn): Counts => {
    const out: Counts = {};
    for (const r of rows) if (r.department && r[column] !== 0) out[r.department] = r[column];
    return out;
  };
  const due: Counts = {};
  for (const r of rows) if (r.department && r.clock_on_time + r.clock_late !== 0) due[r.department] = r.clock_on_time + r.clock_late;
  return {
    dispatched: of('dispatched'), signDue: of('sign_due'), signedOnTime: of('signed_on_time'), returned: of('returned'),
    due, onTime: of('clock_on_time'), closed: of('closed'), rehandled: of('rehandled'), rehandleSuggested: of('rehandle_suggested'),
  };
}

/**
 * The cases overdue and due soon now, per department: the open cases' due days (case_due_days, kept
 * by triggers: migration 0039) summed, and from the queue index (department, queue key) only what
 * splits a day: today's cases due before now (overdue, not due soon) and, should `soon` not end its
 * day, that day's cases due after it. Counting every index entry in the two ranges read 130,000 of
 * them at a million cases (7 ms an overview, about 100 ms with the pages out of the cache).
 */
async function currentCounts(db: Kysely<Database>, now: string, soon: string, only: string | null) {
  // The queue key (cases.repository.ts), written as the index 0022 has it: closed and merged cases sort last.
  const dueKey = sql<string>`(CASE WHEN c.status IN ('closed', 'merged') THEN '~~' ELSE coalesce(c.next_due_at, '~') END)`;
  const departments = only !== null
    ? sql`(SELECT ${only} AS code)`
    : sql`(SELECT code FROM departments)`;
  const today = now.slice(0, 10);
  const soonDay = soon.slice(0, 10);
  const { rows } = await sql<{ department: string; days_before: number; today_before_now: number; days_to_soon: number; after_soon: number }>`
    SELECT d.code AS department,
      (SELECT coalesce(sum(x.n), 0) FROM case_due_days x WHERE x.department = d.code AND x.due_day < ${today}) AS days_before,
      (SELECT count(*) FROM cases c WHERE c.department = d.code AND ${dueKey} >= ${today} AND ${dueKey} < ${now}) AS today_before_now,
      (SELECT coalesce(sum(x.n), 0) FROM case_due_days x WHERE x.department = d.code AND x.due_day >= ${today} AND x.due_day <= ${soonDay}) AS days_to_soon,
      (SELECT count(*) FROM cases c WHERE c.department = d.code AND ${dueKey} > ${soon} AND ${dueKey} < ${addCalendarDays(soonDay, 1)}) AS after_soon
    FROM ${departments} d`.execute(db);
  const counted = rows.map((r) => ({
    department: r.department,
    overdue: Number(r.days_before) + Number(r.today_before_now),
    // Today's cases due before now are overdue; the due-soon range starts at now (soon is at or after it).
    dueSoon: soon < now ? 0 : Number(r.days_to_soon) - Number(r.today_before_now) - Number(r.after_soon),
  }));
  return { overdue: toMap(counted, 'overdue'), dueSoon: toMap(counted, 'dueSoon') };
}

/** The months a period of days covers: the counters are kept per month. */
export function periodMonths(period: Period): { from: string; to: string } {
  return { from: period.from.slice(0, 7), to: period.to.slice(0, 7) };
}

/**
 * The overview for the actor: the intake centre sees every department, a supervisor their own. The
 * KPIs count the whole months the period touches (`months`); overdue and due soon are counted now.
 */
export async function departmentOverview(deps: Deps, actor: Actor, period: Period) {
  if (actor.role !== 'intake' && actor.role !== 'supervisor') {
    throw new AppError('forbidden', 'The overview is for supervisors and the intake centre.');
  }
  if (period.from > period.to) {
    throw new AppError('validation_failed', 'The period ends before it starts.', [{ path: 'to', message: 'on or after from' }]);
  }
  const months = periodMonths(period);
  const now = deps.clock.now();
  const nowIso = toShanghaiIso(now);
  // A supervisor sees their own department: only its rows are counted.
  const only = actor.role === 'intake' ? null : actor.department ?? '';
  const [p, c, names] = await Promise.all([
    periodCounts(deps.db, months, only),
    currentCounts(deps.db, nowIso, await dueSoonLimit(deps, now), only),
    departmentNames(deps),
  ]);
  const active = new Set([...Object.values(p), ...Object.values(c)].flatMap((m) => Object.keys(m)));
  const codes = actor.role === 'intake' ? [...active].sort() : actor.department ? [actor.department] : [];
  const n = (m: Counts, code: string) => m[code] ?? 0;
  const departments = codes.map((code) => ({
    department: { code, name: names.get(code) ?? { zh: code, en: code } },
    ...withRates({
      dispatched: n(p.dispatched, code), signDue: n(p.signDue, code), signedOnTime: n(p.signedOnTime, code),
      returned: n(p.returned, code), due: n(p.due, code), onTime: n(p.onTime, code), closed: n(p.closed, code),
      rehandled: n(p.rehandled, code), overdue: n(c.overdue, code), dueSoon: n(c.dueSoon, code),
      // Ratings of 1–2 or "not resolved" given in the months (server/satisfaction/).
      rehandleSuggested: n(p.rehandleSuggested, code),
    }),
  }));
  return { period, months, departments, totals: withRates(sumCounts(departments)) };
}

type RowCounts = {
  dispatched: number; signDue: number; signedOnTime: number; returned: number; due: number; onTime: number;
  closed: number; rehandled: number; overdue: number; dueSoon: number;
  /** Re-handling suggestions: ratings of 1–2 or "not resolved" given in the period. */
  rehandleSuggested: number;
};

/** The rates of a row: sign-for over the windows that ended, on time over the clocks that fell due. */
function withRates(r: RowCounts) {
  return {
    ...r,
    kpi: {
      signRate: rate(r.signedOnTime, r.signDue),
      onTimeRate: rate(r.onTime, r.due),
      returnRate: rate(r.returned, r.dispatched),
      rehandleRate: rate(r.rehandled, r.closed),
    },
  };
}

/** Every department's counts added up: the totals row, whose rates are taken from the sums. */
function sumCounts(rows: RowCounts[]): RowCounts {
  const total: RowCounts = {
    dispatched: 0, signDue: 0, signedOnTime: 0, returned: 0, due: 0, onTime: 0, closed: 0, rehandled: 0, overdue: 0, dueSoon: 0, rehandleSuggested: 0,
  };
  for (const row of rows) for (const key of Object.keys(total) as (keyof RowCounts)[]) total[key] += row[key];
  return total;
}
