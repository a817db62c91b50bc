/**
 * The reward path walked end to end in a browser, as its users would: an anonymous insider files a
 * report asking for a reward on the public form (phone, zh-CN); the handler decides a penalty; the
 * reward officer assesses and proposes with an uplift; the approver approves with finance sign-off;
 * the reporter claims on the follow-up page (phone, zh-Hant); the officer requests the payee
 * details, a custodian approves, the officer views them once and records the payment; the reporter
 * sees it paid and that the details were viewed. Wrong input, refresh and back on the way.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00', env: { INTAKE_RECEIPT_DELAY_MS: '5' } });
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };
const panel = (page: Page) => page.locator('.reward-panel');
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function signIn(context: BrowserContext, staff: TestStaff, lang = 'zh'): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login?lang=${lang}`);
  await page.fill('#username', staff.username);
  await page.fill('#password', staff.password);
  if (staff.totpSecret) await page.fill('#totp', await staff.code());
  await page.click('form.staff-login button[type="submit"]');
  await page.waitForLoadState();
  return page;
}

/** Takes a case action from the case page's form (opening its details first). */
async function caseAction(page: Page, caseNumber: string, action: string, fields: Record<string, string> = {}) {
  await page.goto(`${server.url}/staff/cases/${caseNumber}`);
  const form = page.locator(`form:has(input[name="action"][value="${action}"])`);
  await page.locator(`details:has(input[name="action"][value="${action}"])`).evaluateAll((ds) => ds.forEach((d) => { (d as HTMLDetailsElement).open = true; }));
  for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
  await form.locator('button[type="submit"]').first().click();
  await page.waitForURL(`${server.url}/staff/cases/${caseNumber}?done=${action}`);
}

async function events(caseNumber: string, event: string): Promise<number> {
  const rows = await t.deps.db.selectFrom('case_events').innerJoin('cases', 'cases.id', 'case_events.case_id')
    .select('case_events.event').where('cases.case_number', '=', caseNumber).where('case_events.event', '=', event).execute();
  return rows.length;
}

