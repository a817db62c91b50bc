/** A file added on the follow-up page reaches the handler, under a neutral name, on a phone. */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { baseJpeg, jpegWithMetadata, pdf, zip } from '../helpers/files.js';
import { createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;
let handler: TestStaff;

beforeAll(async () => {
  t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '5' } });
  handler = await createStaff(t, { role: 'handler', department: 'samr-440106' });
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', bypassCSP: true };
const SENT_AS = '张三工牌.jpg';

/** Whether the page scrolls sideways (something wider than the phone). */
const overflows = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

/** axe findings of serious or critical impact on the page as it is now. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  });
}

async function addEvidence(receipt: string): Promise<void> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(`${server.url}/followup`);
  await page.fill('#followup-receipt', receipt);
  await page.click('form.followup-login button[type="submit"]');
  await page.waitForURL(`${server.url}/followup/case`);
  expect(await page.locator('#evidence-title').textContent()).toBe('补充材料');

  // A file of another type comes back on the form with the reason; nothing is listed.
  await page.setInputFiles('#evidence-files', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(zip) });
  await page.click('form[action*="/attachments"] button[type="submit"]');
  await page.waitForSelector('.error-summary');
  expect(await page.locator('#evidence-files-error').textContent()).toContain('只能上传 JPEG、PNG、WebP 照片');
  expect(await page.locator('.evidence-item').count()).toBe(0);
  expect(await overflows(page)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'followup-evidence-1-refused');

  await page.setInputFiles('#evidence-files', { name: SENT_AS, mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithMetadata()) });
  await page.click('form[action*="/attachments"] button[type="submit"]');
  await page.waitForURL(/\/followup\/case\?sent=evidence/);
  expect(await page.locator('.notice-success').textContent()).toContain('材料已上传');
  const item = page.locator('.evidence-item');
  expect(await item.count()).toBe(1);
  expect(await item.locator('.evidence-name').textContent()).toBe('attachment-1.jpg');
  expect(await item.textContent()).toContain(SENT_AS);
  expect(await page.locator('.timeline-entry[data-event="evidence_added"]').count()).toBe(1);
  expect(await overflows(page)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, 'followup-evidence-2-sent');

  // The upload answered with a redirect: refreshing the page shows the same list and sends nothing again.
  await page.reload();
  expect(await page.locator('.evidence-item').count()).toBe(1);
  await context.close();
}

describe('evidence after filing, in a browser', () => {
  it('reaches the handler, who sees it on the case page and downloads it as attachment-1.jpg', async () => {
    const filed = (await call(t.app, 'POST', '/api/v1/cases', report())).body as { caseNumber: string; receipt: string };
    t.clock.advance(60_000);
    await addEvidence(filed.receipt);

    const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.fill('#username', handler.username);
    await page.fill('#password', handler.password);
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL((url) => url.pathname !== '/staff/login');
    await page.goto(`${server.url}/staff/cases/${filed.caseNumber}`);
    expect(await page.locator('.timeline-entry[data-event="evidence_added"]').count()).toBe(1);
    const link = page.locator('a.attachment-link');
    expect(await link.textContent()).toBe('attachment-1.jpg');
    expect(await page.locator('table.attachments').textContent()).toContain('提交后补充');
    expect(await page.content()).not.toContain('张三工牌');
    await screenshot(page, 'followup-evidence-3-handler');

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('attachment-1.jpg');
    const saved = await download.path();
    const { readFile } = await import('node:fs/promises');
    expect(Buffer.from(await readFile(saved)).equals(Buffer.from(baseJpeg))).toBe(true);
    await context.close();
  }, 60_000);

  it('works on a desktop in English, and going back after the upload shows the list without sending again', async () => {
    const filed = (await call(t.app, 'POST', '/api/v1/cases', report())).body as { caseNumber: string; receipt: string };
    t.clock.advance(60_000);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB', bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/followup`);
    await page.fill('#followup-receipt', filed.receipt);
    await page.click('form.followup-login button[type="submit"]');
    await page.waitForURL(`${server.url}/followup/case`);
    expect(await page.locator('#evidence-title').textContent()).toBe('Evidence');
    expect(await page.locator('.evidence-item').count()).toBe(0);
    await page.setInputFiles('#evidence-files', { name: 'receipt-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await page.click('form[action*="/attachments"] button[type="submit"]');
    await page.waitForURL(/\/followup\/case\?sent=evidence/);
    expect(await page.locator('.notice-success').textContent()).toContain('Your files were uploaded');
    expect(await page.locator('.evidence-item').textContent()).toContain('Sent as: receipt-scan.pdf');
    await screenshot(page, 'followup-evidence-4-desktop-en');
    await page.goBack();
    await page.waitForURL(`${server.url}/followup/case`);
    expect(await page.locator('.evidence-item').count()).toBe(1);
    const stored = await t.deps.db.selectFrom('attachments').innerJoin('cases', 'cases.id', 'attachments.case_id')
      .select('attachments.id').where('cases.case_number', '=', filed.caseNumber).execute();
    expect(stored).toHaveLength(1);
    await context.close();
  }, 60_000);
});
