/**
 * axe-core on the staff side, in Chinese and in English: the login page, each role's start page, the
 * handler's queue and case page, the reward queue and a case's reward panel, the department overview,
 * every admin page, the staff error pages, and the follow-up page of a reporter with a reward to
 * claim. No violation of impact serious or critical may remain. The public pages: a11y.test.ts.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../domain/vocabulary.js';
import { placePaths, rolePlaces, startPath } from '../../web/staff/places.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { expectAccessible } from '../helpers/axe.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, startServer, type RunningServer } from '../helpers/browser.js';
import { notifiedReward, type NotifiedReward } from '../helpers/rewards.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;
let caseNumber: string;
let reward: NotifiedReward;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  caseNumber = (await call(t.app, 'POST', '/api/v1/cases', report())).body.caseNumber as string;
  reward = await notifiedReward(t, { fineFen: 10_000_000 });
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** Signs in through the login form (a new account each time: a one-time code is used once). */
async function signIn(page: Page, role: Role, lang: 'zh' | 'en'): Promise<void> {
  const staff = await createStaff(t, { role });
  await page.goto(`${server.url}/staff/login?lang=${lang}`);
  await page.fill('#username', staff.username);
  await page.fill('#password', staff.password);
  const code = await staff.code();
  if (code) await page.fill('#totp', code);
  await page.click('form.staff-login button[type="submit"]');
  await page.waitForURL((url) => url.pathname === startPath(role));
}

/** Opens a page and checks it; `status` is what the page must answer with. */
async function visit(page: Page, path: string, name: string, status = 200): Promise<void> {
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(status);
  await expectAccessible(page, name);
}

for (const lang of ['zh', 'en'] as const) {
  describe(`staff pages in ${lang}`, { timeout: 60_000 }, () => {
    let context: BrowserContext;
    let page: Page;
    beforeAll(async () => {
      context = await browser.newContext({ bypassCSP: true, locale: lang === 'en' ? 'en-GB' : 'zh-CN' });
      page = await context.newPage();
    });
    afterAll(async () => { await context?.close(); });

    it('the login page, empty and with an error', async () => {
      await visit(page, `/staff/login?lang=${lang}`, `${lang}-staff-login`);
      await page.fill('#username', 'nobody');
      await page.fill('#password', 'wrong password');
      await page.click('form.staff-login button[type="submit"]');
      await page.waitForSelector('.error-summary');
      await expectAccessible(page, `${lang}-staff-login-error`);
    });

    for (const role of ROLES) {
      it(`the start page of ${role}`, async () => {
        await signIn(page, role, lang);
        await expectAccessible(page, `${lang}-start-${role}`);
      }, 60_000);
    }

    it('the handler\'s queue, case page and the staff error pages', async () => {
      await signIn(page, 'handler', lang);
      await visit(page, `/staff/cases/${caseNumber}`, `${lang}-case`);
      await visit(page, `/staff/cases/${reward.caseNumber}`, `${lang}-case-reward-readonly`);
      await visit(page, '/staff/nope', `${lang}-staff-not-found`, 404);
      await visit(page, '/staff/audit', `${lang}-staff-forbidden`, 403);
    }, 60_000);

    it('the supervisor\'s overview', async () => {
      await signIn(page, 'supervisor', lang);
      await visit(page, '/staff/overview', `${lang}-overview`);
    }, 60_000);

    it('the reward queue, rules and a case\'s reward panel', async () => {
      await signIn(page, 'reward_officer', lang);
      for (const place of rolePlaces.reward_officer) await visit(page, placePaths[place], `${lang}-reward-${place}`);
      await visit(page, `/staff/cases/${reward.caseNumber}`, `${lang}-reward-panel`);
    }, 60_000);

    it('every admin page', async () => {
      await signIn(page, 'admin', lang);
      for (const place of rolePlaces.admin) await visit(page, placePaths[place], `${lang}-admin-${place}`);
      await visit(page, '/staff/admin/preview?category=product.food&region=440106', `${lang}-admin-preview-result`);
      await visit(page, '/staff/admin/routing/rules/rule-product.food', `${lang}-admin-rule`);
      await visit(page, '/staff/admin/routing/categories/product.food', `${lang}-admin-category`);
      await visit(page, '/staff/admin/departments/samr-440106', `${lang}-admin-department`);
      await page.goto(`${server.url}/staff/admin/users`);
      await page.click('table a[href^="/staff/admin/users/"]');
      await page.waitForLoadState();
      await expectAccessible(page, `${lang}-admin-user`);
    }, 120_000);

    it('the follow-up page with a reward to claim', async () => {
      await page.goto(`${server.url}/followup?lang=${lang}`);
      await page.fill('#followup-receipt', reward.receipt);
      await page.click('form.followup-login button[type="submit"]');
      await page.waitForURL(`${server.url}/followup/case`);
      await expectAccessible(page, `${lang}-followup-reward`);
      await page.click('form[action*="/followup/logout"] button[type="submit"]');
    }, 60_000);
  });
}
