import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
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
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

async function fileComplaint(): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/submit`);
  await page.check('#f-kind-complaint');
  await fillComplaintForm(page);
  await page.click('form.intake-form button[type="submit"]');
  const caseNumber = (await page.locator('.panel-success .case-number').textContent())?.trim() ?? '';
  await screenshot(page, 'staff-accept-1-confirmation');
  await context.close();
  return caseNumber;
}

describe('staff workspace in a browser', () => {
  it('lets a handler accept a complaint a citizen just filed', async () => {
    const caseNumber = await fileComplaint();
    expect(caseNumber).toMatch(/^GD\d{13}$/);

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/staff`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await page.fill('#username', handler.username);
    await page.fill('#password', handler.password);
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL(`${server.url}/staff`);

    const row = page.locator('.queue-table tr', { has: page.locator(`a[href="/staff/cases/${caseNumber}"]`) });
    await expect(row.textContent()).resolves.toContain('已收到');
    await screenshot(page, 'staff-accept-2-queue');
    await row.locator('a').first().click();
    await page.waitForURL(`${server.url}/staff/cases/${caseNumber}`);
    expect(await page.locator('.case-status').textContent()).toBe('已收到');
    expect(await page.locator('.timeline-entry[data-event="accept"]').count()).toBe(0);

    await page.click('button[data-action="accept"]');
    await page.waitForURL(`${server.url}/staff/cases/${caseNumber}?done=accept`);
    expect(await page.locator('.case-status').textContent()).toBe('已受理');
    expect(await page.locator('.notice-success').textContent()).toContain('受理');
    const entry = page.locator('.timeline-entry[data-event="accept"]');
    expect(await entry.textContent()).toContain('已收到 → 已受理');
    expect(await entry.textContent()).toContain(handler.username);
    await screenshot(page, 'staff-accept-3-accepted');
    await context.close();
  }, 30_000);
});
