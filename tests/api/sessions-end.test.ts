/**
 * Sessions end: the reporter's sign-out through the API, and the periodic sweep that deletes the
 * staff and follow-up sessions that have expired (run by the Node worker loop and the Workers cron).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorkerLoop } from '../../server/node/worker-loop.js';
import { runScheduled } from '../../server/worker/scheduled.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '0' } }); });
afterEach(async () => { await t.close(); });

async function followupToken(receipt?: string) {
  const r = receipt ?? (await call(t.app, 'POST', '/api/v1/cases', report())).body.receipt;
  const res = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: r });
  expect(res.status).toBe(200);
  return { receipt: r as string, token: res.body.token as string };
}

const count = async (table: 'sessions' | 'followup_sessions') =>
  Number((await t.deps.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('POST /api/v1/followup/logout', () => {
  it('answers 204 and the token stops working, while another session of the same case goes on', async () => {
    const first = await followupToken();
    const second = await followupToken(first.receipt);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(first.token))).status).toBe(200);

    const out = await call(t.app, 'POST', '/api/v1/followup/logout', undefined, bearer(first.token));
    expect(out.status).toBe(204);
    expect(out.text).toBe('');
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(first.token))).status).toBe(401);
    expect((await call(t.app, 'POST', '/api/v1/followup/messages', { body: '还在吗？这条不应被接受。' }, bearer(first.token))).status).toBe(401);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(second.token))).status).toBe(200);
    expect(await count('followup_sessions')).toBe(1);
  });

  it('answers 401 in the error shape without a live token', async () => {
    const { token } = await followupToken();
    await call(t.app, 'POST', '/api/v1/followup/logout', undefined, bearer(token));
    for (const headers of [{}, bearer(token), bearer('x'.repeat(43)), { authorization: 'Basic abc' }]) {
      const res = await call(t.app, 'POST', '/api/v1/followup/logout', undefined, headers);
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
  });
});

describe('expired sessions are deleted by the sweep', () => {
  /** Two staff sessions and a follow-up session, then the clock moves past their ends; one fresh follow-up session. */
  async function expiredAndFresh() {
    const handler = await createStaff(t, { role: 'handler' });
    await handler.login();
    const idle = await createStaff(t, { role: 'handler' });
    await idle.login();
    await followupToken();
    expect(await count('sessions')).toBe(2);
    t.clock.advance(13 * 3_600_000); // past the 12-hour staff limit and the 60-minute follow-up one
    const fresh = await followupToken();
    expect(await count('followup_sessions')).toBe(2);
    return fresh;
  }

  it('the Node worker loop deletes them and keeps the live one', async () => {
    const fresh = await expiredAndFresh();
    const loop = startWorkerLoop(t.deps, { drainEveryMs: 60_000 });
    await loop.stop(); // waits for the first round, which sweeps
    expect(await count('sessions')).toBe(0);
    expect(await count('followup_sessions')).toBe(1);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(fresh.token))).status).toBe(200);
  });

  it('the Workers cron deletes them too', async () => {
    await expiredAndFresh();
    const line = await runScheduled(t.deps, '* * * * *');
    expect(line).toContain('1 follow-up sessions ended');
    expect(await count('sessions')).toBe(0);
    expect(await count('followup_sessions')).toBe(1);
  });

  it('a staff session idle longer than INTAKE_SESSION_IDLE_MINUTES goes, an active one stays', async () => {
    const active = await createStaff(t, { role: 'handler' });
    const activeToken = await active.login();
    const idle = await createStaff(t, { role: 'handler' });
    await idle.login();
    t.clock.advance(20 * 60_000);
    expect((await call(t.app, 'GET', '/api/v1/staff/me', undefined, bearer(activeToken))).status).toBe(200);
    t.clock.advance(15 * 60_000); // idle one: 35 min without a request; active one: 15
    await runScheduled(t.deps, '* * * * *');
    const left = await t.deps.db.selectFrom('sessions').select('user_id').execute();
    expect(left.map((r) => r.user_id)).toEqual([active.id]);
  });
});
