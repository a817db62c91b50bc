/**
 * Per-department overview with the hotline KPIs (GLOSSARY): timely sign-for rate, on-time completion
 * rate, return rate, re-handling rate — counted for a period — and the overdue / due-soon cases now.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { departmentNames, dueSoonLimit } from './cases.service.js';

export interface Period {
  from: string;
  to: string;
}

type Counts = Record<string, number>;

const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

function toMap(rows: { department: string | null; n: number | bigint | string }[]): Counts {
  const out: Counts = {};
  for (const r of rows) if (r.department) out[r.department] = Number(r.n);
  return out;
}

async function periodCounts(db: Kysely<Database>, start: string, end: string, now: string) {
  const assignments = db.selectFrom('case_assignments').select('department')
    .where('dispatched_at', '>=', start).where('dispatched_at', '<=', end).groupBy('department');
  const dispatched = await assignments.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const signedOnTime = await assignments.select((eb) => eb.fn.countAll<number>().as('n'))
    .where('signed_at', 'is not', null).whereRef('signed_at', '<=', 'sign_due_at').execute();
  const returned = await assignments.select((eb) => eb.fn.countAll<number>().as('n')).where('returned_at', 'is not', null).execute();
  // A clock is "due" in the period once its due time has passed or it was stopped.
  const clocks = db.selectFrom('clocks').innerJoin('cases', 'cases.id', 'clocks.case_id')
    .select('cases.department as department')
    .where('clocks.due_at', '>=', start).where('clocks.due_at', '<=', end)
    .where((eb) => eb.or([eb('clocks.status', '=', 'stopped'), eb('clocks.due_at', '<', now)]))
    .groupBy('cases.department');
  const due = await clocks.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const onTime = await clocks.select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clocks.status', '=', 'stopped').where(sql<boolean>`clocks.stopped_at <= clocks.due_at`).execute();
  const events = (event: string) => db.selectFrom('case_events').innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select(['cases.department as department', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_events.event', '=', event).where('case_events.at', '>=', start).where('case_events.at', '<=', end)
    .groupBy('cases.department').execute();
  const [closed, rehandled] = await Promise.all([events('close'), events('rehandle')]);
  return {
    dispatched: toMap(dispatched), signedOnTime: toMap(signedOnTime), returned: toMap(returned),
    due: toMap(due), onTime: toMap(onTime), closed: toMap(closed), rehandled: toMap(rehandled),
  };
}

async function currentCounts(db: Kysely<Database>, now: string, soon: string) {
  const open = db.selectFrom('cases').select(['department', (eb) => eb.fn.countAll<number>().as('n')])
    .where('department', 'is not', null).groupBy('department');
  const [overdue, dueSoon] = await Promise.all([
    open.where('next_due_at', '<', now).execute(),
    open.where('next_due_at', '>=', now).where('next_due_at', '<=', soon).execute(),
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
  const [p, c, names] = await Promise.all([
    periodCounts(deps.db, start, end, nowIso),
    currentCounts(deps.db, nowIso, await dueSoonLimit(deps, now)),
    departmentNames(deps),
  ]);
  const active = new Set([...Object.values(p), ...Object.values(c)].flatMap((m) => Object.keys(m)));
  const codes = actor.role === 'intake' ? [...active].sort() : actor.department ? [actor.department] : [];
  const n = (m: Counts, code: string) => m[code] ?? 0;
  return {
    period,
    departments: codes.map((code) => ({
      department: { code, name: names.get(code) ?? { zh: code, en: code } },
      dispatched: n(p.dispatched, code), signedOnTime: n(p.signedOnTime, code), returned: n(p.returned, code),
      due: n(p.due, code), onTime: n(p.onTime, code), closed: n(p.closed, code), rehandled: n(p.rehandled, code),
      overdue: n(c.overdue, code), dueSoon: n(c.dueSoon, code),
      kpi: {
        signRate: rate(n(p.signedOnTime, code), n(p.dispatched, code)),
        onTimeRate: rate(n(p.onTime, code), n(p.due, code)),
        returnRate: rate(n(p.returned, code), n(p.dispatched, code)),
        rehandleRate: rate(n(p.rehandled, code), n(p.closed, code)),
      },
    })),
  };
}
