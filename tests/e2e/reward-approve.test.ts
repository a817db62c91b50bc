/** The reward approver in a browser: signs in with the one-time code, finds the proposal, approves with finance sign-off. */
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;
let approver: TestStaff;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  approver = await createStaff(t, { role: 'reward_approver' });
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** A report fined `fineFen`, its penalty decided by the handling department. */
async function penalisedReport(fineFen: number): Promise<string> {
  const n = (await call(t.app, 'POST', '/api/v1/cases', report({ reward: true }))).body.caseNumber as string;
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen }]) {
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, handler)).status).toBe(200);
  }
  return n;
}

/** A report fined 10,000,000 CNY, assessed and proposed at level 1 (500,000 CNY: finance sign-off needed). */
async function proposedReward(): Promise<string> {
  const n = await penalisedReport(1_000_000_000);
  const officer = bearer(await (await createStaff(t, { role: 'reward_officer' })).login());
  for (const body of [{ action: 'assess', eligible: true }, { action: 'propose', level: 1, note: '重大案件' }]) {
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, body, officer)).status).toBe(200);
  }
  return n;
}

/** axe-core's serious and critical findings on the page (the context bypasses the CSP so axe may run). */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axe.source });
  return page.evaluate(async () => {
    const results = await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] });
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 120)).join(' | ')}`);
  });
}

describe('reward approval in a browser', () => {
  it('lets a second person approve a proposed reward on the case page', async () => {
    const caseNumber = await proposedReward();
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.fill('#username', approver.username);
    await page.fill('#password', approver.password);
    await page.fill('#totp', await approver.code());
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL(`${server.url}/staff/rewards`);

    const row = page.locator('.reward-queue tr', { has: page.locator(`a[href="/staff/cases/${caseNumber}"]`) });
    await expect(row.textContent()).resolves.toContain('已提出金额');
    await screenshot(page, 'reward-approve-1-queue');
    expect(await seriousViolations(page)).toEqual([]);
    await row.locator('a').first().click();
    await page.waitForURL(`${server.url}/staff/cases/${caseNumber}`);
    expect(await page.locator('[data-reward="amount"]').textContent()).toBe('500,000.00 元');
    expect(await seriousViolations(page)).toEqual([]);

    await page.locator('.reward-panel summary', { hasText: '批准' }).click();
    await page.check('input[name="financeSignOff"]');
    await page.click('.reward-panel button[data-action="approve"]');
    await page.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=reward_approve#reward`);
    expect(await page.locator('[data-reward="status"]').textContent()).toBe('已告知举报人');
    expect(await page.locator('[data-reward="finance"]').textContent()).toBe('已会签');
    expect(await page.locator('.notice-success').textContent()).toContain('批准');
    expect(await page.locator('.timeline-entry[data-event="reward_notified"]').textContent()).toContain(approver.username);
    await screenshot(page, 'reward-approve-2-approved');
    await context.close();
  }, 30_000);

  it('lets an officer assess and see the amount before proposing it', async () => {
    const caseNumber = await penalisedReport(100_000_000); // 1,000,000 CNY
    const officer = await createStaff(t, { role: 'reward_officer' });
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/staff/login`);
    await page.fill('#username', officer.username);
    await page.fill('#password', officer.password);
    await page.click('form.staff-login button[type="submit"]');
    await page.waitForURL(`${server.url}/staff/rewards`);
    await page.goto(`${server.url}/staff/cases/${caseNumber}`);
    await page.locator('.reward-panel summary', { hasText: '评定是否符合条件' }).click();
    await page.click('.reward-panel button[data-action="assess"]');
    await page.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=reward_assess#reward`);
    await page.locator('.reward-panel summary', { hasText: '提出奖励金额' }).click();
    await page.selectOption('#reward-propose-level', '2');
    await page.fill('#reward-propose-note', '线索具体，协助查处');
    await page.click('.reward-panel button[value="preview"]');
    // 3 % of 1,000,000 CNY
    expect(await page.locator('[data-reward="preview"]').textContent()).toContain('合计 30,000.00 元');
    await screenshot(page, 'reward-propose-preview');
    expect(await seriousViolations(page)).toEqual([]);
    await page.click('.reward-panel button[value="confirm"]');
    await page.waitForURL(`${server.url}/staff/cases/${caseNumber}?notice=reward_propose#reward`);
    expect(await page.locator('[data-reward="status"]').textContent()).toBe('已提出金额');
    expect(await page.locator('[data-reward="amount"]').textContent()).toBe('30,000.00 元');
    await context.close();
  }, 30_000);
});
