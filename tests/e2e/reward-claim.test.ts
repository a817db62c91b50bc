/** The reporter claims a notified reward on the follow-up page, on a phone, in zh-CN, zh-Hant and English. */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { notifiedReward } from '../helpers/rewards.js';

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

/** Valid resident ID number (GB 11643-1999 check character X) and one with a wrong check digit. */
const ID = '11010519491231002X';
const BAD_ID = '340524198001010013';
const ACCOUNT = '6222 0212 3456 7890 128';

const TEXT = {
  zh: {
    notified: '已通知，请在截止前申领', amount: '1,000.00 元', claimBy: '2026年12月14日', payee: '陈小明',
    idError: '身份证号码不正确', accountError: '请填写银行账号', claimed: '已申领，等待发放', notice: '申领已提交', refused: '现在不能申领',
  },
  'zh-Hant': {
    notified: '已通知，請在截止前申領', amount: '人民幣 1,000.00 元', claimBy: '2026年12月14日', payee: '陳小明',
    idError: '身份證號碼不正確', accountError: '請填寫銀行帳號', claimed: '已申領，等待發放', notice: '申領已提交', refused: '現在不能申領',
  },
  en: {
    notified: 'Notified: claim it before the deadline', amount: '¥1,000.00', claimBy: '14 Dec 2026', payee: 'Chen Xiaoming',
    idError: 'This is not a valid resident ID number', accountError: 'Give the bank account number',
    claimed: 'Claimed; awaiting payment', notice: 'Your claim was received', refused: 'The reward cannot be claimed now',
  },
} as const;

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  });
}

const rewardBlock = (page: Page) => page.locator('section[aria-labelledby="reward-title"]');
const valueOf = (page: Page, id: string) => page.$eval(`#${id}`, (el) => (el as HTMLInputElement).value);

/** Whether the page scrolls sideways (something wider than the phone). */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.each(['zh', 'zh-Hant', 'en'] as const)('reward claim on a phone (%s)', (lang) => {
  const x = TEXT[lang];

  it('signs in with the receipt, sees amount and deadline, claims once after fixing the errors', async () => {
    const { caseId, receipt } = await notifiedReward(t, { lang });
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/followup?lang=${lang}`);
    await page.fill('#followup-receipt', receipt);
    await page.click('form.followup-login button[type="submit"]');
    await page.waitForURL(`${server.url}/followup/case`);

    const block = rewardBlock(page);
    expect(await block.locator('.reward-status').textContent()).toBe(x.notified);
    expect(await block.textContent()).toContain(x.amount);
    expect(await block.locator('time').textContent()).toContain(x.claimBy);
    expect(await overflows(page)).toBe(false);
    await screenshot(page, `reward-claim-${lang}-1-notified`);

    // An empty bank account is stopped by the browser before anything is sent.
    await page.fill('#claim-name', x.payee);
    await page.fill('#claim-id-number', BAD_ID);
    await page.click('form[action*="reward-claim"] button[type="submit"]');
    expect(page.url()).toBe(`${server.url}/followup/case`);
    expect(await page.$eval('#claim-bank-account', (el) => (el as HTMLInputElement).validity.valueMissing)).toBe(true);

    // The server's own check, as a browser without form validation gets it: every error at once, input kept.
    await page.$eval('form[action*="reward-claim"]', (form) => { (form as HTMLFormElement).noValidate = true; });
    await page.click('form[action*="reward-claim"] button[type="submit"]');
    await page.waitForSelector('.error-summary');
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain(x.idError);
    expect(summary).toContain(x.accountError);
    expect(await page.locator('#claim-id-number-error').textContent()).toContain(x.idError);
    expect(await page.locator('#claim-bank-account-error').textContent()).toContain(x.accountError);
    expect(await page.locator('#claim-id-number').getAttribute('aria-invalid')).toBe('true');
    expect(await valueOf(page, 'claim-name')).toBe(x.payee);
    expect(await valueOf(page, 'claim-id-number')).toBe(BAD_ID);
    expect(await overflows(page)).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, `reward-claim-${lang}-2-errors`);
    await page.click(`.error-summary a[href="#claim-bank-account"]`);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('claim-bank-account');

    await page.fill('#claim-id-number', ID);
    await page.fill('#claim-bank-account', ACCOUNT);
    await page.click('form[action*="reward-claim"] button[type="submit"]');
    await page.waitForURL(/\/followup\/case\?sent=claim#reward-title$/);
    expect(await page.locator('.notice-success').textContent()).toContain(x.notice);
    expect(await rewardBlock(page).locator('.reward-status').textContent()).toBe(x.claimed);
    expect(await page.locator('form[action*="reward-claim"]').count()).toBe(0);
    expect(await rewardBlock(page).locator('time').count()).toBe(0);
    const html = await page.content();
    for (const secret of [x.payee, ID, ACCOUNT]) expect(html).not.toContain(secret);
    await screenshot(page, `reward-claim-${lang}-3-claimed`);

    await page.reload();
    expect(await rewardBlock(page).locator('.reward-status').textContent()).toBe(x.claimed);
    // Back lands on the earlier refused post; sending it again is refused now that the reward is claimed.
    // Chromium answers Back with its "Confirm Form Resubmission" page (the post is not cached); Reload resends it.
    await page.goBack().catch(() => undefined);
    await page.waitForURL((url) => url.protocol === 'chrome-error:');
    await page.reload();
    expect(await page.locator('.notice-error').textContent()).toContain(x.refused);
    expect(await rewardBlock(page).locator('.reward-status').textContent()).toBe(x.claimed);
    expect(await page.locator('form[action*="reward-claim"]').count()).toBe(0);
    const claims = await t.deps.db.selectFrom('case_events').select('event').where('case_id', '=', caseId).where('event', '=', 'reward_claimed').execute();
    expect(claims).toHaveLength(1);
    expect(await t.deps.db.selectFrom('reward_payees').select('case_id').where('case_id', '=', caseId).execute()).toHaveLength(1);
    expect(await t.deps.db.selectFrom('rewards').select('status').where('case_id', '=', caseId).executeTakeFirst()).toEqual({ status: 'claimed' });
    await context.close();
  }, 60_000);
});
