/**
 * The payee block of the reward panel: an anonymous reporter's details are requested, approved by a
 * custodian on the custodian page, then shown once on the case page; a named reporter's are shown on
 * one audited button. Both languages; bad input re-shows the form with its message.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../server/lib/identifiers.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { csrfOf, getPage, postForm, signIn, type Session } from '../helpers/pages.js';
import { notifiedReward } from '../helpers/rewards.js';
import { bearer } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const ID_BODY = '44010619900307123';
const payee = { name: '陈小明', idNumber: ID_BODY + idNumberCheckChar(ID_BODY), bankAccount: '6222021234567890123', bankName: '工商银行广州天河支行' };

async function claimed(reporter?: Record<string, unknown>) {
  const reward = await notifiedReward(t, reporter ? { reporter } : {});
  const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: reward.receipt });
  expect((await call(t.app, 'POST', '/api/v1/followup/reward-claim', { payee }, bearer(login.body.token))).status).toBe(201);
  return reward;
}

async function postFromCase(n: string, s: Session, path: string, fields: Record<string, string> = {}) {
  const form = await getPage(t, `/staff/cases/${n}`, s);
  return postForm(t, path, { _csrf: csrfOf(form.html), ...fields }, s);
}

describe('payee block on the case page', () => {
  it('takes an anonymous reporter\'s payee details through a custodian, shown once', async () => {
    const { caseNumber: n } = await claimed();
    const officer = await signIn(t, { role: 'reward_officer' });
    const custodian = await signIn(t, { role: 'custodian' });

    const before = await getPage(t, `/staff/cases/${n}`, officer);
    expect(before.html).toContain('data-payout="custodian"');
    expect(before.html).toContain('申请查看收款信息');
    expect(before.html).not.toContain(payee.name);

    const empty = await postFromCase(n, officer, `/staff/cases/${n}/reward/payee-request`, { reason: ' ' });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('id="payee-reason-error"');

    const filed = await postFromCase(n, officer, `/staff/cases/${n}/reward/payee-request`, { reason: '发放奖励须核对收款人' });
    expect(filed.status).toBe(303);
    const pending = await getPage(t, `/staff/cases/${n}?notice=payee_requested`, officer);
    expect(pending.html).toContain('查看申请已提交，待保管人决定。');
    expect(pending.html).toContain('待保管人决定');
    expect(pending.html).not.toContain('data-action="view-payee"');

    const custodianPage = await getPage(t, '/staff/disclosures', custodian);
    expect(custodianPage.status).toBe(200);
    expect(custodianPage.html).toContain('奖励收款信息（发放奖励）');
    expect(custodianPage.html).not.toContain(payee.name);
    const id = /id="request-([^"]+)"/.exec(custodianPage.html)![1]!;
    const approved = await postForm(t, `/staff/disclosures/${id}/approve`, { _csrf: csrfOf(custodianPage.html), note: '同意，按程序发放' }, custodian);
    expect(approved.status).toBeLessThan(400);

    const ready = await getPage(t, `/staff/cases/${n}`, officer);
    expect(ready.html).toContain('data-action="view-payee"');
    const shown = await postFromCase(n, officer, `/staff/cases/${n}/reward/payee`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain(`data-payee="name">${payee.name}<`);
    expect(shown.html).toContain(payee.idNumber);
    expect(shown.html).toContain(payee.bankAccount);

    const after = await getPage(t, `/staff/cases/${n}`, officer);
    expect(after.html).not.toContain(payee.name);
    expect(after.html).toContain('已查看');
    const again = await postFromCase(n, officer, `/staff/cases/${n}/reward/payee`);
    expect(again.status).toBe(409);
    expect(again.html).not.toContain(payee.name);
  });

  it('shows a named reporter\'s payee details on one audited button, in English too', async () => {
    const { caseNumber: n } = await claimed({ anonymous: false, name: '李四', phone: '13800138000', address: '广州市天河区天河路2号' });
    const officer = await signIn(t, { role: 'reward_officer' });
    const en = await getPage(t, `/staff/cases/${n}?lang=en`, officer);
    expect(en.html).toContain('data-payout="direct"');
    expect(en.html).toContain('View the payee details');
    const shown = await postFromCase(n, officer, `/staff/cases/${n}/reward/payee?lang=en`);
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('Payee details (pay from these');
    expect(shown.html).toContain(payee.bankAccount);
    // The approver sees no payee block.
    const approver = await signIn(t, { role: 'reward_approver' });
    expect((await getPage(t, `/staff/cases/${n}`, approver)).html).not.toContain('data-payout=');
  });
});
