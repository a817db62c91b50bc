import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '5', INTAKE_RECEIPT_MAX_FAILURES: '5' } });
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
});
afterEach(async () => { await t.close(); });

const login = (receipt: string, from = '198.51.100.7') =>
  call(t.app, 'POST', '/api/v1/followup/login', { receipt }, { 'x-forwarded-for': from });

async function fileAndLogin(body: unknown) {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', body)).body;
  const res = await login(filed.receipt);
  expect(res.status).toBe(200);
  return { caseNumber: filed.caseNumber as string, receipt: filed.receipt as string, reporter: bearer(res.body.token) };
}

describe('follow-up with the receipt', () => {
  it('lets an anonymous reporter and the handler talk without the handler learning who it is', async () => {
    const { caseNumber, reporter } = await fileAndLogin(report());
    const reply = await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/messages`, { body: '请问仓库具体位置？' }, handler);
    expect(reply.status).toBe(201);

    const view = await call(t.app, 'GET', '/api/v1/followup', undefined, reporter);
    expect(view.status).toBe(200);
    expect(view.headers.get('cache-control')).toBe('no-store');
    expect(view.body).toMatchObject({ caseNumber, kind: 'report', status: 'received', publicStatus: 'received', identityDisclosed: false, reward: { status: 'requested' } });
    expect(view.body.department.code).toBe('samr-440106');
    expect(view.body.due[0]).toMatchObject({ clock: 'open_decision', provisional: false });
    expect(view.body.messages).toEqual([expect.objectContaining({ from: 'department', body: '请问仓库具体位置？' })]);
    expect(view.body.timeline.map((e: { event: string }) => e.event)).toEqual(['received']);

    const answer = await call(t.app, 'POST', '/api/v1/followup/messages', { body: '在后门，电话13912345678找我。' }, reporter);
    expect(answer.status).toBe(201);
    const staffView = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
    const last = staffView.messages.at(-1);
    expect(last.from).toBe('reporter');
    expect(last.body).toContain('在后门');
    expect(last.body).not.toContain('13912345678');
    expect(staffView.reporter).toMatch(/^R-/);
    // The reporter still reads their own words.
    const again = (await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body;
    expect(again.messages.at(-1).body).toBe('在后门，电话13912345678找我。');
  });

  it('accepts the receipt with spaces or without', async () => {
    const filed = (await call(t.app, 'POST', '/api/v1/cases', report())).body;
    expect((await login(filed.receipt.replaceAll(' ', ''))).status).toBe(200);
    expect((await login(filed.receipt)).status).toBe(200);
  });

  it('answers 401 for a wrong receipt and 429 after repeated failures, while another client gets in', async () => {
    const filed = (await call(t.app, 'POST', '/api/v1/cases', report())).body;
    for (let i = 0; i < 5; i++) {
      const res = await login('0000 0000 0000 000' + i);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    const blocked = await login('0000 0000 0000 0009');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await login(filed.receipt, '203.0.113.9')).status).toBe(200);
  });

  it('refuses a huge receipt cheaply and answers 401 without a token', async () => {
    expect((await login('1'.repeat(1_000_000))).status).toBe(413);
    expect((await login('1'.repeat(100_000))).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/v1/followup')).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, bearer('x'.repeat(43)))).status).toBe(401);
  });

  it('expires the follow-up session', async () => {
    const { reporter } = await fileAndLogin(report());
    t.clock.advance(61 * 60_000);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).status).toBe(401);
  });

  it('takes satisfaction once, only after closing, and shows the result reply', async () => {
    const { caseNumber, reporter } = await fileAndLogin(complaint());
    const early = await call(t.app, 'POST', '/api/v1/followup/satisfaction', { rating: 5, resolved: true }, reporter);
    expect(early.status).toBe(409);
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'accept' }, handler);
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'close', reply: '商家已退款。' }, handler);
    const view = (await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body;
    expect(view.publicStatus).toBe('closed');
    expect(view.timeline.at(-1)).toEqual({ at: expect.any(String), event: 'close', note: '商家已退款。' });
    expect(view.canRate).toBe(true);
    const bad = await call(t.app, 'POST', '/api/v1/followup/satisfaction', { rating: 9, resolved: true }, reporter);
    expect(bad.status).toBe(400);
    const ok = await call(t.app, 'POST', '/api/v1/followup/satisfaction', { rating: 4, resolved: true, comment: '满意' }, reporter);
    expect(ok.status).toBe(201);
    expect((await call(t.app, 'POST', '/api/v1/followup/satisfaction', { rating: 4, resolved: true }, reporter)).status).toBe(409);
  });

  it('refuses a reward claim while no reward is notified', async () => {
    const { reporter } = await fileAndLogin(report());
    expect((await call(t.app, 'POST', '/api/v1/followup/reward-claim', {}, reporter)).status).toBe(409);
  });

  it('stops the reporter-notice clock when the department writes to a real-name reporter', async () => {
    const { caseNumber } = await fileAndLogin(report({ reporter: { anonymous: false, name: '王五', phone: '13700137000' } }));
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'start_verification' }, handler);
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'open_case' }, handler);
    const c = (await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/messages`, { body: '已立案。' }, handler)).body;
    expect(c.due.find((d: { clock: string }) => d.clock === 'reporter_notice').status).toBe('stopped');
  });
});
