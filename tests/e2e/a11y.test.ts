/**
 * axe-core on every public page, in Chinese and in English: home, the form (empty and re-shown
 * with errors), the confirmation, the follow-up sign-in (empty and with an error), the follow-up
 * case page and the error page. No violation of impact serious or critical may remain.
 */
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
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

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';
interface Violation { id: string; impact: Impact | null; help: string; helpUrl: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }

/** Runs axe in the page; the context bypasses the CSP (script-src 'self') so the inline script may run. */
async function axeViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { resultTypes: ['violations'] });
    return results.violations.map((v) => ({
      id: v.id, impact: (v.impact ?? null) as Impact | null, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target as unknown[], html: n.html, ...(n.failureSummary ? { failureSummary: n.failureSummary } : {}) })),
    }));
  });
}

function describeViolations(violations: Violation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.slice(0, 5)
    .map((n) => `  ${JSON.stringify(n.target)} ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? '').replace(/\n/g, '\n    ')}`).join('\n')}`).join('\n');
}

async function expectAccessible(page: Page, name: string): Promise<void> {
  await screenshot(page, `a11y-${name}`);
  const serious = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `${name} (${page.url()}):\n${describeViolations(serious)}`).toEqual([]);
}

/** Fills the intake form for an anonymous report that the server accepts. */
async function fillReport(page: Page): Promise<void> {
  await page.check('#f-kind-report');
  await page.selectOption('#f-category', 'product.food');
  await page.selectOption('#f-region', '440106');
  await page.fill('#f-description', '该厂使用过期原料生产月饼，仓库在后门。');
  await page.fill('#f-subject-name', '某某食品有限公司');
  await page.check('#f-reporter-anonymous');
}

for (const lang of ['zh', 'en'] as const) {
  describe(`public pages in ${lang}`, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ bypassCSP: true, locale: lang === 'en' ? 'en-GB' : 'zh-CN' });
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
