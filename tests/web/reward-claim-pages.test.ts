/** The reward block and claim form on the reporter's follow-up page. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../server/lib/identifiers.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { notifiedReward } from '../helpers/rewards.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00', env: { INTAKE_RECEIPT_DELAY_MS: '5' } }); });
afterEach(async () => { await t.close(); });

const ORIGIN = { Origin: 'http://localhost' };
const ID_BODY = '44010619900307123';
const ID = ID_BODY + idNumberCheckChar(ID_BODY);
const BAD_ID = ID_BODY + (idNumberCheckChar(ID_BODY) === '0' ? '1' : '0');

interface Page { status: number; html: string; location: string | null; cookie: string }
async function request(path: string, init: RequestInit = {}): Promise<Page> {
  const res = await t.app.request(path, init);
  const cookie = /intake_followup=[^;]*/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  return { status: res.status, html: await res.text(), location: res.headers.get('location'), cookie };
}
const post = (path: string, fields: Record<string, string>, cookie = '') => request(path, {
  method: 'POST', body: new URLSearchParams(fields).toString(),
  headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...ORIGIN, ...(cookie ? { Cookie: cookie } : {}) },
});
const get = (path: string, cookie: string) => request(path, { headers: { Cookie: cookie } });

/** A notified reward's case page session, entered at `at` (the test clock's time by default). */
async function enter(at?: string) {
  const { receipt } = await notifiedReward(t);
  if (at) t.clock.set(at);
  const entered = await post('/followup', { receipt });
  expect(entered.status).toBe(303);
  return entered.cookie;
}

describe('reward claim page', () => {
  it('shows the notified reward with its amount, deadline and claim form', async () => {
    const cookie = await enter();
    const zh = await get('/followup/case', cookie);
    expect(zh.html).toContain('已通知，请在截止前申领');
    expect(zh.html).toContain('1,000.00 元');
    expect(zh.html).toContain('2026年12月14日');
    expect(zh.html).toContain('举报奖励已批准，请在截止前申领');
    expect(zh.html).toMatch(/<form[^>]*action="\/followup\/case\/reward-claim\?lang=zh"/);
    const en = await get('/followup/case?lang=en', cookie);
    expect(en.html).toContain('¥1,000.00');
    expect(en.html).toContain('Reward approved: claim it before the deadline');
    expect(en.html).toContain('Claim the reward');
  });

  it('re-shows every error with the input kept, then shows the claim without echoing the payee', async () => {
    const cookie = await enter();
    const typed = { name: '  ', idNumber: BAD_ID, bankAccount: '6222 0212', bankName: '工商银行' };
    const bad = await post('/followup/case/reward-claim', typed, cookie);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('请填写领款人姓名');
    expect(bad.html).toContain('身份证号码不正确');
    expect(bad.html).toContain('银行账号应为 12 至 30 位数字');
    expect(bad.html).toContain('href="#claim-id-number"');
    expect(bad.html).toContain(`value="${BAD_ID}"`);
    expect(bad.html).toContain('value="6222 0212"');
    expect(bad.html).toContain('value="工商银行"');
    expect(await t.deps.db.selectFrom('reward_payees').selectAll().execute()).toEqual([]);

    const ok = await post('/followup/case/reward-claim', { name: '陈小明', idNumber: ID, bankAccount: '6222 0212 3456 7890 123', bankName: '' }, cookie);
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/followup/case?sent=claim#reward-title');
    const after = await get(ok.location!, cookie);
    expect(after.html).toContain('申领已提交');
    expect(after.html).toContain('已申领，等待发放');
    expect(after.html).not.toContain('reward-claim');
    for (const secret of ['陈小明', ID, '6222 0212 3456 7890 123', '6222021234567890123']) expect(after.html).not.toContain(secret);
    expect(await t.deps.db.selectFrom('rewards').select('status').execute()).toEqual([{ status: 'claimed' }]);

    const again = await post('/followup/case/reward-claim', { name: '陈小明', idNumber: ID, bankAccount: '622202123456789' }, cookie);
    expect(again.status).toBe(409);
    expect(again.html).toContain('现在不能申领');
  });

  it('offers no form after the claim date, and refuses a late post', async () => {
    const cookie = await enter('2026-12-15T00:00:01+08:00');
    const page = await get('/followup/case', cookie);
    expect(page.html).toContain('已通知，请在截止前申领');
    expect(page.html).not.toContain('reward-claim');
    const late = await post('/followup/case/reward-claim', { name: '陈小明', idNumber: ID, bankAccount: '622202123456789' }, cookie);
    expect(late.status).toBe(409);
    expect(late.html).toContain('现在不能申领');
  });
});
