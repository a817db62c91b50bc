/**
 * The statistics counters (migration 0027) equal a direct count of the cases: generated cases of random
 * kinds, categories and regions moved through random legal actions over several months through the
 * real app (closes, re-handlings, transfers, merges, ratings), the sweeper run as time passes, rewards
 * approved and paid — then every period's counters are compared with a count made here from the base
 * tables, before and after `stats recount`. And a close whose batch fails leaves its counters as they were.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { workingDaysBetween } from '../../server/clocks/calendar.js';
import { shanghaiDate, toShanghaiIso } from '../../server/clocks/clocks.js';
import { listAssignments, listClocks } from '../../server/cases/cases.repository.js';
import { dueSoonLimit } from '../../server/cases/cases.service.js';
import { effectStatements } from '../../server/cases/effects.repository.js';
import { planEffects } from '../../server/cases/effects.js';
import { findTransition } from '../../server/cases/lifecycle.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { closeWdMetric, DECISION_CLOCKS } from '../../server/stats/counters.js';
import {
  DEPARTMENT_MONTH_COLUMNS, monthPieces, readCounts, readDepartmentColumns, readPublicCounts, recountStats,
} from '../../server/stats/counters.repository.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

/** A small seeded generator (mulberry32), so a failing run can be repeated. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const CATEGORIES = { complaint: ['product.food', 'product.industrial', 'product.drug'], report: ['product.food', 'product.counterfeit', 'product.child'], injury: ['product.child', 'product.food'] } as const;
const REGIONS = ['440106', '440105', '440304', '440103'];
const DEPARTMENTS = ['samr-440106', 'samr-440105', 'samr-440304', 'samr-440100'];
const INTAKE = 'intake-440000';

type Key = string;
const keyOf = (r: { metric: string; month: string; department: string; category: string; city: string; kind: string }) =>
  [r.metric, r.month, r.department, r.category, r.city, r.kind].join('|');

/** The counts made here from the base tables, by the rules of docs/architecture.md ("Statistics counters"). */
async function directCount(app: TestApp): Promise<Map<Key, number>> {
  const db = app.deps.db;
  const calendar = await app.deps.calendar.get();
  const cases = new Map((await db.selectFrom('cases').selectAll().execute()).map((c) => [c.id, c]));
  const out = new Map<Key, number>();
  const add = (caseId: string, metric: string, at: string, n = 1, department?: string) => {
    const c = cases.get(caseId)!;
    const key = keyOf({ metric, month: at.slice(0, 7), department: department ?? c.department ?? '', category: c.category, city: `${c.region.slice(0, 4)}00`, kind: c.kind });
    out.set(key, (out.get(key) ?? 0) + n);
  };
  for (const c of cases.values()) add(c.id, 'received', c.received_at);
  const clocks = await db.selectFrom('clocks').selectAll().select('due_counted_at' as never).execute() as unknown as
    { case_id: string; clock: string; status: string; due_at: string; stopped_at: string | null; due_counted_at: string | null }[];
  for (const k of clocks) {
    const onTime = k.status === 'stopped' && k.stopped_at! <= k.due_at;
    const late = k.status === 'stopped' && k.stopped_at! > k.due_at;
    if (k.due_counted_at === null && !late) continue;
    add(k.case_id, onTime ? 'clock_on_time' : 'clock_late', k.due_at);
    if ((DECISION_CLOCKS as readonly string[]).includes(k.clock)) add(k.case_id, onTime ? 'accept_on_time' : 'accept_late', k.due_at);
  }
  const assignments = await db.selectFrom('case_assignments').selectAll().select('sign_counted_at' as never).execute() as unknown as
    { case_id: string; department: string; dispatched_at: string; sign_due_at: string; signed_at: string | null; returned_at: string | null; sign_counted_at: string | null }[];
  for (const a of assignments) {
    add(a.case_id, 'dispatched', a.dispatched_at, 1, a.department);
    if (a.returned_at) add(a.case_id, 'returned', a.dispatched_at, 1, a.department);
    if (a.sign_counted_at) {
      add(a.case_id, 'sign_due', a.dispatched_at, 1, a.department);
      if (a.signed_at && a.signed_at <= a.sign_due_at) add(a.case_id, 'signed_on_time', a.dispatched_at, 1, a.department);
    }
  }
  for (const e of await db.selectFrom('case_events').selectAll().orderBy('at').execute()) {
    const data = e.data ? JSON.parse(e.data) as Record<string, unknown> : {};
    if (typeof data.entered === 'string') add(e.case_id, `status:${data.entered}`, e.at);
    if (e.event === 'close') {
      add(e.case_id, 'closed', e.at);
      // The working days are counted here from the calendar, not read from the event.
      const c = cases.get(e.case_id)!;
      add(e.case_id, closeWdMetric(workingDaysBetween(calendar, shanghaiDate(new Date(c.received_at)), shanghaiDate(new Date(e.at)))), e.at);
    }
    if (e.event === 'rehandle') add(e.case_id, 'rehandled', e.at);
  }
  for (const s of await db.selectFrom('satisfaction').selectAll().execute()) {
    add(s.case_id, 'rating', s.at);
    if (s.rating >= 4) add(s.case_id, 'rating_satisfied', s.at);
    if (s.resolved === 1) add(s.case_id, 'rating_resolved', s.at);
    if (s.rating <= 2 || s.resolved === 0) add(s.case_id, 'rehandle_suggested', s.at);
  }
  for (const r of await db.selectFrom('rewards').selectAll().execute()) {
    if (r.notified_at) add(r.case_id, 'reward_approved', r.notified_at);
    if (r.paid_at) {
      add(r.case_id, 'reward_paid', r.paid_at);
      add(r.case_id, 'reward_paid_fen', r.paid_at, r.amount_fen ?? 0);
    }
  }
  for (const [k, n] of out) if (n === 0) out.delete(k);
  return out;
}

