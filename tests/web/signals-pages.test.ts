/**
 * The risk desk's signals page (/staff/signals) in zh-CN and English: signals by status with their
 * cases linked, the acknowledge / dismiss form with its CSRF field, a refused dismissal shown again
 * with what was typed, the header link for the risk desk only; and in a browser at 390 px.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { expectAccessible } from '../helpers/axe.js';
import { report } from '../helpers/bodies.js';
import { launchBrowser, startServer } from '../helpers/browser.js';
import { csrfOf, getPage, postForm, signIn, type Session } from '../helpers/pages.js';
import { createStaff } from '../helpers/staff.js';

const CODE = '91440101MA5CJQ4N59';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

/** Five reports naming one business (a business signal) and ten in one city's week (a spike). */
async function raise(): Promise<{ business: string[]; spike: string[] }> {
  const business: string[] = [];
  for (let i = 0; i < 5; i++) {
    business.push((await call(t.app, 'POST', '/api/v1/cases', report({ subject: { name: '某某食品有限公司', creditCode: CODE } }))).body.caseNumber);
  }
  const spike: string[] = [];
  for (let i = 0; i < 10; i++) spike.push((await call(t.app, 'POST', '/api/v1/cases', report({ region: '440304' }))).body.caseNumber);
  return { business, spike };
}

const idOf = async (type: 'business' | 'product' | 'spike') =>
  (await t.deps.db.selectFrom('signals').select('id').where('type', '=', type).executeTakeFirstOrThrow()).id;
