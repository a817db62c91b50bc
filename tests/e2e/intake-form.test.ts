/**
 * The intake form as a reporter uses it (issue 14, items 1 and 5), on a phone (390 px) and a desktop,
 * with JavaScript and without: a reload after filing files nothing more and does not show the receipt
 * again; every problem is shown at once with what was typed; the language switch and a change of
 * kind keep the input; the fields follow the kind.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fillComplaintForm, launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const countCases = async () => (await t.deps.db.selectFrom('cases').select('id').execute()).length;
const RECEIPT = /\d{4}\s?\d{4}\s?\d{4}\s?\d{4}/;

const screens = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 900 } },
} as const;

/** Chooses a kind as the page lets one: at once with JavaScript, with the "show the fields" button without. */
async function chooseKind(page: Page, kind: string, js: boolean) {
  await page.check(`#f-kind-${kind}`);
  if (!js) {
    await Promise.all([page.waitForLoadState('load'), page.click('.kind-continue input[type="submit"]')]);
    await page.waitForSelector(`#f-kind-${kind}:checked`);
  }
}

const fitsWidth = async (page: Page, width: number) =>
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

for (const [screen, options] of Object.entries(screens)) {
  for (const js of [true, false]) {
    const label = `${screen}, ${js ? 'with' : 'without'} JavaScript`;
    describe(`the intake form (${label})`, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({ ...options, javaScriptEnabled: js, locale: 'zh-CN' });
        page = await context.newPage();
      });
      afterAll(async () => { await context?.close(); });
      const shot = (name: string) => screenshot(page, `intake-form-${screen}-${js ? 'js' : 'nojs'}-${name}`);

      it('files one case: a reload of the confirmation shows it was shown, not the receipt, and files nothing', async () => {
        const before = await countCases();
        await page.goto(`${server.url}/submit?lang=zh`);
        await chooseKind(page, 'complaint', js);
        await fillComplaintForm(page);
        await page.click('form.intake-form button[type="submit"]');
        await page.waitForSelector('.receipt-code');
        expect(new URL(page.url()).pathname).toMatch(/^\/submit\/receipt\/[\w-]+$/);
        expect((await page.locator('.receipt-code').textContent())?.replace(/\s/g, '')).toMatch(/^\d{16}$/);
        await fitsWidth(page, options.viewport.width);
        await shot('1-receipt');
        await page.reload();
        await expect(page.locator('h1').textContent()).resolves.toContain('查询码已经显示过');
        expect(await page.locator('main').textContent()).not.toMatch(RECEIPT);
        await shot('2-reloaded');
        if (js) {
          // Back to the form and forward again: still nothing filed twice. (Without JavaScript the page
          // before is the posted "show the fields" answer, which the browser asks before posting again.)
          await page.goBack();
          await page.goForward();
          expect(await page.locator('main').textContent()).not.toMatch(RECEIPT);
        }
        expect(await countCases()).toBe(before + 1);
      }, 60_000);

      it('shows every problem at once and keeps what was typed', async () => {
        await page.goto(`${server.url}/submit?lang=zh`);
        await chooseKind(page, 'complaint', js);
        // Past the browser's own checks, to the server's.
        if (js) await page.$eval('form.intake-form', (form) => { (form as HTMLFormElement).noValidate = true; });
        else await page.locator('form.intake-form button[type="submit"]').evaluate((b) => b.setAttribute('formnovalidate', ''));
        await page.fill('#f-subject-creditCode', 'BAD');
        await page.fill('#f-description', '太短');
        await page.fill('#f-reporter-phone', '12345');
        await page.fill('#f-reporter-idNumber', '123');
        await page.fill('#f-reporter-email', 'not-mail');
        await page.click('form.intake-form button[type="submit"]');
        await page.waitForSelector('.error-summary');
        const summary = await page.locator('.error-summary li').allTextContents();
        for (const field of ['category', 'region', 'subject-name', 'subject-creditCode', 'description',
          'reporter-name', 'reporter-phone', 'reporter-idNumber', 'reporter-email', 'reporter-address']) {
          await expect(page.locator(`#f-${field}-error`).isVisible(), field).resolves.toBe(true);
        }
        expect(summary.length).toBeGreaterThanOrEqual(10);
        await expect(page.inputValue('#f-reporter-phone')).resolves.toBe('12345');
        await expect(page.inputValue('#f-subject-creditCode')).resolves.toBe('BAD');
        await expect(page.inputValue('#f-description')).resolves.toBe('太短');
        await fitsWidth(page, options.viewport.width);
        await shot('3-errors');
      }, 60_000);

      it('switches the language and keeps the input', async () => {
        await page.goto(`${server.url}/submit?lang=zh`);
        await chooseKind(page, 'report', js);
        await page.selectOption('#f-category', 'product.food');
        await page.fill('#f-description', '该厂使用过期原料生产月饼。');
        await page.fill('#f-subject-name', '某某食品有限公司');
        await page.check('#f-reward');
        await Promise.all([page.waitForURL(/lang=en/), page.click('.lang-switch [lang="en"]')]);
        await expect(page.getAttribute('html', 'lang')).resolves.toBe('en');
        await expect(page.isChecked('#f-kind-report')).resolves.toBe(true);
        await expect(page.inputValue('#f-category')).resolves.toBe('product.food');
        await expect(page.inputValue('#f-description')).resolves.toBe('该厂使用过期原料生产月饼。');
        await expect(page.inputValue('#f-subject-name')).resolves.toBe('某某食品有限公司');
        await expect(page.isChecked('#f-reward')).resolves.toBe(true);
        await expect(page.locator('.error-summary').count()).resolves.toBe(0);
        await shot('4-english');
        await Promise.all([page.waitForURL(/lang=zh/), page.click('.lang-switch [lang="zh-CN"]')]);
      }, 60_000);

      it('shows the fields of the kind chosen, and only those', async () => {
        await page.goto(`${server.url}/submit?lang=zh`);
        for (const id of ['#f-claim', '#f-severity', '#f-reward', '#f-reporter-relation']) {
          await expect(page.isVisible(id), id).resolves.toBe(false);
        }
        await chooseKind(page, 'report', js);
        await expect(page.isVisible('#f-reward')).resolves.toBe(true);
        await expect(page.isVisible('#f-reporter-relation')).resolves.toBe(true);
        await expect(page.isVisible('#f-claim')).resolves.toBe(false);
        await expect(page.isVisible('#f-severity')).resolves.toBe(false);
        await page.fill('#f-reporter-name', '李四');
        await chooseKind(page, 'complaint', js);
        await expect(page.isVisible('#f-claim')).resolves.toBe(true);
        await expect(page.isVisible('#f-reward')).resolves.toBe(false);
        await expect(page.isVisible('#f-severity')).resolves.toBe(false);
        await expect(page.inputValue('#f-reporter-name')).resolves.toBe('李四');
        await chooseKind(page, 'injury', js);
        await expect(page.isVisible('#f-severity')).resolves.toBe(true);
        await expect(page.isVisible('#f-claim')).resolves.toBe(false);
        await shot('5-injury');
      }, 60_000);

      if (js) {
        it('disables name and phone when anonymous is ticked, and says why a category was cleared', async () => {
          await page.goto(`${server.url}/submit?lang=zh`);
          await chooseKind(page, 'report', js);
          await page.check('#f-reporter-anonymous');
          await expect(page.isDisabled('#f-reporter-name')).resolves.toBe(true);
          await expect(page.isDisabled('#f-reporter-phone')).resolves.toBe(true);
          await page.uncheck('#f-reporter-anonymous');
          await expect(page.isDisabled('#f-reporter-phone')).resolves.toBe(false);
          await page.selectOption('#f-category', 'product.counterfeit');
          await page.check('#f-kind-complaint');
          await expect(page.inputValue('#f-category')).resolves.toBe('');
          await expect(page.locator('#f-category-kind-note').textContent()).resolves.toContain('不受理投诉');
        }, 60_000);

        it('follows a list filtered for one kind: choosing another shows every category, as typed', async () => {
          await page.goto(`${server.url}/submit?kind=report&lang=zh`);
          await page.fill('#f-description', '说明情况的文字已经写好了。');
          await Promise.all([page.waitForLoadState('load'), page.check('#f-kind-complaint')]);
          await page.waitForSelector('.filter-note', { state: 'detached' });
          await expect(page.isChecked('#f-kind-complaint')).resolves.toBe(true);
          await expect(page.inputValue('#f-description')).resolves.toBe('说明情况的文字已经写好了。');
          await expect(page.isVisible('#f-claim')).resolves.toBe(true);
        }, 60_000);
      }
    });
  }
}
