import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let staff: { handler: TestStaff; supervisor: TestStaff; intake: TestStaff; guangzhou: TestStaff };
let as: Record<keyof typeof staff, Record<string, string>>;

async function at(time: string) {
  t.clock.set(time);
  const entries = await Promise.all(Object.entries(staff).map(async ([k, s]) => [k, bearer(await s.login())] as const));
  as = Object.fromEntries(entries) as typeof as;
}

beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-02T09:00:00+08:00' });
  staff = {
    handler: await createStaff(t, { role: 'handler' }),
    supervisor: await createStaff(t, { role: 'supervisor' }),
    intake: await createStaff(t, { role: 'intake', department: 'intake-440000' }),
    guangzhou: await createStaff(t, { role: 'handler', department: 'samr-440100' }),
  };
  await at('2026-11-02T09:00:00+08:00');
});
afterEach(async () => { await t.close(); });

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
const act = async (n: string, who: Record<string, string>, body: Record<string, unknown>) => {
  const res = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('department overview and hotline KPIs', () => {
  it('equals the counts of what was done', async () => {
    // Five cases dispatched to 天河区 SAMR on Monday 2026-11-02; sign-for window: end of Tuesday.
    const cases = [];
    for (let i = 0; i < 4; i++) cases.push(await submit(complaint()));
    cases.push(await submit(report()));
    const [a, b, c, d, r] = cases as [string, string, string, string, string];
    await act(a, as.handler, { action: 'sign' });
    await act(b, as.handler, { action: 'sign' });
    await at('2026-11-04T10:00:00+08:00'); // Wednesday: late for the window
    await act(c, as.handler, { action: 'sign' });
    await act(d, as.handler, { action: 'request_transfer', reason: '不属本局' });
    await act(d, as.intake, { action: 'assign', department: 'samr-440100' });
    await act(a, as.handler, { action: 'accept' });
    await act(a, as.handler, { action: 'close', reply: '已退款' });
    await act(b, as.handler, { action: 'accept' });
    await act(b, as.handler, { action: 'close', reply: '已退款' });
    await act(b, as.intake, { action: 'rehandle', reason: '不满意' });
    await act(c, as.handler, { action: 'not_accept', ground: 'not_consumption', reason: '非生活消费' });
    // The report's clock and c's are left running; on 2026-11-12 a's/b's/c's accept clocks are past due.
    await at('2026-11-12T10:00:00+08:00');
    // The sweeper counts the windows and clocks whose end has passed (the counters, docs/architecture.md).
    await sweepClocks(t.deps);

    const res = await call(t.app, 'GET', '/api/v1/staff/overview?from=2026-11-01&to=2026-11-30', undefined, as.supervisor);
    expect(res.status).toBe(200);
    expect(res.body.departments).toHaveLength(1);
    const tianhe = res.body.departments[0];
    expect(tianhe.department.code).toBe('samr-440106');
    // dispatched 5; signed within the window a, b; returned d; closed a, b; re-handled b.
    expect(tianhe).toMatchObject({ dispatched: 5, signedOnTime: 2, returned: 1, closed: 2, rehandled: 1 });
    // Accept clocks of a, b, c stopped on 11-04 before their 11-11 due time; the report's open-case clock
    // (due 11-23) is not due yet; d's clock now belongs to 广州市 SAMR.
    expect(tianhe).toMatchObject({ due: 3, onTime: 3 });
    expect(tianhe.kpi).toEqual({ signRate: 0.4, onTimeRate: 1, returnRate: 0.2, rehandleRate: 0.5 });

    const all = await call(t.app, 'GET', '/api/v1/staff/overview?from=2026-11-01&to=2026-11-30', undefined, as.intake);
    const guangzhou = all.body.departments.find((x: any) => x.department.code === 'samr-440100');
    // d was dispatched to 广州市 on 11-04 and is unsigned; its accept clock ran out on 11-11.
    expect(guangzhou).toMatchObject({ dispatched: 1, signedOnTime: 0, overdue: 1, due: 1, onTime: 0 });
  });

  it('refuses handlers and a period that ends before it starts', async () => {
    expect((await call(t.app, 'GET', '/api/v1/staff/overview', undefined, as.handler)).status).toBe(403);
    const bad = await call(t.app, 'GET', '/api/v1/staff/overview?from=2026-11-30&to=2026-11-01', undefined, as.supervisor);
    expect(bad.status).toBe(400);
    expect((await call(t.app, 'GET', '/api/v1/staff/overview?from=yesterday', undefined, as.supervisor)).status).toBe(400);
  });

  it('counts whole months: months or days, whose months are counted', async () => {
    const months = await call(t.app, 'GET', '/api/v1/staff/overview?from=2026-10&to=2026-11', undefined, as.supervisor);
    expect(months.status).toBe(200);
    expect(months.body).toMatchObject({ period: { from: '2026-10-01', to: '2026-11-30' }, months: { from: '2026-10', to: '2026-11' } });
    const days = await call(t.app, 'GET', '/api/v1/staff/overview?from=2026-10-15&to=2026-11-03', undefined, as.supervisor);
    expect(days.body.months).toEqual({ from: '2026-10', to: '2026-11' });
    expect((await call(t.app, 'GET', '/api/v1/staff/overview?from=2026-1&to=2026-11', undefined, as.supervisor)).status).toBe(400);
  });
});
