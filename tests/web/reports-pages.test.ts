/**
 * The report pages in a real browser: the intake centre generates a report on /staff/reports (a bad
 * period re-shown), opens its printable HTML from the list; the report, the staff page and the public
 * list read at 390 px without sideways scrolling and pass axe, in each language; printing hides the
 * screen-only parts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateReport } from '../../server/stats/reports.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { expectAccessible } from '../helpers/axe.js';
import { complaint } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
  for (let i = 0; i < 6; i++) await call(t.app, 'POST', '/api/v1/cases', complaint());
  for (let i = 0; i < 2; i++) await call(t.app, 'POST', '/api/v1/cases', complaint({ category: 'service.catering' }));
  await generateReport(t.deps, '2026-Q4', 'cli');
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const PHONE = { width: 390, height: 844 };

async function sideways(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('report pages', () => {
  it('intake generates a report on the staff page and opens it from the list', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: PHONE });
    const page = await context.newPage();
    const staff = await createStaff(t, { role: 'intake', department: 'intake-440000' });
    await page.goto(`${server.url}/staff/login`);
    await page.fill('#username', staff.username);
    await page.fill('#password', staff.password);
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL(`${server.url}/staff`);
    await page.click('nav.staff-nav a[href="/staff/reports"]');
    await page.waitForURL(`${server.url}/staff/reports`);
    await expectAccessible(page, 'reports-staff');

    await page.fill('#report-period', '2026-11-01');
    await page.click('form.report-form button[type="submit"]');
    await page.waitForSelector('.error-summary');
    expect(await page.locator('#report-period').inputValue()).toBe('2026-11-01');
    expect(await page.locator('#report-period').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'reports-staff-error');

    await page.fill('#report-period', '2026-11');
    await page.click('form.report-form button[type="submit"]');
    await page.waitForURL(`${server.url}/staff/reports?done=2026-11`);
    expect(await page.textContent('[role="status"]')).toContain('2026年11月');
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'reports-staff-390');

    await page.click('tr[data-period="2026-11"] a[href^="/stats/reports/2026-11/report.html"]');
    await page.waitForURL(`${server.url}/stats/reports/2026-11/report.html?lang=zh`);
    expect(await page.textContent('h1')).toContain('2026年11月');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await context.close();
  }, 60_000);

  for (const lang of ['zh', 'zh-Hant', 'en'] as const) {
    it(`the report reads on a phone and prints, in ${lang}`, async () => {
      const context = await browser.newContext({ bypassCSP: true, viewport: PHONE });
      const page = await context.newPage();
      const res = await page.goto(`${server.url}/stats/reports/2026-Q4/report.html?lang=${lang}`);
      expect(res?.status()).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe(lang === 'zh' ? 'zh-CN' : lang);
      // 6 food complaints show, the 2 catering ones never do.
      const rows = await page.locator('#report-by-category tbody tr').allTextContents();
      expect(rows.some((r) => /6$/.test(r))).toBe(true);
      expect(rows.some((r) => /<5$/.test(r))).toBe(true);
      expect(rows.some((r) => /2$/.test(r))).toBe(false);
      expect(await sideways(page)).toBeLessThanOrEqual(0);
      await expectAccessible(page, `report-${lang}`);
      await screenshot(page, `report-${lang}-390`);
      expect(await page.locator('.screen-only').first().isVisible()).toBe(true);
      await page.emulateMedia({ media: 'print' });
      const shown = await page.locator('.screen-only').evaluateAll((nodes) => nodes.filter((n) => (n as HTMLElement).offsetParent !== null).length);
      expect(shown).toBe(0);
      await context.close();
    }, 60_000);
  }

  it('the public list of reports', async () => {
    const context = await browser.newContext({ bypassCSP: true, viewport: PHONE });
    const page = await context.newPage();
    await page.goto(`${server.url}/stats/reports?lang=en`);
    expect(await page.textContent('h1')).toBe('Periodic reports');
    expect(await page.locator('a[href="/stats/reports/2026-Q4/report.csv?lang=en"]').count()).toBe(1);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'reports-public-list');
    await context.close();
  }, 60_000);
});
