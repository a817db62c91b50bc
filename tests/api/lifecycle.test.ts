import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
let supervisor: Record<string, string>;
let intake: Record<string, string>;
let staff: TestStaff[];

/** Sessions expire when the test clock jumps: sign everyone in again at the new time. */
async function setClock(at: string) {
  t.clock.set(at);
  const [h, s, i] = await Promise.all(staff.map(async (member) => bearer(await member.login())));
  [handler, supervisor, intake] = [h!, s!, i!];
}

beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  staff = await Promise.all([
    createStaff(t, { role: 'handler' }), createStaff(t, { role: 'supervisor' }), createStaff(t, { role: 'intake', department: 'intake-440000' }),
  ]);
  await setClock('2026-11-02T10:00:00+08:00');
});
afterEach(async () => {
  // Whatever the test did to its cases, the counts the queue reads (kept by triggers) still agree.
  const counted = t.store.sqlite.prepare("SELECT coalesce(department, '') AS department, status, count(*) AS n FROM cases GROUP BY 1, 2 ORDER BY 1, 2").all();
  const kept = t.store.sqlite.prepare('SELECT department, status, n FROM case_counts WHERE n != 0 ORDER BY 1, 2').all();
  expect(kept).toEqual(counted);
  await t.close();
});

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
const act = (n: string, headers: Record<string, string>, body: Record<string, unknown>) =>
  call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, headers);
const view = async (n: string, headers = handler) => (await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, headers)).body;
const clock = (c: any, name: string) => c.due.find((d: any) => d.clock === name);

