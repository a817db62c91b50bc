/**
 * Payee details at payout: an anonymous reporter's are opened only through a payee request a
 * custodian approves, once, audited, and the reporter sees it on the follow-up; a named reporter's
 * are shown to the officer at payout, audited. Nobody else, and never before the claim.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../server/lib/identifiers.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { notifiedReward } from '../helpers/rewards.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const ID_BODY = '44010619900307123';
const payee = { name: '陈小明', idNumber: ID_BODY + idNumberCheckChar(ID_BODY), bankAccount: '6222021234567890123', bankName: '工商银行广州天河支行' };
const named = { anonymous: false, name: '李四', phone: '13800138000', address: '广州市天河区天河路2号' };

async function staff(role: 'reward_officer' | 'reward_approver' | 'custodian' | 'handler') {
  const s = await createStaff(t, { role });
  return { headers: bearer(await s.login()), username: s.username };
}

async function claimed(reporter?: Record<string, unknown>) {
  const reward = await notifiedReward(t, { fineFen: 0, level: 3, ...(reporter ? { reporter } : {}) });
  const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: reward.receipt });
  const followup = bearer(login.body.token);
  expect((await call(t.app, 'POST', '/api/v1/followup/reward-claim', { payee }, followup)).status).toBe(201);
  return { ...reward, followup };
}

const payeeUrl = (n: string) => `/api/v1/staff/cases/${n}/reward/payee`;
const requestUrl = (n: string) => `/api/v1/staff/cases/${n}/reward/payee-requests`;
const auditActions = async (caseId: string) =>
  (await t.deps.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).orderBy('seq').execute()).map((r) => r.action);

describe('payee details of an anonymous reporter', () => {
  it('opens them once through a custodian, tells the reporter, and the officer then records the payment', async () => {
    const { caseNumber, caseId, followup } = await claimed();
    const officer = await staff('reward_officer');
    const custodian = await staff('custodian');

    const direct = await call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers);
    expect(direct.status).toBe(409);
    expect(direct.body.error.message).toMatch(/custodian/);

    const page = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, officer.headers);
    expect(page.body.reward.payout).toEqual({ route: 'custodian', requests: [] });

    expect((await call(t.app, 'POST', requestUrl(caseNumber), {}, officer.headers)).status).toBe(400);
    const filed = await call(t.app, 'POST', requestUrl(caseNumber), { reason: '支付奖励需核对收款人' }, officer.headers);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ subject: 'payee', status: 'pending', caseNumber });
    expect(JSON.stringify(filed.body)).not.toContain(payee.name);
    expect((await call(t.app, 'POST', requestUrl(caseNumber), { reason: '再次申请查看' }, officer.headers)).status).toBe(409);
    expect((await call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers)).status).toBe(409);

    const pending = await call(t.app, 'GET', '/api/v1/staff/disclosure-requests', undefined, custodian.headers);
    expect(pending.body.items).toEqual([expect.objectContaining({ id: filed.body.id, subject: 'payee' })]);
    // The identity route does not open payee details.
    const approved = await call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${filed.body.id}/approve`, { note: '核对无误，同意发放' }, custodian.headers);
    expect(approved.status).toBe(200);

    const seen = await call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers);
    expect(seen.status).toBe(200);
    expect(seen.headers.get('cache-control')).toBe('no-store');
    expect(seen.body).toEqual({ caseNumber, payee, requestId: filed.body.id });
    const again = await call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers);
    expect(again.status).toBe(409);

    const reporterView = await call(t.app, 'GET', '/api/v1/followup', undefined, followup);
    expect(reporterView.body.timeline.filter((e: { event: string }) => e.event === 'reward_payee_viewed')).toHaveLength(1);

    const paid = await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/reward`, { action: 'record_payment', paymentRef: 'PAY-2026-0001' }, officer.headers);
    expect(paid.status).toBe(200);
    expect(paid.body.status).toBe('paid');
    expect((await call(t.app, 'POST', requestUrl(caseNumber), { reason: '发放后再次查看' }, officer.headers)).status).toBe(409);
    expect(await auditActions(caseId)).toEqual(expect.arrayContaining([
      'reward.payee.request', 'identity.disclosure.approve', 'reward.payee.view', 'reward.record_payment',
    ]));
    expect((await auditActions(caseId)).filter((a) => a === 'reward.payee.view')).toHaveLength(1);
  });

  it('is never opened by the requester approving, a denial, other roles, or before the claim', async () => {
    const { caseNumber, receipt } = await notifiedReward(t);
    const officer = await staff('reward_officer');
    const approver = await staff('reward_approver');
    const handler = await staff('handler');
    const custodian = await staff('custodian');
    // Before the claim there is nothing to open.
    expect((await call(t.app, 'POST', requestUrl(caseNumber), { reason: '提前申请查看' }, officer.headers)).status).toBe(409);
    const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt });
    expect((await call(t.app, 'POST', '/api/v1/followup/reward-claim', { payee }, bearer(login.body.token))).status).toBe(201);

    for (const other of [approver, handler, custodian]) {
      expect((await call(t.app, 'POST', requestUrl(caseNumber), { reason: '发放奖励须核对收款人' }, other.headers)).status).toBe(403);
      expect((await call(t.app, 'POST', payeeUrl(caseNumber), {}, other.headers)).status).toBe(403);
    }
    const filed = await call(t.app, 'POST', requestUrl(caseNumber), { reason: '发放奖励须核对收款人' }, officer.headers);
    const denied = await call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${filed.body.id}/deny`, { note: '理由不足，请补充' }, custodian.headers);
    expect(denied.status).toBe(200);
    expect((await call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers)).status).toBe(409);
    // A handler's identity view refuses a payee request, even an approved one.
    const second = await call(t.app, 'POST', requestUrl(caseNumber), { reason: '再次申请查看收款' }, officer.headers);
    expect(second.status).toBe(201);
    await call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${second.body.id}/approve`, { note: '同意，按程序发放' }, custodian.headers);
    expect((await call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${second.body.id}/view`, {}, handler.headers)).status).toBe(403);
    expect((await call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${second.body.id}/view`, {}, officer.headers)).status).toBe(403);
  });

  it('gives one view to racing requests under one approval', async () => {
    const { caseNumber, caseId, followup } = await claimed();
    const officer = await staff('reward_officer');
    const custodian = await staff('custodian');
    const filed = await call(t.app, 'POST', requestUrl(caseNumber), { reason: '发放奖励须核对收款人' }, officer.headers);
    await call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${filed.body.id}/approve`, { note: '同意，按程序发放' }, custodian.headers);
    const views = await Promise.all(Array.from({ length: 8 }, () => call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers)));
    expect(views.filter((v) => v.status === 200)).toHaveLength(1);
    expect(views.filter((v) => v.status === 409)).toHaveLength(7);
    const events = await t.deps.db.selectFrom('case_events').select('event').where('case_id', '=', caseId).where('event', '=', 'reward_payee_viewed').execute();
    expect(events).toHaveLength(1);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, followup)).body.timeline
      .filter((e: { event: string }) => e.event === 'reward_payee_viewed')).toHaveLength(1);
  });
});

describe('payee details of a named reporter', () => {
  it('are shown to the officer at payout without a custodian, each view audited', async () => {
    const { caseNumber, caseId } = await claimed(named);
    const officer = await staff('reward_officer');
    const page = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, officer.headers);
    expect(page.body.reward.payout).toEqual({ route: 'direct', requests: [] });
    expect((await call(t.app, 'POST', requestUrl(caseNumber), { reason: '发放奖励须核对收款人' }, officer.headers)).status).toBe(409);
    const seen = await call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({ caseNumber, payee, requestId: null });
    expect((await call(t.app, 'POST', payeeUrl(caseNumber), {}, officer.headers)).status).toBe(200);
    expect((await auditActions(caseId)).filter((a) => a === 'reward.payee.view')).toHaveLength(2);
    const approver = await staff('reward_approver');
    const other = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, approver.headers);
    expect(other.body.reward.payout).toBeUndefined();
  });
});
