/** Reward pages: the reward queue as landing page, the reward panel's forms on the case page, the rules page. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimReward } from '../../server/rewards/claim.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { csrfOf, getPage, postForm, signIn, type Session } from '../helpers/pages.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const page = (path: string, s?: Session) => getPage(t, path, s);
const post = (path: string, fields: Record<string, string>, s: Session) => postForm(t, path, fields, s);
const apiReward = async (n: string, s: Session) =>
  (await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, bearer(s.token))).body.reward;

/** A report asking for a reward, taken by its department to a penalty of `fineFen`. */
async function penalisedReport(fineFen: number, over: Record<string, unknown> = {}) {
  const n = (await call(t.app, 'POST', '/api/v1/cases', report({ reward: true, ...over }))).body.caseNumber as string;
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen }]) {
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, handler)).status).toBe(200);
  }
  return n;
}

/** Posts a reward form taken from the case page (its CSRF token). */
async function rewardForm(n: string, s: Session, fields: Record<string, string>) {
  const form = await page(`/staff/cases/${n}`, s);
  return post(`/staff/cases/${n}/reward`, { _csrf: csrfOf(form.html), ...fields }, s);
}

describe('reward pages', () => {
  it('lands a reward officer on the reward queue after signing in through the form', async () => {
    const n = await penalisedReport(0);
    const officer = await createStaff(t, { role: 'reward_officer' });
    const res = await t.app.request('/staff/login', {
      method: 'POST', body: new URLSearchParams({ username: officer.username, password: officer.password }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/rewards');
    const cookie = /intake_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0];
    // /staff itself leads on to the reward queue
    expect((await t.app.request('/staff', { headers: { cookie } })).headers.get('location')).toBe('/staff/rewards');
    const queue = await t.app.request('/staff/rewards', { headers: { cookie } });
    const html = await queue.text();
    expect(queue.status).toBe(200);
    expect(queue.headers.get('cache-control')).toBe('no-store');
    expect(html).toContain(`href="/staff/cases/${n}"`);
    expect(html).toContain('已申请');
    expect(html).toContain('href="/staff/rewards/rules"');
    expect(html).not.toContain('>案件队列<');
    // the status filter
    const filtered = await t.app.request('/staff/rewards?status=paid', { headers: { cookie } });
    expect(await filtered.text()).toContain('没有符合条件的奖励。');
  });

  it('assesses, previews and proposes, and a second person approves with finance sign-off', async () => {
    const n = await penalisedReport(1_000_000_000); // 10,000,000 CNY: level 1 gives 500,000 CNY
    const officer = await signIn(t, { role: 'reward_officer' });
    const casePage = await page(`/staff/cases/${n}`, officer);
    expect(casePage.html).toContain('举报奖励');
    expect(casePage.html).toContain('name="action" value="assess"');

    let res = await rewardForm(n, officer, { action: 'assess', eligible: 'yes' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/cases/${n}?notice=reward_assess#reward`);
    expect((await page(`/staff/cases/${n}?notice=reward_assess`, officer)).html).toContain('已完成奖励操作：评定是否符合条件。');

    res = await rewardForm(n, officer, { action: 'propose', level: '1', note: '重大案件', step: 'preview' });
    expect(res.status).toBe(200);
    expect(res.html).toContain('合计 500,000.00 元');
    expect(res.html).toContain('该金额达到财务会签标准');
    expect(res.html).toContain('name="step" value="confirm"');
    expect((await apiReward(n, officer)).status).toBe('eligible');
    // a confirmation at another amount than the one shown is shown again, not taken
    res = await rewardForm(n, officer, { action: 'propose', level: '1', note: '重大案件', step: 'confirm', previewedFen: '300000' });
    expect(res.status).toBe(200);
    expect(res.html).toContain('name="previewedFen" value="50000000"');
    expect((await apiReward(n, officer)).status).toBe('eligible');
    res = await rewardForm(n, officer, { action: 'propose', level: '1', note: '重大案件', step: 'confirm', previewedFen: '50000000' });
    expect(res.status).toBe(303);
    expect(await apiReward(n, officer)).toMatchObject({ status: 'proposed', amountFen: 50_000_000, financeSignOffRequired: true });

    // the proposer cannot approve: a refusal on the page, not a 500
    res = await rewardForm(n, officer, { action: 'approve', financeSignOff: 'on' });
    expect(res.status).toBe(403);
    expect(res.html).toContain('奖励操作未完成：批准');

    const approver = await signIn(t, { role: 'reward_approver' });
    const approvePage = await page(`/staff/cases/${n}`, approver);
    expect(approvePage.html).toContain('name="financeSignOff"');
    res = await rewardForm(n, approver, { action: 'approve' });
    expect(res.status).toBe(400);
    expect(res.html).toContain('请检查下面标出的内容。');
    res = await rewardForm(n, approver, { action: 'approve', financeSignOff: 'on' });
    expect(res.status).toBe(303);
    expect(await apiReward(n, approver)).toMatchObject({ status: 'notified', financeSignOff: true });
    const after = await page(`/staff/cases/${n}`, approver);
    expect(after.html).toContain('奖励已批准并告知举报人');
    expect(after.html).toContain('提出奖励金额');
    const en = await page(`/staff/cases/${n}?lang=en`, approver);
    expect(en.html).toContain('<h2 id="reward-title">Reward</h2>');
    expect(en.html).toContain('Reporter notified');
    expect(en.html).toContain('CNY 500,000.00');
    expect(en.html).toContain('Reward approved, reporter notified');
    expect(en.html).not.toContain('id="actions-title"');
  });

  it('records the payment of a claimed reward and refuses it before the claim', async () => {
    const n = await penalisedReport(0);
    const officer = await signIn(t, { role: 'reward_officer' });
    const approver = await signIn(t, { role: 'reward_approver' });
    await rewardForm(n, officer, { action: 'assess', eligible: 'yes' });
    await rewardForm(n, officer, { action: 'propose', level: '2', note: 'n', step: 'confirm', previewedFen: '300000' });
    expect((await rewardForm(n, approver, { action: 'reject', reason: '' })).status).toBe(400);
    expect((await rewardForm(n, approver, { action: 'approve' })).status).toBe(303);
    // not claimed yet: the form is not offered, and a post is a conflict shown on the page
    expect((await page(`/staff/cases/${n}`, officer)).html).not.toContain('value="record_payment"');
    const early = await rewardForm(n, officer, { action: 'record_payment', paymentRef: 'P-1' });
    expect(early.status).toBe(409);
    expect(early.html).toContain('奖励当前的状态不允许此操作。');
    const caseId = (t.store.sqlite.prepare('SELECT id FROM cases WHERE case_number = ?').get(n) as { id: string }).id;
    await claimReward(t.deps, caseId);
    expect((await page(`/staff/cases/${n}`, officer)).html).toContain('value="record_payment"');
    expect((await rewardForm(n, officer, { action: 'record_payment', paymentRef: 'P-2026-001' })).status).toBe(303);
    expect(await apiReward(n, officer)).toMatchObject({ status: 'paid', paymentRef: 'P-2026-001' });
    const paid = await page(`/staff/cases/${n}`, officer);
    expect(paid.html).toContain('奖励已发放');
    expect(paid.html).toContain('P-2026-001');
  });

  it('refuses an approver approving a proposal they made themselves', async () => {
    const n = await penalisedReport(0);
    const officer = await signIn(t, { role: 'reward_officer' });
    await rewardForm(n, officer, { action: 'assess', eligible: 'yes' });
    await rewardForm(n, officer, { action: 'propose', level: '3', note: 'n', step: 'confirm', previewedFen: '100000' });
    const approver = await signIn(t, { role: 'reward_approver' });
    t.store.sqlite.prepare('UPDATE rewards SET proposed_by = ?').run(approver.username);
    const shown = await page(`/staff/cases/${n}`, approver);
    expect(shown.html).toContain('该金额由您提出');
    const res = await rewardForm(n, approver, { action: 'approve' });
    expect(res.status).toBe(403);
    expect(res.html).toContain('not be the person who proposed');
    expect((await apiReward(n, approver)).status).toBe('proposed');
  });

  it('offers the insider uplift only to an insider, and assesses ineligible with a reason', async () => {
    const insider = await penalisedReport(0, { reporter: { anonymous: true, relation: 'insider' } });
    const plain = await penalisedReport(0);
    const officer = await signIn(t, { role: 'reward_officer' });
    await rewardForm(insider, officer, { action: 'assess', eligible: 'yes' });
    await rewardForm(plain, officer, { action: 'assess', eligible: 'no', reason: '' }).then((r) => expect(r.status).toBe(400));
    expect((await rewardForm(plain, officer, { action: 'assess', eligible: 'no', reason: '线索不实' })).status).toBe(303);
    expect(await apiReward(plain, officer)).toMatchObject({ status: 'ineligible', reason: '线索不实' });
    const form = await page(`/staff/cases/${insider}`, officer);
    expect(form.html).toContain('name="upliftYuan"');
    const res = await rewardForm(insider, officer, { action: 'propose', level: '3', note: 'n', upliftYuan: '2000', step: 'preview' });
    expect(res.html).toContain('基础金额 1,000.00 元，加奖 2,000.00 元，合计 3,000.00 元。');
  });

  it('shows the reward read-only to the handling department and no reward link in a handler\'s header', async () => {
    const n = await penalisedReport(0);
    const handler = await signIn(t, { role: 'handler' });
    const res = await page(`/staff/cases/${n}`, handler);
    expect(res.html).toContain('举报奖励');
    expect(res.html).toContain('此处仅供查看');
    expect(res.html).not.toContain(`action="/staff/cases/${n}/reward"`);
    expect(res.html).not.toContain('href="/staff/rewards"');
    expect((await page('/staff', handler)).html).not.toContain('href="/staff/rewards"');
    expect((await page('/staff/rewards', handler)).status).toBe(403);
  });

  it('shows the reward rules in both languages, to reward staff and admins', async () => {
    const approver = await signIn(t, { role: 'reward_approver' });
    const zh = await page('/staff/rewards/rules', approver);
    expect(zh.status).toBe(200);
    expect(zh.html).toContain('奖励规则');
    expect(zh.html).toContain('1,000,000.00 元');
    expect(zh.html).toContain('500,000.00 元');
    expect(zh.html).toContain('告知后 30 个工作日');
    expect(zh.html).toContain('行政机关工作人员、受侵害方');
    const en = await page('/staff/rewards/rules?lang=en', approver);
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Reward rules');
    expect(en.html).toContain('CNY 5,000.00');
    expect(en.html).toContain('30 working days after the notice');
    expect(en.html).toContain('Agency staff, Infringed party');
    const admin = await signIn(t, { role: 'admin' });
    const adminPage = await page('/staff/rewards/rules', admin);
    expect(adminPage.status).toBe(200);
    expect(adminPage.html).toContain('aria-current="page">奖励规则');
    expect((await page('/staff/admin', admin)).html).toContain('href="/staff/rewards/rules"');
    const handler = await signIn(t, { role: 'handler' });
    expect((await page('/staff/rewards/rules', handler)).status).toBe(403);
  });
});
