/** The reporter's side of a reward: the follow-up shows it, and the reporter claims it with sealed payee details. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../server/lib/identifiers.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { notifiedReward } from '../helpers/rewards.js';
import { bearer } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const ID_BODY = '44010619900307123';
const ID = ID_BODY + idNumberCheckChar(ID_BODY);
const BAD_ID = ID_BODY + (idNumberCheckChar(ID_BODY) === '0' ? '1' : '0');
const payee = { name: '陈小明', idNumber: ID, bankAccount: '6222 0212 3456 7890 123', bankName: '工商银行广州天河支行' };

async function reporterOf(receipt: string) {
  const res = await call(t.app, 'POST', '/api/v1/followup/login', { receipt });
  expect(res.status).toBe(200);
  return bearer(res.body.token);
}
const claim = (body: unknown, headers: Record<string, string>) => call(t.app, 'POST', '/api/v1/followup/reward-claim', body, headers);

describe('reward claim through the follow-up', () => {
  it('shows the notified reward, takes one valid claim and seals the payee', async () => {
    const { receipt, caseId } = await notifiedReward(t);
    const reporter = await reporterOf(receipt);
    const view = await call(t.app, 'GET', '/api/v1/followup', undefined, reporter);
    expect(view.body.reward).toEqual({ status: 'notified', amountFen: 100_000, claimBy: '2026-12-14T23:59:59.999+08:00' });
    expect(view.body.timeline.map((e: { event: string }) => e.event)).toContain('reward_notified');

    const bad = await claim({ payee: { ...payee, idNumber: BAD_ID, bankAccount: '6222 0212' } }, reporter);
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['payee.bankAccount', 'payee.idNumber']);

    const ok = await claim({ payee }, reporter);
    expect(ok.status).toBe(201);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(ok.body).toEqual({ status: 'claimed', amountFen: 100_000, claimBy: '2026-12-14T23:59:59.999+08:00' });
    const rows = await t.deps.db.selectFrom('reward_payees').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ case_id: caseId, key_id: expect.any(String) })]);
    const stored = JSON.stringify(rows[0]);
    for (const clear of [payee.name, ID, '6222021234567890123', payee.bankName]) expect(stored).not.toContain(clear);
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'reward.claim').execute();
    expect(audit).toHaveLength(1);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body.reward).toMatchObject({ status: 'claimed' });

    expect((await claim({ payee }, reporter)).status).toBe(409);
    expect(await t.deps.db.selectFrom('reward_payees').selectAll().execute()).toHaveLength(1);
  });

  it('refuses a claim after claimBy', async () => {
    const { receipt } = await notifiedReward(t);
    t.clock.set('2026-12-15T00:00:01+08:00');
    const reporter = await reporterOf(receipt);
    const late = await claim({ payee }, reporter);
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/claim period ended/);
    expect(await t.deps.db.selectFrom('reward_payees').selectAll().execute()).toEqual([]);
  });

  it('leaves reward out of the follow-up of a case without one', async () => {
    const filed = await call(t.app, 'POST', '/api/v1/cases', complaint());
    const view = await call(t.app, 'GET', '/api/v1/followup', undefined, await reporterOf(filed.body.receipt));
    expect(view.status).toBe(200);
    expect(view.body).not.toHaveProperty('reward');
  });
});