const inMonths = (expected: Map<Key, number>, from: string, to: string) =>
  new Map([...expected].filter(([k]) => { const month = k.split('|')[1]!; return month >= from && month <= to; }));

async function expectCountersEqual(app: TestApp, expected: Map<Key, number>, months: string[]) {
  const periods: [string, string][] = [...months.map((m) => [m, m] as [string, string]), [months[0]!, months[1]!], [months[0]!, months[months.length - 1]!]];
  for (const [from, to] of periods) {
    const rows = await readCounts(app.deps.db, { fromMonth: from, toMonth: to, metrics: { prefix: '' } });
    const got = new Map(rows.map((r) => [keyOf(r), r.n]));
    expect(Object.fromEntries([...got].sort()), `${from}..${to}`).toEqual(Object.fromEntries([...inMonths(expected, from, to)].sort()));
    // The per-department roll-up the overview reads: the same counts summed per metric and department.
    const byDepartment = new Map<string, number>();
    for (const [k, n] of inMonths(expected, from, to)) {
      const [metric, , department] = k.split('|');
      byDepartment.set(`${metric}|${department}`, (byDepartment.get(`${metric}|${department}`) ?? 0) + n);
    }
    const rolled = (await app.deps.db.selectFrom('stat_department_counts')
      .select(['metric', 'department', (eb) => eb.fn.sum<number>('n').as('n')])
      .where('month', '>=', from).where('month', '<=', to).groupBy(['metric', 'department']).execute())
      .map((r) => ({ ...r, n: Number(r.n) }));
    expect(Object.fromEntries(rolled.filter((r) => r.n !== 0).map((r) => [`${r.metric}|${r.department}`, r.n]).sort()), `roll-up ${from}..${to}`)
      .toEqual(Object.fromEntries([...byDepartment].filter(([, n]) => n !== 0).sort()));
    // The month and year rows' columns (what the public statistics and the overview read): the same sums.
    const columns = await readDepartmentColumns(app.deps.db, { fromMonth: from, toMonth: to }, DEPARTMENT_MONTH_COLUMNS);
    expect(Object.fromEntries(columns.map((r) => [`${r.metric}|${r.department}`, r.n]).sort()), `columns ${from}..${to}`)
      .toEqual(Object.fromEntries([...byDepartment]
        .filter(([k, n]) => n !== 0 && (DEPARTMENT_MONTH_COLUMNS as readonly string[]).includes(k.split('|')[0]!)).sort()));
  }
  // A prefix reads only its metrics.
  const closes = await readCounts(app.deps.db, { fromMonth: months[0]!, toMonth: months[months.length - 1]!, metrics: { prefix: 'close_wd:' } });
  expect(closes.every((r) => r.metric.startsWith('close_wd:'))).toBe(true);
}

