/**
 * Browser journeys (issue 7, part 6) in Debian's chromium: a citizen files a complaint on a phone,
 * an insider files an anonymous report with a photo and later answers the handler with the
 * receipt, a handler triages and accepts, a supervisor sees an overdue case. Screenshots go to
 * test-results/ (gitignored).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury } from '../helpers/bodies.js';
import { fillComplaintForm, launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { jpegWithMetadata } from '../helpers/files.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

async function signIn(page: Page, url: string, staff: TestStaff): Promise<void> {
  await page.goto(`${url}/staff`);
  expect(new URL(page.url()).pathname).toBe('/staff/login');
  await page.fill('#username', staff.username);
  await page.fill('#password', staff.password);
  await page.click('form.staff-login button[type="submit"]');
  await page.waitForURL(`${url}/staff`);
}

describe('public and staff journeys', () => {
  let t: TestApp;
  let server: RunningServer;
  let handler: TestStaff;
  const contexts: BrowserContext[] = [];
  const newPage = async (options = {}) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    t = await createTestApp();
    handler = await createStaff(t, { role: 'handler', department: 'samr-440106' });
    server = await startServer(t.app);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await server?.close();
    await t?.close();
  });

  it('a citizen files a complaint on a phone', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${server.url}/`);
    // Nothing is wider than the phone: no sideways scrolling on any step.
    const fitsPhone = async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await fitsPhone();
    await screenshot(page, 'journey-citizen-1-home');
    await page.tap('a[href="/submit?kind=complaint"]');
    await page.waitForURL(`${server.url}/submit?kind=complaint`);
    await expect(page.isChecked('#f-kind-complaint')).resolves.toBe(true);

    await fillComplaintForm(page);
    await fitsPhone();
    await screenshot(page, 'journey-citizen-2-form');
    await page.tap('form.intake-form button[type="submit"]');

    const caseNumber = (await page.locator('.panel-success .case-number').textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(/^GD\d{13}$/);
    expect((await page.locator('.receipt-code').textContent())?.replace(/\s/g, '')).toMatch(/^\d{16}$/);
    await fitsPhone();
    await screenshot(page, 'journey-citizen-3-confirmation');

    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, bearer(await handler.login()));
    expect(view.body).toMatchObject({ kind: 'complaint', status: 'received', department: { code: 'samr-440106' } });
  }, 60_000);

  it('an insider files an anonymous report with a photo, keeps the receipt, returns and answers the handler', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/submit?kind=report`);
    await page.selectOption('#f-category', 'product.food');
    await page.selectOption('#f-region', '440106');
    await page.fill('#f-description', '我在该厂工作，厂里用过期原料生产月饼，仓库在后门。');
    await page.fill('#f-subject-name', '某某食品有限公司');
    await page.check('#f-reward');
    await page.check('#f-reporter-anonymous');
    await page.setInputFiles('#f-attachments', { name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(jpegWithMetadata()) });
    await screenshot(page, 'journey-insider-1-form');
    await page.click('form.intake-form button[type="submit"]');

    const caseNumber = (await page.locator('.panel-success .case-number').textContent())?.trim() ?? '';
    const receipt = (await page.locator('.receipt-code').textContent())?.trim() ?? '';
    expect(caseNumber).toMatch(/^GD\d{13}$/);
    expect(receipt.replace(/\s/g, '')).toMatch(/^\d{16}$/);
    await screenshot(page, 'journey-insider-2-receipt');
    await page.context().close();

    // The handler sees the photo without its metadata, and a pseudonym instead of a reporter; they ask a question.
    const token = await handler.login();
    const seen = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, bearer(token));
    expect(seen.body.attachments).toHaveLength(1);
    expect(seen.body.attachments[0]).toMatchObject({ type: 'image/jpeg', metadataRemoved: true });
    const question = '请问过期原料是哪一批次？大约什么时间进的货？';
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/messages`, { body: question }, bearer(token))).status).toBe(201);

    // Days later, on another browser session: the receipt alone opens the case.
    const back = await newPage();
    await back.goto(`${server.url}/`);
    await back.click('.followup-link a');
    await back.waitForURL(`${server.url}/followup`);
    await back.fill('#followup-receipt', receipt);
    await screenshot(back, 'journey-insider-3-followup');
    await back.click('form.followup-login button[type="submit"]');
    await back.waitForURL(`${server.url}/followup/case`);
    expect(await back.locator('.case-number-inline').textContent()).toBe(caseNumber);
    await expect(back.locator('.message-department .case-text').textContent()).resolves.toBe(question);
    await screenshot(back, 'journey-insider-4-question');

    const answer = '是十月中旬进的一批月饼馅料，批号 2026-10-A。';
    await back.fill('#followup-message', answer);
    await back.click('form.followup-form button[type="submit"]');
    await back.waitForURL(/\/followup\/case\?sent=message/);
    await expect(back.locator('.message-reporter .case-text').last().textContent()).resolves.toBe(answer);
    await screenshot(back, 'journey-insider-5-answered');

    const after = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, bearer(token));
    expect((after.body.messages as { from: string; body: string }[]).map((m) => [m.from, m.body])).toEqual([['department', question], ['reporter', answer]]);
  }, 60_000);

  it('a handler triages the queue and accepts a complaint, and triages an injury report', async () => {
    const filedComplaint = await call(t.app, 'POST', '/api/v1/cases', complaint({ description: '买到的婴儿奶粉罐内有异物，商家不予退换。' }));
    const filedInjury = await call(t.app, 'POST', '/api/v1/cases', injury({ region: '440106', severity: 'minor' }));
    const [complaintNumber, injuryNumber] = [filedComplaint.body.caseNumber as string, filedInjury.body.caseNumber as string];

    const page = await newPage();
    await signIn(page, server.url, handler);
    expect(await page.locator(`a[href="/staff/cases/${injuryNumber}"]`).count()).toBe(1);
    // Only the complaints, through the queue's filter form.
    await page.selectOption('#q-kind', 'complaint');
    await page.click('form.filter-form button[type="submit"]');
    await page.waitForURL(/\/staff\?.*kind=complaint/);
    expect(await page.locator(`a[href="/staff/cases/${injuryNumber}"]`).count()).toBe(0);
    await screenshot(page, 'journey-handler-1-complaints');

    await page.click(`a[href="/staff/cases/${complaintNumber}"]`);
    await page.waitForURL(`${server.url}/staff/cases/${complaintNumber}`);
    // Sign for the dispatch (签收), then decide on acceptance.
    await page.click('button[data-action="sign"]');
    await page.waitForURL(`${server.url}/staff/cases/${complaintNumber}?done=sign`);
    expect(await page.locator('.timeline-entry[data-event="sign"]').count()).toBe(1);
    await page.click('button[data-action="accept"]');
    await page.waitForURL(`${server.url}/staff/cases/${complaintNumber}?done=accept`);
    expect(await page.locator('.case-status').textContent()).toBe('已受理');
    await screenshot(page, 'journey-handler-2-accepted');

    await page.goto(`${server.url}/staff/cases/${injuryNumber}`);
    await page.click('button[data-action="triage"]');
    await page.waitForURL(`${server.url}/staff/cases/${injuryNumber}?done=triage`);
    expect(await page.locator('.timeline-entry[data-event="triage"]').count()).toBe(1);
    await screenshot(page, 'journey-handler-3-triaged');

    const token = await handler.login();
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${complaintNumber}`, undefined, bearer(token))).body.status).toBe('accepted');
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${injuryNumber}`, undefined, bearer(token))).body.status).toBe('triaged');
  }, 60_000);
});

describe('a supervisor and the statutory clock', () => {
  let t: TestApp;
  let server: RunningServer;

  beforeAll(async () => {
    t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' });
    server = await startServer(t.app);
  });
  afterAll(async () => {
    await server?.close();
    await t?.close();
  });

  it('sees a complaint that nobody decided on within 7 working days as overdue', async () => {
    const late = await call(t.app, 'POST', '/api/v1/cases', complaint());
    const onTime = await call(t.app, 'POST', '/api/v1/cases', complaint({ description: '新买的电饭煲内胆涂层脱落，商家拒绝更换。' }));
    // Received 26 Nov; the decision on acceptance was due at the end of 7 Dec. Two days later:
    t.clock.set('2026-12-09T10:00:00+08:00');
    const fresh = await call(t.app, 'POST', '/api/v1/cases', complaint({ description: '快递包裹里的保温杯有裂纹，卖家不理。' }));
    expect([late.status, onTime.status, fresh.status]).toEqual([201, 201, 201]);
    // The second one was decided in time (its clock is stopped), so only the first is overdue.
    const handler = await createStaff(t, { role: 'handler', department: 'samr-440106' });
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${onTime.body.caseNumber}/actions`, { action: 'accept' }, bearer(await handler.login()))).status).toBe(200);

    const supervisor = await createStaff(t, { role: 'supervisor', department: 'samr-440106' });
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, supervisor);
    const overdueLink = page.locator('a.filter-link[href="/staff?overdue=1"]');
    await expect(overdueLink.locator('.count').textContent()).resolves.toBe('1');
    const lateRow = page.locator('.queue-table tr', { has: page.locator(`a[href="/staff/cases/${late.body.caseNumber}"]`) });
    await expect(lateRow.locator('.badge-overdue').count()).resolves.toBe(1);
    await screenshot(page, 'journey-supervisor-1-queue');

    await overdueLink.click();
    await page.waitForURL(`${server.url}/staff?overdue=1`);
    const rows = page.locator('.queue-table tbody tr');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain(late.body.caseNumber);
    await screenshot(page, 'journey-supervisor-2-overdue');

    await rows.first().locator('a').first().click();
    await page.waitForURL(`${server.url}/staff/cases/${late.body.caseNumber}`);
    await expect(page.locator('.badge-overdue').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'journey-supervisor-3-case');
    await context.close();
  }, 60_000);
});
