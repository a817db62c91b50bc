/**
 * Per-department overview with the hotline KPIs (docs/lifecycle.md): timely sign-for rate, on-time completion
 * rate, return rate, re-handling rate — counted for a period, over the windows that have ended — and the
 * overdue / due-soon cases now, with a totals row.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { rehandleSuggestionCounts } from '../satisfaction/rehandle.service.js';
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
  for (const r of rows) if (r.department) out[r.department] = Number(r[key]);
  return out;
}

/**
 * Counts per department for the period, read so that a month at a million cases does not hold the
 * event loop for long: assignments and events are each read once with their counts summed together;
 * clocks as two ranges of the (status, due_at) index.
 */
async function periodCounts(db: Kysely<Database>, start: string, end: string, now: string, only: string | null) {
  const assignments = await db.selectFrom('case_assignments')
    .select(['department', (eb) => eb.fn.countAll<number>().as('dispatched')])
    // A sign-for window counts once it has ended: a dispatch still inside it is neither on time nor late.
    .select(sql<number>`sum(sign_due_at < ${now})`.as('signDue'))
    .select(sql<number>`sum(sign_due_at < ${now} AND signed_at IS NOT NULL AND signed_at <= sign_due_at)`.as('signedOnTime'))
    .select(sql<number>`sum(returned_at IS NOT NULL)`.as('returned'))
    .where('dispatched_at', '>=', start).where('dispatched_at', '<=', end).groupBy('department')
    .$if(only !== null, (q) => q.where('department', '=', only!)).execute();
  // A clock is "due" in the period once its due time has passed, like a sign-for window: a clock
  // stopped early but not yet due counts when its due time comes. Stopped, and running or paused,
  // each a range of the (status, due_at) index.
  const clocks = () => db.selectFrom('clocks').innerJoin('cases', 'cases.id', 'clocks.case_id')
    .select(['cases.department as department', (eb) => eb.fn.countAll<number>().as('due')])
    .where('clocks.due_at', '>=', start).where('clocks.due_at', '<=', end).where('clocks.due_at', '<', now).groupBy('cases.department')
    .$if(only !== null, (q) => q.where('cases.department', '=', only!));
  const stopped = await clocks().where('clocks.status', '=', 'stopped')
    .select(sql<number>`sum(clocks.stopped_at <= clocks.due_at)`.as('onTime')).execute();
  const pastDue = await clocks().where('clocks.status', 'in', ['running', 'paused']).execute();
  const events = await db.selectFrom('case_events').innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select(['case_events.event as event', 'cases.department as department', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_events.event', 'in', ['close', 'rehandle']).where('case_events.at', '>=', start).where('case_events.at', '<=', end)
    .groupBy(['case_events.event', 'cases.department'])
    .$if(only !== null, (q) => q.where('cases.department', '=', only!)).execute();
  const due = toMap(stopped, 'due');
  for (const [department, count] of Object.entries(toMap(pastDue, 'due'))) due[department] = (due[department] ?? 0) + count;
  return {
    dispatched: toMap(assignments, 'dispatched'), signDue: toMap(assignments, 'signDue'), signedOnTime: toMap(assignments, 'signedOnTime'), returned: toMap(assignments, 'returned'),
    due, onTime: toMap(stopped, 'onTime'),
    closed: toMap(events.filter((e) => e.event === 'close')), rehandled: toMap(events.filter((e) => e.event === 'rehandle')),
  };
}

async function currentCounts(db: Kysely<Database>, now: string, soon: string, only: string | null) {
  // The queue key (cases.repository.ts), indexed with the department: closed and merged cases sort last.
  const dueKey = sql<string>`(CASE WHEN status IN ('closed', 'merged') THEN '~~' ELSE coalesce(next_due_at, '~') END)`;
  const open = db.selectFrom('cases').select(['department', (eb) => eb.fn.countAll<number>().as('n')])
    .where('department', 'is not', null).groupBy('department')
    .$if(only !== null, (q) => q.where('department', '=', only!));
  const [overdue, dueSoon] = await Promise.all([
    open.where(dueKey, '<', now).execute(),
    open.where(dueKey, '>=', now).where(dueKey, '<=', soon).execute(),
  ]);
  return { overdue: toMap(overdue), dueSoon: toMap(dueSoon) };
}

/** The overview for the actor: the intake centre sees every department, a supervisor their own. */
export async function departmentOverview(deps: Deps, actor: Actor, period: Period) {
  if (actor.role !== 'intake' && actor.role !== 'supervisor') {
    throw new AppError('forbidden', 'The overview is for supervisors and the intake centre.');
  }
  if (period.from > period.to) {
    throw new AppError('validation_failed', 'The period ends before it starts.', [{ path: 'to', message: 'on or after from' }]);
  }
  const start = `${period.from}T00:00:00.000+08:00`;
  const end = `${period.to}T23:59:59.999+08:00`;
  const now = deps.clock.now();
  const nowIso = toShanghaiIso(now);
  // A supervisor sees their own department: only its rows are counted.
  const only = actor.role === 'intake' ? null : actor.department ?? '';
  const [p, c, names, suggested] = await Promise.all([
    periodCounts(deps.db, start, end, nowIso, only),
    currentCounts(deps.db, nowIso, await dueSoonLimit(deps, now), only),
    departmentNames(deps),
    // Ratings of 1–2 or "not resolved" given in the period (server/satisfaction/).
    rehandleSuggestionCounts(deps, start, end),
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
      rehandleSuggested: suggested.get(code) ?? 0,
    }),
  }));
  return { period, departments, totals: withRates(sumCounts(departments)) };
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
