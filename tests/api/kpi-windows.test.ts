/** KPIs count only windows that have ended, and the overview has a totals row. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { getPage, signIn } from '../helpers/pages.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: TestStaff;
let intake: TestStaff;

beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-02T09:00:00+08:00' });
  handler = await createStaff(t, { role: 'handler' });
  intake = await createStaff(t, { role: 'intake', department: 'intake-440000' });
});
afterEach(async () => { await t.close(); });

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
const act = async (n: string, who: TestStaff, body: Record<string, unknown>) => {
  const res = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, bearer(await who.login()));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const overview = async (at: string) => {
  t.clock.set(at);
  // The sweeper counts the windows and clocks whose end has passed by now (the counters, docs/architecture.md).
  await sweepClocks(t.deps);
  const res = await call(t.app, 'GET', '/api/v1/staff/overview?from=2026-11-01&to=2026-11-30', undefined, bearer(await intake.login()));
  expect(res.status).toBe(200);
  return res.body;
};
const row = (body: any, code: string) => body.departments.find((d: any) => d.department.code === code);

describe('KPI windows', () => {
  it('counts a dispatch inside its one-day sign-for window neither way, and a clock only once its due time has passed', async () => {
    // Monday: two complaints for 天河区 (sign-for window: the end of Tuesday); one is signed at once.
    const a = await submit(complaint());
    const b = await submit(complaint());
    await act(a, handler, { action: 'sign' });
    await act(a, handler, { action: 'accept' });

    const monday = row(await overview('2026-11-02T15:00:00+08:00'), 'samr-440106');
    // a was signed in time, b is still inside its window: neither counts yet.
    expect(monday).toMatchObject({ dispatched: 2, signDue: 0, signedOnTime: 0, due: 0, onTime: 0 });
    expect(monday.kpi.signRate).toBeNull();

    // Tuesday: a third complaint, whose window ends on Wednesday.
    t.clock.set('2026-11-03T11:00:00+08:00');
    const c = await submit(complaint());
    const wednesday = row(await overview('2026-11-04T10:00:00+08:00'), 'samr-440106');
    // a's and b's windows ended on Tuesday: a on time, b missed; c is still inside its window.
    expect(wednesday).toMatchObject({ dispatched: 3, signDue: 2, signedOnTime: 1 });
    expect(wednesday.kpi.signRate).toBe(0.5);
    // a's accept decision clock stopped early, but it falls due on 11-11: not counted yet either way.
    expect(wednesday).toMatchObject({ due: 0, onTime: 0 });
    expect(wednesday.kpi.onTimeRate).toBeNull();

    await act(c, handler, { action: 'sign' });
    const later = row(await overview('2026-11-12T10:00:00+08:00'), 'samr-440106');
    // a's clock (due 11-11) was stopped in time, b's ran out; c's falls due only at the end of 11-12.
    expect(later).toMatchObject({ dispatched: 3, signDue: 3, signedOnTime: 2, due: 2, onTime: 1 });
    expect(later.kpi).toMatchObject({ signRate: 0.667, onTimeRate: 0.5 });
  });

  it('adds a totals row: the counts summed over departments and the rates taken from the sums', async () => {
    await submit(complaint());
    const shenzhen = await submit(complaint({ region: '440304' }));
    const body = await overview('2026-11-04T10:00:00+08:00');
    expect(body.departments.length).toBeGreaterThanOrEqual(2);
    expect(row(body, 'samr-440106')).toBeDefined();
    expect(shenzhen).toBeTruthy();
    const sum = (key: string) => body.departments.reduce((s: number, d: any) => s + d[key], 0);
    for (const key of ['dispatched', 'signDue', 'signedOnTime', 'returned', 'due', 'onTime', 'closed', 'rehandled', 'overdue', 'dueSoon']) {
      expect(body.totals[key], key).toBe(sum(key));
    }
    expect(body.totals).toMatchObject({ dispatched: 2, signDue: 2, signedOnTime: 0 });
    expect(body.totals.kpi).toEqual({ signRate: 0, onTimeRate: null, returnRate: 0, rehandleRate: null });
  });

  it('shows the totals row and the rule on the overview page', async () => {
    const a = await submit(complaint());
    await submit(complaint({ region: '440304' }));
    await act(a, handler, { action: 'sign' });
    t.clock.set('2026-11-04T10:00:00+08:00');
    await sweepClocks(t.deps);
    const session = await signIn(t, { role: 'intake', department: 'intake-440000' });
    const page = await getPage(t, '/staff/overview?from=2026-11-01&to=2026-11-30', session);
    expect(page.status).toBe(200);
    const foot = /<tfoot class="totals">([\s\S]*?)<\/tfoot>/.exec(page.html)?.[1] ?? '';
    expect(foot).toContain('合计');
    expect(foot).toContain('50.0%');
    expect(foot).toContain('(1/2)');
    expect(page.html).toContain('仍在期限内的既不算按时也不算超时');
    // The period is asked for in months, the form shows the months counted.
    expect(page.html).toMatch(/<input[^>]*type="month"[^>]*name="from"[^>]*value="2026-11"/);
    const byMonth = await getPage(t, '/staff/overview?from=2026-11&to=2026-11', session);
    expect(byMonth.status).toBe(200);
    expect(/<tfoot class="totals">([\s\S]*?)<\/tfoot>/.exec(byMonth.html)?.[1]).toContain('(1/2)');
  });
});
