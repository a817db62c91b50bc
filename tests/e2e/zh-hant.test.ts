/**
 * A Hong Kong visitor in a browser (issue 14, item 10): a zh-HK browser gets 繁體中文 without asking,
 * files a complaint with a +852 number at phone width, and switches language on a desktop; the
 * choice is remembered across pages and over the browser's own language. axe finds nothing serious
 * on the zh-Hant pages.
 */
import axe from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { fillComplaintForm, launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let browser: Browser;
let t: TestApp;
let server: RunningServer;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  t = await createTestApp();
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** axe's serious and critical findings on the page (the context bypasses the CSP so axe may run). */
async function seriousFindings(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  });
}

async function newPage(options: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(options);
  contexts.push(context);
  return context.newPage();
}

describe('繁體中文 in a browser', () => {
  it('a Hong Kong visitor files a complaint in Traditional Chinese on a phone', async () => {
    const page = await newPage({ ...PHONE, locale: 'zh-HK', bypassCSP: true });
    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await expect(page.locator('.lang-switch [aria-current]').textContent()).resolves.toBe('繁體');
    // The three-language switch fits the phone: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'zh-hant-1-home');
    expect(await seriousFindings(page)).toEqual([]);

    await page.tap('a[href="/submit?kind=complaint"]');
    await page.waitForURL(`${server.url}/submit?kind=complaint`);
    await expect(page.locator('h1').textContent()).resolves.toBe('提交投訴舉報');
    await fillComplaintForm(page);
    await page.fill('#f-reporter-phone', '+852 9123 4567');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'zh-hant-2-form');
    expect(await seriousFindings(page)).toEqual([]);
    await page.tap('form.intake-form button[type="submit"]:not([name="_action"])');

    await expect(page.locator('.panel-success h1').textContent()).resolves.toContain('已收到您的投訴');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    expect(await page.locator('main').textContent()).toContain('您的查詢碼');
    await screenshot(page, 'zh-hant-3-confirmation');
    expect(await seriousFindings(page)).toEqual([]);
    const row = await t.deps.db.selectFrom('cases').select('language').executeTakeFirstOrThrow();
    expect(row.language).toBe('zh-Hant');
  }, 60_000);

  it('switches between 简体, 繁體 and English on a desktop, and the choice outlasts the browser language', async () => {
    const page = await newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', bypassCSP: true });
    await page.goto(`${server.url}/followup`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.click('.lang-switch a[lang="zh-Hant"]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await expect(page.locator('h1').textContent()).resolves.toBe('憑查詢碼查看進度');
    await screenshot(page, 'zh-hant-4-followup-desktop');
    expect(await seriousFindings(page)).toEqual([]);

    await page.goto(`${server.url}/`);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant');
    await page.click('.lang-switch a[lang="zh-CN"]');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.goBack();
    await page.reload();
    // Back and reload: the cookie now says 简体, so the page the visitor returns to is 简体 too.
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  }, 60_000);
});