/** The reporter files on the public form: a report, a reward asked for, an insider, anonymous. */
async function fileAsInsider(): Promise<{ caseNumber: string; receipt: string }> {
  const context = await browser.newContext({ ...PHONE, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.url}/submit?kind=report&lang=zh`);
  await page.selectOption('#f-category', 'product.food');
  await page.selectOption('#f-region', '440106');
  await page.fill('#f-description', '本人是该厂员工，厂里使用过期原料生产月饼，仓库有进货记录。');
  await page.fill('#f-subject-name', '某某食品有限公司');
  await page.check('#f-reward');
  await page.selectOption('#f-reporter-relation', 'insider');
  await page.check('#f-reporter-anonymous');
  await page.click('#intake-form button.button[type="submit"]:not([name])');
  await page.waitForURL(/\/submit\/receipt\//);
  const text = await page.locator('main').innerText();
  const caseNumber = /GD\d{13}/.exec(text)?.[0];
  const receipt = /\d{4} \d{4} \d{4} \d{4}/.exec(text)?.[0];
  expect(caseNumber && receipt).toBeTruthy();
  expect(await overflows(page)).toBe(false);
  await context.close();
  return { caseNumber: caseNumber!, receipt: receipt!.replaceAll(' ', '') };
}

describe('the reward path in a browser', () => {
  it('goes from the insider\'s report to the payment the reporter sees', async () => {
    const [handler, officer, approver, custodian] = await Promise.all((['handler', 'reward_officer', 'reward_approver', 'custodian'] as const)
      .map((role) => createStaff(t, { role })));
    const { caseNumber, receipt } = await fileAsInsider();

    // The handler decides a penalty of 12,000,000 CNY.
    const desk = await browser.newContext(DESKTOP);
    const handlerPage = await signIn(desk, handler!);
    for (const action of ['start_verification', 'open_case']) await caseAction(handlerPage, caseNumber, action);
    await caseAction(handlerPage, caseNumber, 'decide_penalty', { fineYuan: '12000000' });
    await desk.close();

    // The officer, on a phone, lands on the reward queue, assesses and proposes level 1 with an uplift.
    const officerContext = await browser.newContext(PHONE);
    const o = await signIn(officerContext, officer!);
    expect(o.url()).toBe(`${server.url}/staff/rewards`);
    // On a phone the rows are cards: each value says which column it is.
    const row = o.locator('.reward-queue tr', { has: o.locator(`a[href="/staff/cases/${caseNumber}"]`) });
    expect(await row.locator('td[data-label="状态"]').textContent()).toBe('已申请');
    expect(await row.locator('td[data-label="罚没款（元）"]').evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"罚没款（元）"');
    expect(await overflows(o)).toBe(false);
    await o.locator('.reward-queue a', { hasText: caseNumber }).click();
    await o.waitForURL(`${server.url}/staff/cases/${caseNumber}`);
    await panel(o).locator('summary', { hasText: '评定是否符合条件' }).click();
    await o.click('.reward-panel button[data-action="assess"]');
    await o.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=reward_assess#reward`);

    // Every wrong field at once: no note and an uplift that is not an amount.
    await panel(o).locator('summary', { hasText: '提出奖励金额' }).click();
    await o.fill('#reward-propose-upliftYuan', '五万');
    await o.$eval('.reward-panel details[open] form', (f) => { (f as HTMLFormElement).noValidate = true; });
    await o.click('.reward-panel button[value="preview"]');
    expect(await o.locator('#reward-propose-note-error').textContent()).toBe('请填写此项');
    expect(await o.locator('#reward-propose-upliftYuan-error').textContent()).toBe('请填写以元为单位的金额，最多两位小数');
    await screenshot(o, 'reward-walk-1-propose-errors');

    // An uplift past the cap is shown reduced, with a line saying so; the answer opens at the panel.
    await o.fill('#reward-propose-upliftYuan', '999999999');
    await o.fill('#reward-propose-note', '内部知情人提供仓库记录，协助查处');
    await o.click('.reward-panel button[value="preview"]');
    expect(o.url()).toBe(`${server.url}/staff/cases/${caseNumber}/reward#reward`);
    expect(await o.locator('[data-reward="preview"]').textContent()).toContain('合计 1,000,000.00 元');
    expect(await o.locator('[data-reward="capped"]').textContent()).toBe('所填加奖 999,999,999.00 元 已按奖励上限 1,000,000.00 元 减少。');
    await o.fill('#reward-propose-upliftYuan', '50000');
    await o.click('.reward-panel button[value="preview"]');
    expect(await o.locator('[data-reward="preview"]').textContent()).toContain('基础金额 600,000.00 元，加奖 50,000.00 元，合计 650,000.00 元');
    await o.click('.reward-panel button[value="confirm"]');
    await o.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=reward_propose#reward`);
    expect(await o.locator('[data-reward="amount"]').textContent()).toBe('650,000.00 元');
    await o.reload();
    expect(await events(caseNumber, 'reward_proposed')).toBe(1);
    expect(await overflows(o)).toBe(false);

    // The approver, on a desktop in English: refused without the finance sign-off, the box marked.
    const approverContext = await browser.newContext(DESKTOP);
    const a = await signIn(approverContext, approver!, 'en');
    expect(a.url()).toBe(`${server.url}/staff/rewards?lang=en`);
    await a.goto(`${server.url}/staff/cases/${caseNumber}`);
    await panel(a).locator('summary', { hasText: 'Approve' }).click();
    await a.click('.reward-panel button[data-action="approve"]');
    expect(await a.locator('#reward-approve-financeSignOff-error').textContent()).toContain('finance department\'s sign-off');
    await screenshot(a, 'reward-walk-2-approve-refused');
    await a.check('#reward-approve-financeSignOff');
    await a.click('.reward-panel button[data-action="approve"]');
    await a.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=reward_approve#reward`);
    expect(await a.locator('[data-reward="status"]').textContent()).toBe('Reporter notified');
    // Back lands on the refused post (Chromium's resubmission page); resending it is refused: no second approval.
    await a.goBack().catch(() => undefined);
    await a.waitForURL((url) => url.protocol === 'chrome-error:');
    await a.reload();
    expect(await a.locator('.reward-panel .error-summary').textContent()).toContain('The reward\'s current state does not allow this.');
    expect(await a.locator('[data-reward="status"]').textContent()).toBe('Reporter notified');
    expect(await events(caseNumber, 'reward_notified')).toBe(1);
    await approverContext.close();

    // The reporter claims on the follow-up page (phone, 繁體中文).
    const reporterContext = await browser.newContext(PHONE);
    const r = await reporterContext.newPage();
    await r.goto(`${server.url}/followup?lang=zh-Hant`);
    await r.fill('#followup-receipt', receipt);
    await r.click('form.followup-login button[type="submit"]');
    await r.waitForURL(`${server.url}/followup/case`);
    const block = r.locator('section[aria-labelledby="reward-title"]');
    expect(await block.textContent()).toContain('人民幣 650,000.00 元');
    expect(await block.locator('time').count()).toBe(1);
    await r.fill('#claim-name', '陳小明');
    await r.fill('#claim-id-number', '11010519491231002X');
    await r.fill('#claim-bank-account', '6222 0212 3456 7890 128');
    await r.click('form[action*="reward-claim"] button[type="submit"]');
    await r.waitForURL(/\/followup\/case\?sent=claim#reward-title$/);
    expect(await block.locator('.reward-status').textContent()).toBe('已申領，等待發放');

    // Payout: the payee details come first in the panel, through a custodian, once.
    await o.goto(`${server.url}/staff/cases/${caseNumber}`);
    const order = await panel(o).evaluate((el) => {
      const payout = el.querySelector('#payout');
      const pay = el.querySelector('button[data-action="record_payment"]');
      return payout && pay ? Boolean(payout.compareDocumentPosition(pay) & Node.DOCUMENT_POSITION_FOLLOWING) : null;
    });
    expect(order).toBe(true);
    await o.$eval('form[action*="payee-request"]', (f) => { (f as HTMLFormElement).noValidate = true; });
    await o.fill('#payee-reason', '发放');
    await o.click('button[data-action="request-payee"]');
    expect(await o.locator('#payee-reason-error').textContent()).toBe('请写明申请理由，至少 5 个字');
    await o.fill('#payee-reason', '发放奖励需核对收款人及银行账户');
    await o.click('button[data-action="request-payee"]');
    await o.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=payee_requested#payout`);

    const custodianContext = await browser.newContext(DESKTOP);
    const c = await signIn(custodianContext, custodian!);
    expect(c.url()).toBe(`${server.url}/staff/disclosures`);
    await c.click('form[action$="/approve"] button[type="submit"]');
    await c.waitForURL(/done=approved/);
    await custodianContext.close();

    await o.goto(`${server.url}/staff/cases/${caseNumber}`);
    await o.setViewportSize({ width: 1280, height: 900 }); // the panel is a narrow side column on a desktop
    await o.click('button[data-action="view-payee"]');
    expect(await o.locator('[data-payee="name"]').textContent()).toBe('陳小明');
    // Every digit is on screen: nothing of the ID number or the account is cut off.
    for (const field of ['id-number', 'bank-account']) {
      expect(await o.locator(`[data-payee="${field}"]`).evaluate((el) => {
        const panelRight = el.closest('.reward-panel')!.getBoundingClientRect().right;
        return el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= panelRight;
      })).toBe(true);
    }
    await screenshot(o, 'reward-walk-3-payee-shown');
    // Reload resends the view: refused in the page's language, nothing shown, no second view.
    await o.reload();
    expect(await o.locator('[data-payout="refused"]').textContent()).toContain('未能查看收款信息');
    expect(await o.locator('[data-payee="name"]').count()).toBe(0);
    expect(await events(caseNumber, 'reward_payee_viewed')).toBe(1);

    await o.goto(`${server.url}/staff/cases/${caseNumber}`);
    await panel(o).locator('summary', { hasText: '登记发放' }).click();
    await o.fill('#reward-record_payment-paymentRef', 'GZ-2026-11-0042');
    await o.click('.reward-panel button[data-action="record_payment"]');
    await o.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=reward_record_payment#reward`);
    expect(await o.locator('[data-reward="status"]').textContent()).toBe('已发放');
    await officerContext.close();

    // The reporter sees it paid and that the details were viewed for the payment.
    await r.goto(`${server.url}/followup/case`);
    expect(await block.locator('.reward-status').textContent()).toBe('已發放');
    expect(await r.locator('main').textContent()).toContain('獎勵經辦人為發放獎勵查看了您的收款資料');
    expect(await overflows(r)).toBe(false);
    await screenshot(r, 'reward-walk-4-paid');
    await reporterContext.close();
  }, 240_000);

  it('offers "not eligible" with the reason for an agency-staff reporter', async () => {
    const filed = await call(t.app, 'POST', '/api/v1/cases', report({ reward: true, reporter: { anonymous: true, relation: 'agency_staff' } }));
    expect(filed.status).toBe(201);
    const n = filed.body.caseNumber as string;
    const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
    for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 3_000_000 }]) {
      expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, handler)).status).toBe(200);
    }
    const context = await browser.newContext(DESKTOP);
    const page = await signIn(context, await createStaff(t, { role: 'reward_officer' }), 'en');
    await page.goto(`${server.url}/staff/cases/${n}`);
    await panel(page).locator('summary', { hasText: 'Assess eligibility' }).click();
    expect(await page.locator('[data-reward="excluded"]').textContent()).toContain('Agency staff');
    expect(await page.$eval('#reward-assess-eligible', (el) => (el as HTMLSelectElement).value)).toBe('no');
    await page.click('.reward-panel button[data-action="assess"]');
    await page.waitForURL(`${server.url}/staff/cases/${n}?notice=reward_assess#reward`);
    expect(await page.locator('[data-reward="status"]').textContent()).toBe('Ineligible');
    expect(await page.locator('[data-reward="reason"]').textContent()).toContain('Agency staff');
    await context.close();
  }, 60_000);
});
