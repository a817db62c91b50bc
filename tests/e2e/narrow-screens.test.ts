/**
 * At 390 px: the 16-digit receipt does not wrap inside a group of four (confirmation page), the
 * follow-up page does not scroll sideways, and the staff queue shows each case as a card with its
 * due date on screen instead of a table that scrolls sideways. At desktop width the queue stays a table.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { expectAccessible } from '../helpers/axe.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { fillComplaintForm, launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;
let handler: TestStaff;

beforeAll(async () => {
  t = await createTestApp();
  handler = await createStaff(t, { role: 'handler', department: 'samr-440106' });
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
  // A long queue: cases with long category and department names, one closed.
  for (const body of [complaint(), report(), injury({ region: '440106', severity: 'minor' }), complaint({ category: 'service.catering' })]) {
    expect((await call(t.app, 'POST', '/api/v1/cases', body)).status).toBe(201);
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const PHONE = { width: 390, height: 844 };

async function newPage(viewport = PHONE, locale = 'zh-CN'): Promise<Page> {
  // bypassCSP: axe is injected as an inline script.
  const context = await browser.newContext({ viewport, locale, isMobile: viewport === PHONE, hasTouch: viewport === PHONE, bypassCSP: true });
  return context.newPage();
}

/** Nothing on the page is wider than the screen. */
const scrollsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);

/** The lines an element's text takes, each with the text on it, read from the layout. */
const linesOf = (page: Page, selector: string) => page.evaluate((sel) => {
  const el = document.querySelector(sel)!;
  const text = el.textContent ?? '';
  const node = [...el.childNodes].find((n) => n.nodeType === Node.TEXT_NODE)!;
  const lines = new Map<number, string>();
  for (let i = 0; i < text.length; i++) {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0) continue;
    const top = Math.round(rect.top);
    lines.set(top, (lines.get(top) ?? '') + text[i]);
  }
  return { lines: [...lines.values()].map((l) => l.trim()), overflow: el.scrollWidth > el.clientWidth };
}, selector);

async function fileAndKeepReceipt(lang: 'zh' | 'en'): Promise<{ page: Page; receipt: string }> {
  const page = await newPage(PHONE, lang === 'en' ? 'en-GB' : 'zh-CN');
  await page.goto(`${server.url}/submit?kind=complaint&lang=${lang}`);
  await page.check('#f-kind-complaint');
  await fillComplaintForm(page);
  await page.click('form.intake-form button[type="submit"]');
  await page.waitForSelector('.receipt-code');
  const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
  return { page, receipt };
}

describe('at 390 px', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`keeps every group of the receipt whole on the confirmation page (${lang})`, async () => {
      const { page, receipt } = await fileAndKeepReceipt(lang);
      expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
      const { lines, overflow } = await linesOf(page, '.receipt-code');
      expect(overflow).toBe(false);
      // Every line holds whole groups: no group of four is split over two lines.
      for (const line of lines) expect(line).toMatch(/^\d{4}( \d{4})*$/);
      expect(lines.join(' ')).toBe(receipt);
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `narrow-receipt-${lang}`);

      // The follow-up page with that receipt fits the screen too.
      await page.goto(`${server.url}/followup?lang=${lang}`);
      await page.fill('#followup-receipt', receipt);
      await page.click('form.followup-login button[type="submit"]');
      await page.waitForURL(/\/followup\/case/);
      await expect(page.locator('.public-status').isVisible()).resolves.toBe(true);
      expect(await scrollsSideways(page)).toBe(false);
      await screenshot(page, `narrow-followup-${lang}`);
      await page.context().close();
    }, 60_000);
  }

  it('shows the staff queue as cards, the due date on screen, with no sideways scroll', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.fill('#username', handler.username);
    await page.fill('#password', handler.password);
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL(`${server.url}/staff`);
    await page.waitForSelector('.queue-table');
    expect(await scrollsSideways(page)).toBe(false);
    const scroller = await page.evaluate(() => {
      const el = document.querySelector('.table-scroll')!;
      return { scrollWidth: el.scrollWidth, clientWidth: el.clientWidth };
    });
    expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth);
    const rows = page.locator('.queue-table tbody tr');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < count; i++) {
      const due = rows.nth(i).locator('.queue-due');
      await expect(due.isVisible()).resolves.toBe(true);
      const box = (await due.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      // The due date comes right under the case number.
      const number = (await rows.nth(i).locator('th').boundingBox())!;
      expect(box.y).toBeGreaterThan(number.y);
      expect((await due.textContent())?.trim()).not.toBe('');
    }
    // Each value is labelled, as the table header is hidden on a phone.
    const label = await rows.first().locator('.queue-due').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(label).toContain('下一时限');
    await screenshot(page, 'narrow-staff-queue');
    await expectAccessible(page, 'narrow-staff-queue');

    // The search box is on screen, and a case number typed there finds the case.
    const caseNumber = (await rows.first().locator('th a').textContent())?.trim() ?? '';
    await page.fill('#q-search', caseNumber.toLowerCase());
    await page.click('form.search-form button[type="submit"]');
    await page.waitForURL(/\/staff\?q=/);
    expect(await page.locator('.queue-table tbody tr').count()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    await page.context().close();
  }, 60_000);

  it('offers dispatch first on a triage case page, which fits the screen and passes axe', async () => {
    const triage = (await call(t.app, 'POST', '/api/v1/cases', report({ category: 'other' }))).body.caseNumber as string;
    const intake = await createStaff(t, { role: 'intake', department: 'intake-440000' });
    const page = await newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.fill('#username', intake.username);
    await page.fill('#password', intake.password);
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL(/\/staff/);
    await page.goto(`${server.url}/staff/cases/${triage}`);
    await expect(page.locator('.dispatch button[data-action="assign"]').isVisible()).resolves.toBe(true);
    expect(await page.locator('button[data-action="urge"]').count()).toBe(0);
    // The filter narrows the list without JavaScript's help: a GET back to the page.
    await page.fill('#dept-filter-assign', '深圳');
    await page.click('.dispatch form.department-filter button[type="submit"]');
    await page.waitForURL(/dept=/);
    const offered = await page.locator('.dispatch select[name="department"] option').count();
    expect(offered).toBeGreaterThan(1);
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'narrow-triage-case');
    await expectAccessible(page, 'narrow-triage-case');
    await page.context().close();
  }, 60_000);

  it('keeps the queue a table with its header at desktop width', async () => {
    const page = await newPage({ width: 1280, height: 900 });
    await page.goto(`${server.url}/staff/login`);
    await page.fill('#username', handler.username);
    await page.fill('#password', handler.password);
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL(`${server.url}/staff`);
    await expect(page.locator('.queue-table thead').isVisible()).resolves.toBe(true);
    const display = await page.locator('.queue-table tbody tr').first().evaluate((el) => getComputedStyle(el).display);
    expect(display).toBe('table-row');
    expect(await scrollsSideways(page)).toBe(false);
    await page.context().close();
  }, 60_000);
});
