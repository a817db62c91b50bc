/** The product fields follow the chosen category in a browser (phone width and desktop), and a wrong barcode comes back kept. */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

describe('the product fields with JavaScript', () => {
  it.each([390, 1280])('show for a product category and hide for another (width %i)', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${server.url}/submit?lang=en`);
    const gtin = page.locator('#f-subject-product-gtin');
    await expect(gtin.isVisible()).resolves.toBe(false);
    await expect(page.locator('.product-later').isVisible()).resolves.toBe(false);
    await page.check('#f-kind-report');
    await page.selectOption('#f-category', 'product.food');
    await expect(gtin.isVisible()).resolves.toBe(true);
    await page.selectOption('#f-category', 'service.retail');
    await expect(gtin.isVisible()).resolves.toBe(false);
    await expect(gtin.isDisabled()).resolves.toBe(true);

    await page.selectOption('#f-category', 'product.food');
    await page.selectOption('#f-region', '440106');
    await page.fill('#f-description', '该厂使用过期原料生产月饼，仓库在后门。');
    await page.fill('#f-subject-name', '某某食品有限公司');
    await page.fill('#f-subject-product-name', '冰皮月饼');
    await gtin.fill('69012345AB');
    await page.check('#f-reporter-anonymous');
    await page.click('form.intake-form button[type="submit"]');
    await page.waitForSelector('.error-summary');
    await expect(page.locator('.error-summary').textContent()).resolves.toContain('8, 12, 13 or 14 digits');
    await expect(gtin.inputValue()).resolves.toBe('69012345AB');
    await expect(gtin.isVisible()).resolves.toBe(true);
    await expect(page.locator('#f-subject-product-name').inputValue()).resolves.toBe('冰皮月饼');
    await page.close();
  }, 60_000);
});