/** Staff by role and department, signed in again when a session has run out while time passed. */
function staffPool(app: TestApp) {
  const made = new Map<string, { staff: TestStaff; auth?: Record<string, string> }>();
  return async (role: 'handler' | 'supervisor' | 'intake', department: string, fresh = false) => {
    const key = `${role}|${department}`;
    let entry = made.get(key);
    if (!entry) { entry = { staff: await createStaff(app, { role, department }) }; made.set(key, entry); }
    if (!entry.auth || fresh) entry.auth = bearer(await entry.staff.login());
    return entry.auth;
  };
}

async function generate(app: TestApp, seed: number, steps: number) {
  const r = random(seed);
  const staff = staffPool(app);
  const filed: { caseNumber: string; receipt: string }[] = [];
  const authed = async (method: string, path: string, body: unknown, role: 'handler' | 'supervisor' | 'intake', department: string) => {
    let res = await call(app.app, method, path, body, await staff(role, department));
    if (res.status === 401) res = await call(app.app, method, path, body, await staff(role, department, true));
    return res;
  };
  for (let step = 0; step < steps; step++) {
    const roll = r.next();
    if (filed.length < 4 || roll < 0.18) {
      const kind = r.pick(['complaint', 'report', 'injury'] as const);
      const over = { category: r.pick(CATEGORIES[kind]), region: r.pick(REGIONS), ...(kind === 'complaint' ? { occurredOn: shanghaiDate(app.clock.now()) } : {}) };
      const res = await call(app.app, 'POST', '/api/v1/cases', kind === 'complaint' ? complaint(over) : kind === 'report' ? report(over) : injury(over));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      filed.push({ caseNumber: res.body.caseNumber, receipt: res.body.receipt });
    } else if (roll < 0.25) {
      // A reporter rates a closed case not rated yet (a second rating would be refused).
      const unrated = new Set((await app.deps.db.selectFrom('cases').leftJoin('satisfaction', 'satisfaction.case_id', 'cases.id')
        .select('cases.case_number').where('cases.status', '=', 'closed').where('satisfaction.case_id', 'is', null).execute()).map((c) => c.case_number));
      const candidates = filed.filter((f) => unrated.has(f.caseNumber));
      if (candidates.length > 0) {
        const login = await call(app.app, 'POST', '/api/v1/followup/login', { receipt: r.pick(candidates).receipt });
        expect(login.status).toBe(200);
        const res = await call(app.app, 'POST', '/api/v1/followup/satisfaction', { rating: r.int(1, 5), resolved: r.next() < 0.6 }, bearer(login.body.token));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
      }
    } else {
      const { caseNumber } = r.pick(filed);
      const row = await app.deps.db.selectFrom('cases').select(['department']).where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
      const [role, department] = row.department && r.next() < 0.75
        ? [r.pick(['handler', 'handler', 'supervisor'] as const), row.department] as const
        : ['intake', INTAKE] as const;
      const page = await authed('GET', `/api/v1/staff/cases/${caseNumber}`, undefined, role, department);
      const allowed = (page.body?.allowedActions ?? []) as string[];
      if (page.status === 200 && allowed.length > 0) {
        const action = r.pick(allowed);
        const others = filed.filter((f) => f.caseNumber !== caseNumber);
        const input = {
          action, reason: '按规定处理', reply: '已核实处理，结果如下。', note: '备注', ground: 'not_consumption', fineFen: r.int(1, 50) * 100_000,
          department: r.pick(DEPARTMENTS), ...(others.length > 0 ? { into: r.pick(others).caseNumber } : {}),
        };
        const res = await authed('POST', `/api/v1/staff/cases/${caseNumber}/actions`, input, role, department);
        expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
      }
    }
    // Time passes: hours, sometimes days; the sweeper runs now and then, as it does on an interval.
    app.clock.set(new Date(app.clock.now().getTime() + (r.next() < 0.2 ? r.int(24, 96) : r.int(1, 12)) * 3_600_000).toISOString());
    if (r.next() < 0.3) await sweepClocks(app.deps);
    // Rewards: a requested reward approved, later paid (the reward workflow's own writes to rewards).
    if (r.next() < 0.08) {
      const at = toShanghaiIso(app.clock.now());
      const reward = await app.deps.db.selectFrom('rewards').select(['case_id', 'notified_at']).where('paid_at', 'is', null).orderBy('created_at').executeTakeFirst();
      if (reward) {
        await app.deps.batch([reward.notified_at === null
          ? app.deps.db.updateTable('rewards').set({ status: 'notified', level: 2, amount_fen: r.int(1, 200) * 1000, notified_at: at, updated_at: at }).where('case_id', '=', reward.case_id).compile()
          : app.deps.db.updateTable('rewards').set({ status: 'paid', paid_at: at, payment_ref: 'PAY-1', updated_at: at }).where('case_id', '=', reward.case_id).compile()]);
      }
    }
  }
  await sweepClocks(app.deps);
  return filed;
}

