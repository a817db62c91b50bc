/**
 * axe-core on every public page, in every language the app has (web/i18n.ts): home, the form (empty
 * and re-shown with errors), the confirmation, the follow-up sign-in (empty and with an error), the
 * follow-up case page, the error pages (a refused form, an unknown address). No violation of impact
 * serious or critical may remain. The staff and admin pages: tests/e2e/a11y-staff.test.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { langs, type Lang } from '../../web/i18n.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { axeViolations, expectAccessible } from '../helpers/axe.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;
let receipt: string;

beforeAll(async () => {
  t = await createTestApp();
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
  // A case with some history, so the follow-up page has a timeline and messages to show.
  const filed = await call(t.app, 'POST', '/api/v1/cases', report());
  receipt = filed.body.receipt as string;
  const handler = await createStaff(t, { role: 'handler', department: 'samr-440106' });
  const token = await handler.login();
  await call(t.app, 'POST', `/api/v1/staff/cases/${filed.body.caseNumber}/actions`, { action: 'start_verification' }, bearer(token));
  await call(t.app, 'POST', `/api/v1/staff/cases/${filed.body.caseNumber}/messages`, { body: '请问您是在哪天看到的？' }, bearer(token));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** Fills the intake form for an anonymous report that the server accepts. */
async function fillReport(page: Page): Promise<void> {
  await page.check('#f-kind-report');
  await page.selectOption('#f-category', 'product.food');
  await page.selectOption('#f-region', '440106');
  await page.fill('#f-description', '该厂使用过期原料生产月饼，仓库在后门。');
  await page.fill('#f-subject-name', '某某食品有限公司');
  await page.check('#f-reporter-anonymous');
}

/** The browser's own language for each page language. */
const LOCALES: Record<string, string> = { zh: 'zh-CN', 'zh-Hant': 'zh-HK', en: 'en-GB' };

for (const lang of langs as readonly Lang[]) {
  // A page is loaded, screenshot and checked: slow on a busy machine.
  describe(`public pages in ${lang}`, { timeout: 60_000 }, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ bypassCSP: true, locale: LOCALES[lang] ?? lang });
      page = await context.newPage();
      // ?lang= is remembered in a cookie for the pages after it.
      await page.goto(`${server.url}/?lang=${lang}`);
    });
    afterAll(async () => { await context?.close(); });

    it('home', async () => {
      await page.goto(`${server.url}/?lang=${lang}`);
      await expectAccessible(page, `${lang}-home`);
    });

    it('the form, empty and re-shown with errors', async () => {
      await page.goto(`${server.url}/submit?lang=${lang}`);
      await expectAccessible(page, `${lang}-submit`);
      // Past the browser's own checks (required, minlength), to get the server's error summary.
      await page.$eval('form.intake-form', (form) => { (form as HTMLFormElement).noValidate = true; });
      await page.check('#f-kind-complaint');
      await page.fill('#f-description', 'too short');
      await page.click('form.intake-form button[type="submit"]');
      await page.waitForSelector('.error-summary');
      await expectAccessible(page, `${lang}-submit-errors`);
    });

    it('the confirmation', async () => {
      await page.goto(`${server.url}/submit?lang=${lang}`);
      await fillReport(page);
      await page.click('form.intake-form button[type="submit"]');
      await page.waitForSelector('.receipt-code');
      await expectAccessible(page, `${lang}-confirmation`);
    });

    it('the follow-up sign-in, empty and with an error', async () => {
      await page.goto(`${server.url}/followup?lang=${lang}`);
      await expectAccessible(page, `${lang}-followup`);
      await page.fill('#followup-receipt', '12');
      await page.click('form.followup-login button[type="submit"]');
      await page.waitForSelector('.error-summary');
      await expectAccessible(page, `${lang}-followup-error`);
    });

    it('the follow-up case page', async () => {
      await page.goto(`${server.url}/followup?lang=${lang}`);
      await page.fill('#followup-receipt', receipt);
      await page.click('form.followup-login button[type="submit"]');
      await page.waitForURL(`${server.url}/followup/case`);
      await expectAccessible(page, `${lang}-followup-case`);
      await page.click('form[action*="/followup/logout"] button[type="submit"]');
    });

    it('the error page', async () => {
      // A form posted to this server from another site (here the same server under another host
      // name) is refused by the same-origin check with the error page.
      const elsewhere = server.url.replace('127.0.0.1', 'localhost');
      await page.goto(`${elsewhere}/submit?lang=${lang}`);
      await fillReport(page);
      await page.$eval('form.intake-form', (form, target) => { (form as HTMLFormElement).action = target; }, `${server.url}/submit?lang=${lang}`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'),
        page.click('form.intake-form button[type="submit"]')]);
      expect(response.status()).toBe(403);
      await page.waitForLoadState();
      expect(page.url()).toContain(`${server.url}/submit`);
      await expectAccessible(page, `${lang}-error`);
    });

    it('the page for an unknown address', async () => {
      const response = await page.goto(`${server.url}/nope?lang=${lang}`);
      expect(response?.status()).toBe(404);
      await expectAccessible(page, `${lang}-not-found`);
    });

    it('the enterprise search and an enterprise summary', async () => {
      const subject = { name: '广州市无障碍食品有限公司', creditCode: '91440101MA5CJQ4N59', product: { name: '冰皮月饼', gtin: '6901234567892' } };
      expect((await call(t.app, 'POST', '/api/v1/cases', report({ subject }))).status).toBe(201);
      await page.goto(`${server.url}/enterprises?q=${encodeURIComponent('广州市无障碍')}&lang=${lang}`);
      await expectAccessible(page, `${lang}-enterprise-search`);
      await page.click('a[href="/enterprises/91440101MA5CJQ4N59"]');
      await page.waitForSelector('svg.chart');
      await expectAccessible(page, `${lang}-enterprise-summary`);
      // At 390 px the page does not scroll sideways: the chart fits, the wide tables scroll inside.
      const before = page.viewportSize();
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
      if (before) await page.setViewportSize(before);
    });
  });
}

describe('the accessibility check itself', () => {
  it('finds a serious problem when there is one', async () => {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = '/static/none.png';
      document.querySelector('main')!.append(img);
    });
    const found = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
    expect(found).toContain('image-alt');
    await context.close();
  });
});
