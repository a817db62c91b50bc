/**
 * The mailed rating link on a phone and a desktop, in zh-CN and English: rate once, refresh and go
 * back; then the intake centre finds the low rating on its re-handling list. axe on each page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueRatingLink } from '../../server/satisfaction/rating-link.service.js';
import { startPath } from '../../web/staff/places.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { expectAccessible } from '../helpers/axe.js';
import { complaint } from '../helpers/bodies.js';
import { launchBrowser, screenshot, startServer, type RunningServer } from '../helpers/browser.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let server: RunningServer;
let browser: Browser;
let handler: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  [server, browser] = await Promise.all([startServer(t.app), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await t?.close();
});

/** A closed complaint and the path of a fresh rating link for it. */
async function closedWithLink(): Promise<{ caseNumber: string; path: string }> {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body;
  const n = filed.caseNumber as string;
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'accept' }, handler);
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'close', reply: '已处理。' }, handler);
  const row = await t.deps.db.selectFrom('cases').select('id').where('case_number', '=', n).executeTakeFirstOrThrow();
  return { caseNumber: n, path: new URL(await issueRatingLink(t.deps, row.id)).pathname };
}

const TEXT = {
  zh: { title: '评价案件', thanks: '感谢您的评价', rated: '本件已评价', list: '重办建议' },
  en: { title: 'Rate case', thanks: 'Thank you for your rating', rated: 'This case has been rated', list: 'Re-handling suggestions' },
} as const;

for (const lang of ['zh', 'en'] as const) {
  for (const width of [390, 1280]) {
    describe(`rating link in ${lang} at ${width} px`, { timeout: 60_000 }, () => {
      let context: BrowserContext;
      let page: Page;
      beforeAll(async () => {
        context = await browser.newContext({ bypassCSP: true, locale: lang === 'en' ? 'en-GB' : 'zh-CN', viewport: { width, height: 800 } });
        page = await context.newPage();
      });
      afterAll(async () => { await context?.close(); });

      it('rates once; refresh and back show it was rated; the intake centre lists it', async () => {
        const { caseNumber, path } = await closedWithLink();
        const q = lang === 'en' ? '?lang=en' : '';
        const opened = await page.goto(`${server.url}${path}${q}`);
        expect(opened?.status()).toBe(200);
        expect(await page.textContent('h1')).toContain(TEXT[lang].title);
        await expectAccessible(page, `${lang}-${width}-rate-form`);
        await page.check('#rating-2', { force: true });
        await page.check('#resolved-no', { force: true });
        await page.fill('#satisfaction-comment', lang === 'en' ? 'Nothing changed.' : '问题没有解决。');
        await page.click('form.followup-form button[type="submit"]');
        await page.waitForSelector('[role="status"]');
        expect(await page.textContent('main')).toContain(TEXT[lang].thanks);
        await screenshot(page, `rate-${lang}-${width}`);
        await page.reload();
        expect(await page.textContent('main')).toContain(TEXT[lang].rated);
        expect(await page.$('form.followup-form')).toBeNull();
        await page.goBack();
        expect(await page.textContent('main')).toContain(TEXT[lang].rated);
        await expectAccessible(page, `${lang}-${width}-rate-done`);

        const intake = await createStaff(t, { role: 'intake', department: 'intake-440000' });
        await page.goto(`${server.url}/staff/login?lang=${lang}`);
        await page.fill('#username', intake.username);
        await page.fill('#password', intake.password);
        const code = await intake.code();
        if (code) await page.fill('#totp', code);
        await page.click('form.staff-login button[type="submit"]');
        await page.waitForURL((url) => url.pathname === startPath('intake'));
        await page.click('a[href="/staff/rehandle"]');
        expect(await page.textContent('h1')).toContain(TEXT[lang].list);
        expect(await page.$(`tr[data-case="${caseNumber}"]`)).not.toBeNull();
        await expectAccessible(page, `${lang}-${width}-rehandle`);
        await screenshot(page, `rehandle-${lang}-${width}`);
        await context.clearCookies();
      });
    });
  }
}
