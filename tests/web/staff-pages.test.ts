import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { csrfOf, getPage, postForm as postFormAs, signIn as signInAs, type Session } from '../helpers/pages.js';
import { bearer, createStaff, type StaffOptions } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const signIn = (options: StaffOptions) => signInAs(t, options);

const page = (path: string, s?: Session) => getPage(t, path, s);

const postForm = (path: string, fields: Record<string, string>, s: Session) => postFormAs(t, path, fields, s);

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
const apiCase = async (n: string, s: Session) => (await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, bearer(s.token))).body;

describe('staff pages', () => {
  it('redirects a signed-out visitor to the login page', async () => {
    const res = await page('/staff');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login');
    expect((await page('/staff/cases/GD2026110200001')).headers.get('location')).toBe('/staff/login');
  });

  it('lets a 天河区 handler find a complaint in the queue and accept it with the form', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(complaint());

    const queue = await page('/staff', handler);
    expect(queue.status).toBe(200);
    expect(queue.headers.get('cache-control')).toBe('no-store');
    expect(queue.html).toContain('<html lang="zh-CN">');
    expect(queue.html).toContain(`href="/staff/cases/${n}"`);
    expect(queue.html).toContain('食品安全');
    expect(queue.html).toContain('天河区');
    expect(queue.html).toContain('badge-ok');
    expect(queue.html).toContain('action="/staff/logout"');

    const casePage = await page(`/staff/cases/${n}`, handler);
    expect(casePage.status).toBe(200);
    expect(casePage.html).toContain('某某食品有限公司');
    expect(casePage.html).toContain('决定是否受理');
    expect(casePage.html).toContain('name="action" value="accept"');
    expect(casePage.html).toContain('name="ground"');
    expect(casePage.html).toContain('联系方式（已遮盖）');

    const res = await postForm(`/staff/cases/${n}/actions`, { _csrf: csrfOf(casePage.html), action: 'accept' }, handler);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff/cases/${n}?done=accept`);
    expect((await apiCase(n, handler)).status).toBe('accepted');

    const after = await page(`/staff/cases/${n}?done=accept`, handler);
    expect(after.html).toContain('已完成操作：受理。');
    expect(after.html).toContain('已收到 → 已受理');
  });

  it('sends a handler who returned a case back to the queue with a notice', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(complaint());
    const form = await page(`/staff/cases/${n}`, handler);
    const res = await postForm(`/staff/cases/${n}/actions`, { _csrf: csrfOf(form.html), action: 'request_transfer', reason: '不属于本局管辖' }, handler);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/staff?done=request_transfer&case=${n}`);
    expect((await page(res.headers.get('location')!, handler)).html).toContain(`案件 ${n} 已不在您的队列中。`);
  });

  it('refuses an action form without the CSRF token with 403', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(complaint());
    const res = await postForm(`/staff/cases/${n}/actions`, { action: 'accept' }, handler);
    expect(res.status).toBe(403);
    expect(res.html).toContain('表单已过期');
    expect((await apiCase(n, handler)).status).toBe('received');
    const wrong = await postForm(`/staff/cases/${n}/actions`, { _csrf: 'not-the-token', action: 'accept' }, handler);
    expect(wrong.status).toBe(403);
  });

  it('answers 404 for a 深圳 housing case to the 天河区 handler', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(complaint({ category: 'engineering.housing', region: '440300', subject: { name: '某某地产公司' } }));
    const res = await page(`/staff/cases/${n}`, handler);
    expect(res.status).toBe(404);
    expect(res.html).toContain('找不到该案件');
    expect((await page('/staff', handler)).html).not.toContain(n);
    expect((await page('/staff/cases/not-a-number', handler)).status).toBe(404);
  });

  it('shows the 409 message for an illegal action and keeps what was typed', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(complaint());
    const form = await page(`/staff/cases/${n}`, handler);
    const res = await postForm(`/staff/cases/${n}/actions`, { _csrf: csrfOf(form.html), action: 'mediated', reason: '双方和解' }, handler);
    expect(res.status).toBe(409);
    expect(res.html).toContain('操作未完成：调解成功');
    expect(res.html).toContain('案件当前的状态不允许此操作。');
    expect(res.html).toContain('The action mediated is not allowed while the complaint is received');
    expect(res.html).toContain('双方和解');
  });

  it('re-shows a not_accept form without a ground with 400 and the typed reason', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(complaint());
    const form = await page(`/staff/cases/${n}`, handler);
    const res = await postForm(`/staff/cases/${n}/actions`, { _csrf: csrfOf(form.html), action: 'not_accept', ground: '', reason: '材料不全' }, handler);
    expect(res.status).toBe(400);
    expect(res.html).toMatch(/<details class="action-details" open="">\s*<summary>不予受理/);
    expect(res.html).toContain('>材料不全</textarea>');
    expect(res.html).toContain('请填写此项');
  });

  it('converts a fine typed in yuan to fen', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(report());
    for (const action of ['start_verification', 'open_case']) {
      await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action }, bearer(handler.token));
    }
    const form = await page(`/staff/cases/${n}`, handler);
    expect(form.html).toContain('name="fineYuan"');
    const res = await postForm(`/staff/cases/${n}/actions`, { _csrf: csrfOf(form.html), action: 'decide_penalty', fineYuan: '12,345.6' }, handler);
    expect(res.status).toBe(303);
    expect((await apiCase(n, handler)).fineFen).toBe(1_234_560);
  });

  it('HTML-escapes what a reporter wrote', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await submit(complaint({ description: '月饼发霉 <script>alert("x")</script> 商家拒绝退款' }));
    const res = await page(`/staff/cases/${n}`, handler);
    expect(res.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(res.html).not.toContain('<script>alert');
  });

  it('offers the intake centre a triage filter with its count and English text', async () => {
    const intake = await signIn({ role: 'intake', department: 'intake-440000' });
    const n = await submit(complaint({ category: 'other' }));
    await submit(complaint());
    const res = await page('/staff?triage=1&lang=en', intake);
    expect(res.html).toContain('<html lang="en">');
    expect(res.html).toMatch(/href="\/staff\?triage=1"[^>]*aria-current="page"[^>]*>Triage <span class="count">1<\/span>/);
    expect(res.html).toContain(n);
    expect(res.html).toContain('Awaiting intake centre triage');
    const casePage = await page(`/staff/cases/${n}?lang=en`, intake);
    expect(casePage.html).toContain('name="department"');
    expect(casePage.html).toContain('Assign');
  });

  it('pages the queue with a keyset cursor', async () => {
    const handler = await signIn({ role: 'handler' });
    const [first, second] = [await submit(complaint()), await submit(complaint())];
    const one = await page('/staff?limit=1', handler);
    expect(one.html).toContain(first);
    expect(one.html).not.toContain(second);
    const next = /<a[^>]*rel="next" href="([^"]+)"/.exec(one.html)?.[1]?.replaceAll('&amp;', '&');
    expect(next).toMatch(/^\/staff\?cursor=/);
    const two = await page(next!, handler);
    expect(two.html).toContain(second);
    expect(two.html).not.toContain(`>${first}<`);
  });

  it('signs out with the header form', async () => {
    const handler = await signIn({ role: 'handler' });
    const queue = await page('/staff', handler);
    const res = await postForm('/staff/logout', { _csrf: csrfOf(queue.html) }, handler);
    expect(res.status).toBe(303);
    expect((await page('/staff', handler)).headers.get('location')).toBe('/staff/login');
  });

  it('sends a role without a case queue on to its own start page', async () => {
    // (Every role's start page: tests/web/role-navigation.test.ts.)
    const officer = await signIn({ role: 'reward_officer' });
    const res = await page('/staff', officer);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/rewards');
  });

  it('shows supervisors the department overview and refuses handlers', async () => {
    const supervisor = await signIn({ role: 'supervisor' });
    const handler = await signIn({ role: 'handler' });
    await submit(complaint());
    const res = await page('/staff/overview?from=2026-11-01&to=2026-11-30', supervisor);
    expect(res.status).toBe(200);
    expect(res.html).toContain('及时签收率');
    expect(res.html).toContain('天河区');
    expect((await page('/staff/overview', handler)).status).toBe(403);
    expect((await page('/staff/overview?from=2026-11-31&to=2026-11-01', supervisor)).status).toBe(400);
  });
});