const monthsBetween = (from: string, to: string) => {
  const out: string[] = [];
  for (let [y, m] = from.split('-').map(Number) as [number, number]; `${y}-${String(m).padStart(2, '0')}` <= to; m === 12 ? (y++, m = 1) : m++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  return out;
};

describe('statistics counters', () => {
  it('reads whole years by their year rows and the months around them by month rows', () => {
    expect(monthPieces('2025-01', '2026-12')).toEqual({ years: ['2025', '2026'], ranges: [] });
    expect(monthPieces('2024-12', '2026-11')).toEqual({ years: ['2025'], ranges: [['2024-12', '2024-12'], ['2026-01', '2026-11']] });
    expect(monthPieces('2026-03', '2026-05')).toEqual({ years: [], ranges: [['2026-03', '2026-05']] });
    expect(monthPieces('2026-05', '2026-03')).toEqual({ years: [], ranges: [] });
  });

  it.each([[7, 170], [2026, 170]])('equal a direct count of generated cases for several periods, and after a recount (seed %i)', async (seed, steps) => {
    // From October into the next year: the months cross a year's end.
    t = await createTestApp({ now: '2026-10-12T09:00:00+08:00' });
    await generate(t, seed, steps);
    const months = monthsBetween('2026-10', toShanghaiIso(t.clock.now()).slice(0, 7));
    expect(months.length).toBeGreaterThanOrEqual(3);
    const expected = await directCount(t);
    // The run did what the counters count: closes, re-handlings or ratings, dispatches, windows and clocks that ended.
    const metrics = new Set([...expected.keys()].map((k) => k.split('|')[0]));
    for (const m of ['received', 'dispatched', 'sign_due', 'closed', 'clock_late', 'status:accepted', 'rating', 'reward_paid_fen']) expect(metrics, m).toContain(m);
    expect([...metrics].some((m) => m!.startsWith('close_wd:'))).toBe(true);

    // The sweeper has marked exactly the clocks whose due time has passed (a moved due date unmarked).
    const now = toShanghaiIso(t.clock.now());
    const clocks = await t.deps.db.selectFrom('clocks').select(['due_at']).select('due_counted_at' as never).execute() as unknown as { due_at: string; due_counted_at: string | null }[];
    for (const c of clocks) expect(c.due_counted_at !== null, c.due_at).toBe(c.due_at < now);

    await expectCountersEqual(t, expected, months);
    const before = await readCounts(t.deps.db, { fromMonth: '0000-00', toMonth: '9999-99', metrics: { prefix: '' } });
    // The recount rebuilds the due days too: wrong ones are set right (the overview's checks below).
    t.store.sqlite.prepare('UPDATE case_due_days SET n = n + 7').run();
    await recountStats(t.deps.db, t.deps.batch);
    await expectCountersEqual(t, expected, months);
    const after = await readCounts(t.deps.db, { fromMonth: '0000-00', toMonth: '9999-99', metrics: { prefix: '' } });
    expect(after.sort((a, b) => keyOf(a).localeCompare(keyOf(b)))).toEqual(before.sort((a, b) => keyOf(a).localeCompare(keyOf(b))));

    // The public statistics' roll-ups (0032) equal the direct count by category and by city, after the recount too.
    const { categories, cities, closeDays } = await readPublicCounts(t.deps.db, { fromMonth: '0000-00', toMonth: '9999-99' });
    const rolled = (by: 3 | 4, metrics: string[]) => {
      const out = new Map<string, number>();
      for (const [k, v] of expected) {
        const parts = k.split('|');
        if (!metrics.includes(parts[0]!) || v === 0) continue;
        const key = `${parts[0]}|${parts[1]}|${parts[by]}`;
        out.set(key, (out.get(key) ?? 0) + v);
      }
      return out;
    };
    expect(new Map(categories.map((r) => [`${r.metric}|${r.month}|${r.category}`, r.n]))).toEqual(rolled(3, ['received', 'rating', 'rating_satisfied']));
    expect(new Map(cities.map((r) => [`${r.metric}|${r.month}|${r.city}`, r.n]))).toEqual(rolled(4, ['received']));
    const histogram = new Map<string, number>();
    for (const [k, v] of expected) if (k.startsWith('close_wd:') && v !== 0) histogram.set(k.split('|')[0]!, (histogram.get(k.split('|')[0]!) ?? 0) + v);
    expect(histogram.size).toBeGreaterThan(0);
    expect(new Map(closeDays.filter((r) => r.n !== 0).map((r) => [r.metric, r.n]))).toEqual(histogram);

    // The overview answers from the same counters (its month and year rows): its rows equal the direct
    // count of the months — whole years, months across a year's end, one month.
    const centre = await createStaff(t, { role: 'intake', department: INTAKE });
    const intake = bearer(await centre.login());
    const first = months[0]!; const last = months[months.length - 1]!;
    for (const [from, to] of [[`${first.slice(0, 4)}-01`, `${last.slice(0, 4)}-12`], [first, last], [months[1]!, months[months.length - 2]!], [last, last]] as const) {
      const res = await call(t.app, 'GET', `/api/v1/staff/overview?from=${from}&to=${to}`, undefined, intake);
      expect(res.status).toBe(200);
      expect(res.body.months).toEqual({ from, to });
      const sum = (metric: string, department: string) => [...inMonths(expected, from, to)]
        .filter(([k]) => { const [m, , d] = k.split('|'); return m === metric && d === department; }).reduce((n, [, v]) => n + v, 0);
      for (const row of res.body.departments) {
        const code = row.department.code as string;
        expect(row, `${code} ${from}..${to}`).toMatchObject({
          dispatched: sum('dispatched', code), signDue: sum('sign_due', code), signedOnTime: sum('signed_on_time', code), returned: sum('returned', code),
          due: sum('clock_on_time', code) + sum('clock_late', code), onTime: sum('clock_on_time', code), closed: sum('closed', code),
          rehandled: sum('rehandled', code), rehandleSuggested: sum('rehandle_suggested', code),
        });
      }
      // Every department with a count in those months is listed.
      const listed = new Set(res.body.departments.map((d: { department: { code: string } }) => d.department.code));
      for (const [k] of inMonths(expected, from, to)) {
        const [m, , d] = k.split('|');
        if (d && ['dispatched', 'closed', 'clock_late', 'rehandle_suggested'].includes(m!)) expect(listed, `${d} ${from}..${to}`).toContain(d);
      }
    }

    // Overdue and due soon now (the due days kept by triggers, 0039): equal to counting the open cases'
    // due times, at several moments of a day and days apart.
    const end = t.clock.now().getTime();
    for (const at of [end, end + 3 * 3_600_000, end + 15 * 3_600_000, end + 4 * 86_400_000]) {
      t.clock.set(new Date(at));
      const nowIso = toShanghaiIso(t.clock.now());
      const soon = await dueSoonLimit(t.deps, t.clock.now());
      const open = t.store.sqlite.prepare(`SELECT department, next_due_at AS due FROM cases
        WHERE department IS NOT NULL AND next_due_at IS NOT NULL AND status NOT IN ('closed', 'merged')`).all() as { department: string; due: string }[];
      const res = await call(t.app, 'GET', '/api/v1/staff/overview', undefined, bearer(await centre.login()));
      expect(res.status).toBe(200);
      for (const row of res.body.departments) {
        const mine = open.filter((c) => c.department === row.department.code);
        expect({ overdue: row.overdue, dueSoon: row.dueSoon }, `${row.department.code} at ${nowIso}`).toEqual({
          overdue: mine.filter((c) => c.due < nowIso).length,
          dueSoon: mine.filter((c) => c.due >= nowIso && c.due <= soon).length,
        });
      }
      expect(res.body.departments.reduce((n: number, r: { overdue: number }) => n + r.overdue, 0)).toBe(open.filter((c) => c.due < nowIso).length);
    }
  }, 240_000);

  it('commits a close and its counters together: a close whose batch fails leaves both as they were', async () => {
    t = await createTestApp({ now: '2026-11-02T09:00:00+08:00' });
    const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
    const caseNumber = (await call(t.app, 'POST', '/api/v1/cases', complaint({ occurredOn: '2026-11-01' }))).body.caseNumber as string;
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'accept' }, handler)).status).toBe(200);
    const closed = async () => (await readCounts(t!.deps.db, { fromMonth: '2026-11', toMonth: '2026-11', metrics: ['closed', 'status:closed'] }))
      .reduce((s, r) => s + r.n, 0);
    const closeEvents = async () => (await t!.deps.db.selectFrom('case_events').select('id').where('event', '=', 'close').execute()).length;
    expect(await closed()).toBe(0);

    // What a second close read before the first one was written: the case as accepted.
    const row = await t.deps.db.selectFrom('cases').selectAll().where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
    const [clocks, assignments, calendar] = await Promise.all([listClocks(t.deps.db, row.id), listAssignments(t.deps.db, row.id), t.deps.calendar.get()]);
    const transition = findTransition('close', { kind: row.kind, status: row.status, department: row.department, cohandlers: [] })!;
    const actor = { username: 'handler.x', role: 'handler' as const, department: row.department };
    const stale = planEffects(transition, { actor, row, clocks, assignments, cohandlers: [], escalationDepartment: INTAKE, reporterEmail: false },
      { action: 'close', reply: '已退款。' }, t.clock.now(), calendar);

    // The first close is written with its counters in one batch.
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'close', reply: '商家已退款。' }, handler)).status).toBe(200);
    expect(await closed()).toBe(2);
    expect(await closeEvents()).toBe(1);

    // The stale close runs its event (whose trigger adds to the counters) before the case row's guarded
    // update, which finds the case no longer accepted: the whole batch rolls back, the counters with it.
    await expect(t.deps.batch(effectStatements(t.deps.db, stale.effects))).rejects.toThrow(/stale_write/);
    expect(await closed()).toBe(2);
    expect(await closeEvents()).toBe(1);
    const recounted = await readCounts(t.deps.db, { fromMonth: '2026-11', toMonth: '2026-11', metrics: { prefix: '' } });
    await recountStats(t.deps.db, t.deps.batch);
    expect(await readCounts(t.deps.db, { fromMonth: '2026-11', toMonth: '2026-11', metrics: { prefix: '' } })).toEqual(expect.arrayContaining(recounted));
  });
});
