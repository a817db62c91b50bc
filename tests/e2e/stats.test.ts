/**
 * /stats in a real browser on a desktop and a phone (390 px), in zh-CN, zh-Hant and English: every chart
 * is present, named as an image by its title, and has its table; nothing is wider than the screen; axe
 * finds no serious or critical issue (on the page and on a bad period re-shown); with JavaScript off the
 * period form still works.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { expectAccessible } from '../helpers/axe.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
  // Cases filed through the API (counted by the counters' triggers): enough in some cells to be shown.
  for (const [category, region, count] of [['product.food', '440106', 6], ['service.ecommerce', '440304', 7], ['engineering.housing', '440600', 3]] as const) {
    for (let i = 0; i < count; i++) expect((await call(t.app, 'POST', '/api/v1/cases', report({ category, region }))).status).toBe(201);
  }
  // Handling figures of earlier months, as the counters hold them.
  await t.deps.db.insertInto('stat_counts').values([
    ['accept_on_time', 'samr-440106', 9], ['accept_late', 'samr-440106', 1], ['accept_on_time', 'samr-440300', 5],
    ['dispatched', 'samr-440106', 12], ['sign_due', 'samr-440106', 12], ['signed_on_time', 'samr-440106', 11],
    ['clock_on_time', 'samr-440106', 8], ['clock_late', 'samr-440106', 2], ['closed', 'samr-440106', 10], ['rehandled', 'samr-440106', 1],
    ['rating', 'samr-440106', 6], ['rating_satisfied', 'samr-440106', 5], ['dispatched', 'samr-440300', 7],
    ['clock_on_time', 'samr-440300', 7], ['close_wd:6', 'samr-440106', 10],
  ].map(([metric, department, n]) => ({
    metric: metric as string, month: '2026-09', department: department as string, category: 'service.ecommerce', city: '440100', kind: 'complaint', n: n as number,
  }))).execute();
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const TEXT = {
  zh: { title: '质量投诉举报统计', from: '起始月份', to: '结束月份', submit: '查看统计', period: '统计期间：2026年3月至2026年9月', kpis: '热线考核指标', nav: '统计数据' },
  'zh-Hant': { title: '質量投訴舉報統計', from: '起始月份', to: '結束月份', submit: '查看統計', period: '統計期間：2026年3月至2026年9月', kpis: '熱線考核指標', nav: '統計數據' },
  en: { title: 'Quality complaint and report statistics', from: 'First month', to: 'Last month', submit: 'Show statistics', period: 'Period: Mar 2026 to Sep 2026', kpis: 'Hotline performance', nav: 'Statistics' },
} as const;

const RUNS = [{ lang: 'zh', width: 1280 }, { lang: 'en', width: 390 }, { lang: 'zh-Hant', width: 390 }] as const;

for (const { lang, width } of RUNS) {
  describe(`/stats in ${lang} at ${width} px`, { timeout: 90_000 }, () => {
    let context: BrowserContext;
    let noScript: BrowserContext;
    let page: Page;
    const text = TEXT[lang];
    beforeAll(async () => {
      // axe runs as a script in the page (hence bypassCSP); the form is also tried with JavaScript off.
      context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 900 } });
      noScript = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      page = await context.newPage();
    });
    afterAll(async () => { await context?.close(); await noScript?.close(); });

    it('shows each chart as a named image with its table, and passes axe', async () => {
      await page.goto(`${server.url}/?lang=${lang}`);
      await page.getByRole('navigation').getByRole('link', { name: text.nav }).click();
      await page.waitForURL(/\/stats$/);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(text.title);

      const figures = page.locator('figure');
      await expect(figures.count()).resolves.toBe(5);
      for (let i = 0; i < 5; i++) {
        const figure = figures.nth(i);
        const caption = (await figure.locator('figcaption').textContent())!;
        expect(caption.length).toBeGreaterThan(2);
        // The browser's accessibility tree names the SVG by its title: the figure's caption.
        const image = figure.getByRole('img', { name: caption });
        await expect(image.count(), caption).resolves.toBe(1);
        const box = (await image.boundingBox())!;
        expect(box.width, caption).toBeGreaterThan(200);
        expect(box.x + box.width, caption).toBeLessThanOrEqual(width);
        const table = figure.getByRole('table', { name: caption });
        await expect(table.isVisible(), caption).resolves.toBe(true);
        await expect(table.locator('th[scope="col"]').count()).resolves.toBeGreaterThanOrEqual(2);
        await expect(table.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(1);
      }
      // The satisfaction chart draws its two targets as lines, and the food category's bar reads 6.
      await expect(page.locator('#stats-satisfaction svg line[stroke-dasharray]').count()).resolves.toBe(3);
      await expect(page.locator('#stats-by-category svg').textContent()).resolves.toContain('6');
      // The KPI table, ranked: the department with every clock met first.
      const kpis = page.getByRole('table', { name: new RegExp(text.kpis) });
      await expect(kpis.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(2);
      await expect(kpis.locator('tbody tr').first().locator('td').first().textContent()).resolves.toBe('1');
      await expect(kpis.locator('tbody tr').first().locator('td').nth(3).textContent()).resolves.toBe('100%');
      // Nothing is wider than the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await screenshot(page, `stats-${lang}-${width}`);
      await expectAccessible(page, `stats-${lang}-${width}`);
      await page.goto(`${server.url}/stats?from=2026-3`);
      await expect(page.getByRole('alert').isVisible()).resolves.toBe(true);
      await expectAccessible(page, `stats-error-${lang}-${width}`);
    });

    it('takes a period from the form without JavaScript', async () => {
      const page = await noScript.newPage();
      await page.goto(`${server.url}/stats?lang=${lang}`);
      await page.getByLabel(text.from).fill('2026-03');
      await page.getByLabel(text.to).fill('2026-09');
      await Promise.all([page.waitForURL(/from=2026-03&to=2026-09/), page.getByRole('button', { name: text.submit }).click()]);
      await expect(page.locator('.stats-period').textContent()).resolves.toBe(text.period);
      await expect(page.locator('#stats-by-month tbody tr').count()).resolves.toBe(7);
      // A bad month: the form comes back with the problem, still accessible.
      await page.getByLabel(text.from).fill('2026-3');
      await Promise.all([page.waitForURL(/from=2026-3&/), page.getByRole('button', { name: text.submit }).click()]);
      await expect(page.getByRole('alert').isVisible()).resolves.toBe(true);
      await expect(page.getByLabel(text.from).getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(page.getByLabel(text.from).inputValue()).resolves.toBe('2026-3');
    });
  });
}
