/** What the reporter sees: that the department signed for the case, and what to do after 不予受理, in each language. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: TestStaff;
beforeEach(async () => {
  t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '5' } });
  handler = await createStaff(t, { role: 'handler' });
});
afterEach(async () => { await t.close(); });

const act = async (caseNumber: string, body: Record<string, unknown>) => {
  const res = await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, body, bearer(await handler.login()));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};

/** Files a complaint and signs in to its follow-up through the page and the API. */
async function fileAndEnter() {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body;
  const entered = await t.app.request('/followup', {
    method: 'POST', body: new URLSearchParams({ receipt: filed.receipt }).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
  });
  expect(entered.status).toBe(303);
  const cookie = /intake_followup=[^;]*/.exec(entered.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const token = (await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.receipt })).body.token as string;
  return { caseNumber: filed.caseNumber as string, cookie, token };
}

const page = async (cookie: string, lang: string) => (await t.app.request(`/followup/case?lang=${lang}`, { headers: { Cookie: cookie } })).text();
const api = async (token: string) => (await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(token))).body;
const statusOf = (html: string) => /<strong class="public-status" data-status="([^"]+)">([^<]+)<\/strong><p class="hint">([^<]+)<\/p>/.exec(html)?.slice(1);

describe('the reporter status', () => {
  it('says the department signed for the case once it has', async () => {
    const { caseNumber, cookie, token } = await fileAndEnter();
    expect((await api(token)).publicStatus).toBe('received');
    expect(statusOf(await page(cookie, 'zh'))).toEqual(['received', '已收到', '已交给承办部门，等待部门签收。']);

    await act(caseNumber, { action: 'sign' });
    expect((await api(token)).publicStatus).toBe('signed_for');
    expect(statusOf(await page(cookie, 'zh'))?.slice(0, 2)).toEqual(['signed_for', '部门已签收']);
    expect(await page(cookie, 'zh')).not.toContain('等待部门签收');
    expect(statusOf(await page(cookie, 'en'))?.slice(0, 2)).toEqual(['signed_for', 'Signed for']);
    expect(statusOf(await page(cookie, 'zh-Hant'))?.slice(0, 2)).toEqual(['signed_for', '部門已簽收']);

    // Accepted: in progress as before.
    await act(caseNumber, { action: 'accept' });
    expect((await api(token)).publicStatus).toBe('in_progress');
  });

  it('is received again while a returned case waits for another department to sign', async () => {
    const { caseNumber, token } = await fileAndEnter();
    await act(caseNumber, { action: 'sign' });
    await act(caseNumber, { action: 'request_transfer', reason: '不属本局管辖' });
    expect((await api(token)).publicStatus).toBe('received');
  });
});

describe('after 不予受理', () => {
  it('tells the complainant the other channels and the legal remedy, in zh, en and zh-Hant', async () => {
    const { caseNumber, cookie } = await fileAndEnter();
    const before = await page(cookie, 'zh');
    expect(before).not.toContain('refusal-options');

    await act(caseNumber, { action: 'not_accept', ground: 'not_consumption', reason: '不属于生活消费' });
    const zh = await page(cookie, 'zh');
    expect(statusOf(zh)?.[0]).toBe('not_accepted');
    expect(zh).toContain('不予受理后，您还可以怎么做');
    expect(zh).toContain('消费者协会');
    expect(zh).toContain('仲裁');
    expect(zh).toContain('60 日内申请行政复议');
    expect(zh).toContain('6 个月内向人民法院提起行政诉讼');
    const en = await page(cookie, 'en');
    expect(en).toContain('Not accepted: what you can still do');
    expect(en).toContain('administrative reconsideration within 60 days');
    expect(en).toContain('administrative lawsuit in a people&#39;s court within 6 months');
    const hant = await page(cookie, 'zh-Hant');
    expect(hant).toContain('不予受理後，您還可以怎麼做');
    expect(hant).toContain('60 日內申請行政覆議');

    // Still shown once the refused complaint is closed.
    await act(caseNumber, { action: 'close', reply: '已告知不予受理的理由。' });
    const closed = await page(cookie, 'zh');
    expect(statusOf(closed)?.[0]).toBe('closed');
    expect(closed).toContain('不予受理后，您还可以怎么做');
  });

  it('is not shown for a complaint that was accepted and closed', async () => {
    const { caseNumber, cookie } = await fileAndEnter();
    await act(caseNumber, { action: 'accept' });
    await act(caseNumber, { action: 'close', reply: '已调解退款。' });
    expect(await page(cookie, 'zh')).not.toContain('refusal-options');
  });
});