const navLinks = (html: string) => [...(/<nav class="staff-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? '').matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);

describe('signals page', () => {
  it('lists open signals with their cases linked, in zh and en', async () => {
    const { business, spike } = await raise();
    const desk = await signIn(t, { role: 'intake', department: 'intake-440000' });
    const zh = await getPage(t, '/staff/signals', desk);
    expect(zh.status).toBe(200);
    expect(zh.html).toContain('<h1>质量安全风险信号</h1>');
    expect(zh.html).toContain('同一经营主体多次被反映');
    expect(zh.html).toContain(`统一社会信用代码 ${CODE}`);
    expect(zh.html).toContain('深圳市：食品安全');
    expect(zh.html).toContain('2026-11-02 至 2026-11-08 这一周');
    for (const n of [...business, ...spike]) expect(zh.html).toContain(`<a href="/staff/cases/${n}">${n}</a>`);
    expect(zh.html).toContain('<a href="/staff/signals?status=open" aria-current="page">待处理</a>');
    expect(zh.html).toMatch(/<a href="\/staff\/signals" aria-current="page">风险信号<\/a>/);
    expect(csrfOf(zh.html)).not.toBe('');
    expect(zh.html).toContain('name="action" value="dismiss"');

    const en = await getPage(t, '/staff/signals?lang=en', desk);
    expect(en.html).toContain('<h1>Quality signals</h1>');
    expect(en.html).toContain(`Credit code ${CODE}`);
    expect(en.html).toContain('in Shenzhen');
    expect(en.html).toContain(`<a href="/staff/cases/${business[0]}?lang=en">`);
    expect(en.html).toContain('30 days (from 2026-10-04; later cases join until 2026-12-01)');
  });

  it('dismisses with a reason; without one the form comes back with the message and what was typed', async () => {
    await raise();
    const desk = await signIn(t, { role: 'intake', department: 'intake-440000' });
    const id = await idOf('business');
    const form = await getPage(t, '/staff/signals', desk);
    const _csrf = csrfOf(form.html);

    const refused = await postForm(t, `/staff/signals/${id}`, { _csrf, action: 'dismiss', reason: '  ' }, desk);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('排除信号须说明理由。');
    expect(refused.html).toContain(`aria-describedby="reason-${id}-hint reason-${id}-error"`);
    const tooLong = await postForm(t, `/staff/signals/${id}?lang=en`, { _csrf, action: 'dismiss', reason: '长'.repeat(1001) }, desk);
    expect(tooLong.status).toBe(400);
    expect(tooLong.html).toContain('The reason may be at most 1000 characters.');
    expect(tooLong.html).toContain('长'.repeat(1001));

    expect((await postForm(t, `/staff/signals/${id}`, { action: 'dismiss', reason: '已核查' }, desk)).status).toBe(403);

    const done = await postForm(t, `/staff/signals/${id}`, { _csrf, action: 'dismiss', reason: '已核查，系同一消费者重复投诉' }, desk);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/staff/signals?done=dismiss');
    const after = await getPage(t, '/staff/signals?done=dismiss', desk);
    expect(after.html).toContain('已排除信号。');
    expect(after.html).not.toContain(`data-signal="${id}"`);
    const dismissed = await getPage(t, '/staff/signals?status=dismissed', desk);
    expect(dismissed.html).toContain(`data-signal="${id}"`);
    expect(dismissed.html).toContain('已核查，系同一消费者重复投诉');
    expect(dismissed.html).not.toContain(`action="/staff/signals/${id}"`);

    const again = await postForm(t, `/staff/signals/${id}`, { _csrf, action: 'acknowledge', reason: '' }, desk);
    expect(again.status).toBe(409);
    expect(again.html).toContain('该信号已被他人处理');
    const spike = await idOf('spike');
    const ack = await postForm(t, `/staff/signals/${spike}?lang=en`, { _csrf, action: 'acknowledge', reason: '' }, desk);
    expect(ack.headers.get('location')).toBe('/staff/signals?done=acknowledge&lang=en');
  });

  it('links the page for the risk desk only, and refuses other staff', async () => {
    await raise();
    const samr = await signIn(t, { role: 'supervisor', department: 'samr-440000' });
    const queue = await getPage(t, '/staff', samr);
    expect(navLinks(queue.html)).toContain('/staff/signals');
    expect((await getPage(t, '/staff/signals', samr)).status).toBe(200);

    const district: Session = await signIn(t, { role: 'handler' });
    const own = await getPage(t, '/staff', district);
    expect(navLinks(own.html)).not.toContain('/staff/signals');
    expect((await getPage(t, '/staff/signals', district)).status).toBe(403);
    expect((await getPage(t, '/staff/signals')).status).toBe(303);
  });

  it('says so when there is no signal', async () => {
    const desk = await signIn(t, { role: 'intake' });
    expect((await getPage(t, '/staff/signals', desk)).html).toContain('没有该状态的信号。');
  });
});

describe('signals page in a browser at 390 px', { timeout: 90_000 }, () => {
  let browser: Browser | undefined;
  afterAll(async () => { await browser?.close(); });

  for (const lang of ['zh', 'en'] as const) {
    it(`fits a phone, passes axe and keeps a refused reason (${lang})`, async () => {
      const { business } = await raise();
      const server = await startServer(t.app);
      browser ??= await launchBrowser();
      const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
      try {
        const page = await context.newPage();
        const desk = await createStaff(t, { role: 'intake' });
        await page.goto(`${server.url}/staff/login?lang=${lang}`);
        await page.fill('#username', desk.username);
        await page.fill('#password', desk.password);
        await page.click('form.staff-login button[type="submit"]');
        await page.waitForURL((url) => url.pathname === '/staff');
        await page.click('a[href^="/staff/signals"]');
        await page.waitForURL((url) => url.pathname === '/staff/signals');
        expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
        await expectAccessible(page, `signals-${lang}-390`);

        const card = page.locator('section.signal', { hasText: CODE });
        await card.locator('button[value="dismiss"]').click();
        await page.waitForSelector('.error-message');
        expect(await page.textContent('.error-message')).toBe(lang === 'en' ? 'Give a reason to dismiss the signal.' : '排除信号须说明理由。');
        await expectAccessible(page, `signals-${lang}-390-refused`);
        await card.locator('textarea').fill(lang === 'en' ? 'Checked: one consumer, twice.' : '已核查');
        await card.locator('button[value="acknowledge"]').click();
        await page.waitForSelector('.notice-success');
        await page.click(`a[href^="/staff/signals?status=acknowledged"]`);
        const shown = page.locator('section.signal', { hasText: CODE });
        expect(await shown.locator('a[href^="/staff/cases/"]').count()).toBe(business.length);
        expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});