describe('complaint lifecycle', () => {
  it('goes receive → accept → mediate → mediation_failed → close with events and clocks', async () => {
    const n = await submit(complaint());
    let c = await view(n);
    expect(c.status).toBe('received');
    expect(c.allowedActions).toEqual(expect.arrayContaining(['sign', 'accept', 'not_accept', 'request_transfer']));
    expect(clock(c, 'accept_decision').status).toBe('running');

    await setClock('2026-11-04T09:00:00+08:00');
    let res = await act(n, handler, { action: 'accept' });
    expect(res.status).toBe(200);
    c = res.body;
    expect(c.status).toBe('accepted');
    expect(clock(c, 'accept_decision')).toMatchObject({ status: 'stopped', late: false });
    // 45 working days from acceptance on 2026-11-04 (Wed): 18 in November, 23 in December, then
    // 元旦 2027-01-01 is skipped (computed, so provisional) and the 45th is 2027-01-07.
    expect(clock(c, 'mediation')).toMatchObject({ status: 'running', dueAt: '2027-01-07T23:59:59.999+08:00', provisional: true });

    c = (await act(n, handler, { action: 'start_mediation' })).body;
    expect(c.status).toBe('mediating');
    c = (await act(n, handler, { action: 'mediation_failed', reason: '商家拒绝调解' })).body;
    expect(c.status).toBe('mediation_failed');
    expect(clock(c, 'mediation').status).toBe('stopped');

    res = await act(n, handler, { action: 'close' });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe('reply');
    c = (await act(n, handler, { action: 'close', reply: '调解不成，建议通过诉讼解决。' })).body;
    expect(c.status).toBe('closed');
    expect(c.closedAt).toBe('2026-11-04T09:00:00.000+08:00');
    expect(c.due.every((d: any) => d.status === 'stopped')).toBe(true);
    expect(c.messages.at(-1)).toMatchObject({ from: 'department', body: '调解不成，建议通过诉讼解决。' });
    expect(c.timeline.map((e: any) => e.event)).toEqual(['received', 'routed', 'accept', 'start_mediation', 'mediation_failed', 'close']);
    expect(c.allowedActions).toEqual([]);
  });

  it('answers 409 for an illegal jump and names the allowed actions', async () => {
    const n = await submit(complaint());
    const res = await act(n, handler, { action: 'mediated', reason: 'x' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.message).toContain('accept');
  });

  it('refuses not_accept without a statutory ground', async () => {
    const n = await submit(complaint());
    const res = await act(n, handler, { action: 'not_accept', reason: 'x', ground: 'bored' });
    expect(res.status).toBe(400);
    const ok = await act(n, handler, { action: 'not_accept', reason: '超过三年', ground: 'over_three_years' });
    expect(ok.body.status).toBe('not_accepted');
  });
});

describe('report lifecycle', () => {
  it('goes receive → verify → open_case → decide_penalty → close', async () => {
    const n = await submit(report({ reporter: { anonymous: false, name: '李四', phone: '13900139000' } }));
    let c = (await act(n, handler, { action: 'start_verification' })).body;
    expect(c.status).toBe('verifying');
    expect(clock(c, 'open_decision').status).toBe('running');
    c = (await act(n, handler, { action: 'open_case' })).body;
    expect(c.status).toBe('case_opened');
    expect(clock(c, 'open_decision').status).toBe('stopped');
    // A real-name reporter is told within 5 working days of the decision.
    expect(clock(c, 'reporter_notice')).toMatchObject({ status: 'running', dueAt: '2026-11-09T23:59:59.999+08:00' });
    const bad = await act(n, handler, { action: 'decide_penalty', fineFen: -5 });
    expect(bad.status).toBe(400);
    c = (await act(n, handler, { action: 'decide_penalty', fineFen: 12_000_000 })).body;
    expect(c).toMatchObject({ status: 'penalty_decided', fineFen: 12_000_000 });
    const byHandler = await act(n, handler, { action: 'close', reply: '已立案查处。' });
    expect(byHandler.status).toBe(403);
    c = (await act(n, supervisor, { action: 'close', reply: '已立案查处，罚没款十二万元。' })).body;
    expect(c.status).toBe('closed');
    expect(c.timeline.map((e: any) => e.event)).toEqual(['received', 'routed', 'start_verification', 'open_case', 'decide_penalty', 'close']);
  });

  it('starts no reporter-notice clock for an anonymous reporter', async () => {
    const n = await submit(report());
    await act(n, handler, { action: 'start_verification' });
    const c = (await act(n, handler, { action: 'not_open', reason: '线索不足' })).body;
    expect(c.status).toBe('not_opened');
    expect(clock(c, 'reporter_notice')).toBeUndefined();
  });

  it('extends the open-case decision by 15 working days once, by a supervisor', async () => {
    const n = await submit(report());
    expect((await act(n, handler, { action: 'extend', reason: '需检验' })).status).toBe(403);
    const before = clock(await view(n), 'open_decision').dueAt;
    expect(before).toBe('2026-11-23T23:59:59.999+08:00');
    const c = (await act(n, supervisor, { action: 'extend', reason: '需检验' })).body;
    expect(clock(c, 'open_decision')).toMatchObject({ dueAt: '2026-12-14T23:59:59.999+08:00', extended: true });
    expect((await act(n, supervisor, { action: 'extend', reason: 'again' })).status).toBe(409);
  });
});

describe('injury lifecycle', () => {
  it('goes receive → triage → investigate → close', async () => {
    const n = await submit(injury({ region: '440106', severity: 'minor' }));
    let c = (await act(n, handler, { action: 'triage' })).body;
    expect(c.status).toBe('triaged');
    c = (await act(n, handler, { action: 'start_investigation' })).body;
    c = (await act(n, handler, { action: 'close', reply: '已调查，产品召回。' })).body;
    expect(c.status).toBe('closed');
  });
});

describe('pause and resume (挂起)', () => {
  it('moves the due date by the paused working days', async () => {
    const n = await submit(complaint());
    const before = clock(await view(n), 'accept_decision').dueAt;
    expect(before).toBe('2026-11-11T23:59:59.999+08:00');
    await act(n, handler, { action: 'pause', reason: '送检' });
    let c = await view(n);
    expect(clock(c, 'accept_decision').status).toBe('paused');
    await setClock('2026-11-05T15:00:00+08:00'); // Monday → Thursday: 3 working days
    c = (await act(n, handler, { action: 'resume' })).body;
    expect(clock(c, 'accept_decision')).toMatchObject({ status: 'running', pausedWorkingDays: 3, dueAt: '2026-11-16T23:59:59.999+08:00' });
  });

  it('lets an unsigned case go overdue on time', async () => {
    const n = await submit(complaint());
    await setClock('2026-11-12T00:00:01+08:00');
    const c = await view(n);
    expect(c.assignments[0].signedAt).toBeNull();
    expect(c.overdue).toBe(true);
    const queue = (await call(t.app, 'GET', '/api/v1/staff/cases?overdue=true', undefined, handler)).body;
    expect(queue.items.map((i: any) => i.caseNumber)).toEqual([n]);
  });
});

describe('transfers and merging', () => {
  it('escalates a case returned three times', async () => {
    const n = await submit(complaint());
    for (let i = 1; i <= 3; i++) {
      const res = await act(n, handler, { action: 'request_transfer', reason: `不属本局管辖 ${i}` });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('transfer_requested');
      const back = await act(n, intake, { action: 'assign', department: 'samr-440106' });
      expect(back.body.status).toBe('received');
      expect(back.body.flags.escalated).toBe(i >= 3);
    }
    const c = await view(n, intake);
    expect(c.timeline.filter((e: any) => e.event === 'escalated')).toHaveLength(1);
    const mail = await t.deps.db.selectFrom('outbox').selectAll().where('template', '=', 'escalation').execute();
    expect(mail).toHaveLength(1);
    expect(mail[0]!.recipient_ref).toBe('intake-440000');
  });

  it('merges a duplicate and shows it on both timelines', async () => {
    const first = await submit(complaint());
    const second = await submit(complaint());
    const dup = await view(second);
    expect(dup.duplicates.map((d: any) => d.caseNumber)).toContain(first);
    const c = (await act(second, handler, { action: 'merge', into: first })).body;
    expect(c.status).toBe('merged');
    expect(c.timeline.at(-1)).toMatchObject({ event: 'merge' });
    const target = await view(first);
    expect(target.timeline.at(-1)).toMatchObject({ event: 'merged_from', note: second });
  });

  it('lists likely duplicates received within 90 days before or after the case, not beyond', async () => {
    t.clock.set('2026-01-10T10:00:00+08:00');
    const early = await submit(complaint());
    t.clock.set('2026-04-20T10:00:00+08:00'); // 100 days later
    const middle = await submit(complaint());
    t.clock.set('2026-06-30T10:00:00+08:00'); // 71 days after the middle one
    const late = await submit(complaint());
    const numbers = async (n: string) => (await view(n)).duplicates.map((d: any) => d.caseNumber);
    expect(await numbers(middle)).toEqual([late]);
    expect(await numbers(early)).toEqual([]);
    expect(await numbers(late)).toEqual([middle]);
  });

  it('lists likely duplicates among the cases a department co-handles, and among its own when it co-handles none', async () => {
    // Serious injuries are co-handled by the provincial SAMR; region 440304 leads them in Shenzhen.
    const first = await submit(injury());
    const second = await submit(injury());
    const province = bearer(await (await createStaff(t, { role: 'handler', department: 'samr-440000' })).login());
    expect((await view(second, province)).duplicates.map((d: any) => d.caseNumber)).toEqual([first]);
    const lead = (await view(first, intake)).department.code as string;
    const leadHandler = bearer(await (await createStaff(t, { role: 'handler', department: lead })).login());
    expect((await view(second, leadHandler)).duplicates.map((d: any) => d.caseNumber)).toEqual([first]);
  });

  it('re-handles a closed case once, on the intake centre', async () => {
    const n = await submit(complaint());
    await act(n, handler, { action: 'accept' });
    await act(n, handler, { action: 'close', reply: '已协商退款。' });
    expect((await act(n, handler, { action: 'rehandle', reason: '不满意' })).status).toBe(403);
    const c = (await act(n, intake, { action: 'rehandle', reason: '投诉人不满意' })).body;
    expect(c.status).toBe('accepted');
    await act(n, handler, { action: 'close', reply: '再次处理完毕。' });
    expect((await act(n, intake, { action: 'rehandle', reason: 'again' })).status).toBe(409);
  });
});

describe('case numbers', () => {
  it('opens and acts on a case numbered past the 99,999th of its day (six-digit sequence)', async () => {
    t.store.sqlite.prepare("INSERT INTO case_sequences (day, last) VALUES ('20261102', 99999) ON CONFLICT (day) DO UPDATE SET last = 99999").run();
    const n = await submit(complaint());
    expect(n).toMatch(/^[A-Z]+20261102100000$/);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, handler)).status).toBe(200);
    expect((await act(n, handler, { action: 'accept' })).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases?q=${n}`, undefined, intake)).body.items.map((i: any) => i.caseNumber)).toEqual([n]);
  });
});
