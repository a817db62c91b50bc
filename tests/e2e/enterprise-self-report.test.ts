/**
 * The enterprise path in a browser at phone width (390 px): from the injury choice to the enterprise's
 * form, a wrong figure comes back kept, then filed fatal with the provincial co-handler on the receipt;
 * every page passes axe and none scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectAccessible } from '../helpers/axe.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

describe('the enterprise path at 390 px', () => {
  it.each(['zh', 'en'])('files an accident for the enterprise and shows the receipt (%s)', async (lang) => {
    // bypassCSP: axe is injected as an inline script.
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/submit?lang=${lang}`);
    await page.click('.enterprise-entry a');
    await page.waitForSelector('#f-accident-deaths');
    expect(new URL(page.url()).searchParams.get('as')).toBe('enterprise');
    await expect(page.locator('#f-reporter-anonymous').count()).resolves.toBe(0);
    await expectAccessible(page, `enterprise-form-${lang}`);
    expect(await scrollsSideways(page)).toBe(false);

    await page.selectOption('#f-category', 'product.special_equipment');
    await page.selectOption('#f-region', '440106');
    await page.fill('#f-description', '本公司游乐设施座椅安全压杠失效，一名游客坠落。');
    await page.fill('#f-accident-deaths', '1');
    await page.fill('#f-accident-seriouslyInjured', '0');
    await page.fill('#f-accident-injured', '-2');
    await page.fill('#f-accident-directLossFen', '1200000');
    await page.fill('#f-reporter-enterprise-name', '广州某某游乐设备有限公司');
    await page.fill('#f-reporter-enterprise-creditCode', '91440101MA5CJQ4N59');
    await page.fill('#f-reporter-name', '王五');
    await page.fill('#f-reporter-phone', '13912345678');
    await page.click('form.intake-form button[type="submit"]');
    await page.waitForSelector('.error-summary');
    await expect(page.locator('.error-summary li').count()).resolves.toBe(1);
    await expect(page.locator('#f-accident-injured').inputValue()).resolves.toBe('-2');
    await expect(page.locator('#f-reporter-enterprise-name').inputValue()).resolves.toBe('广州某某游乐设备有限公司');
    await expect(page.locator('#f-accident-injured').getAttribute('aria-invalid')).resolves.toBe('true');
    await expectAccessible(page, `enterprise-errors-${lang}`);
    expect(await scrollsSideways(page)).toBe(false);

    await page.fill('#f-accident-injured', '2');
    await page.click('form.intake-form button[type="submit"]');
    await page.waitForSelector('.receipt-code');
    await expect(page.locator('.receipt-code').textContent()).resolves.toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await expect(page.locator('main').textContent()).resolves.toContain(lang === 'en' ? 'Guangdong Provincial Administration for Market Regulation' : '广东省市场监督管理局');
    await expectAccessible(page, `enterprise-receipt-${lang}`);
    expect(await scrollsSideways(page)).toBe(false);
    await context.close();
  }, 90_000);

  it('stored what the browser filed: fatal, the figures, filed by the enterprise', async () => {
    const rows = await t.deps.db.selectFrom('cases').selectAll().execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row).toMatchObject({
        severity: 'fatal', urgent: 1, filed_by_enterprise: 1, accident_deaths: 1, accident_injured: 2, accident_loss_fen: 120_000_000,
      });
    }
  });
});
