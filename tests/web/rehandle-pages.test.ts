/** The rating on the staff case page and timeline, and the intake centre's re-handling list page. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { getPage, signIn as signInAs, type Session } from '../helpers/pages.js';
import { bearer, type StaffOptions } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const signIn = (options: StaffOptions) => signInAs(t, options);
const page = (path: string, s?: Session) => getPage(t, path, s);

/** A complaint closed by `handler` and rated by its reporter. */
async function ratedCase(handler: Session, rating: { rating: number; resolved: boolean; comment?: string }) {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body;
  const n = filed.caseNumber as string;
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'accept' }, bearer(handler.token));
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'close', reply: '已处理。' }, bearer(handler.token));
  const reporter = bearer((await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.receipt })).body.token);
  expect((await call(t.app, 'POST', '/api/v1/followup/satisfaction', rating, reporter)).status).toBe(201);
  return n;
}

describe('re-handling pages', () => {
  it('shows the rating on the case page and its timeline, the comment redacted, in zh and en', async () => {
    const handler = await signIn({ role: 'handler' });
    const n = await ratedCase(handler, { rating: 1, resolved: false, comment: '请打13912345678联系我，商家没有退款' });
    const zh = await page(`/staff/cases/${n}`, handler);
    expect(zh.status).toBe(200);
    expect(zh.html).toContain('满意度评价');
    expect(zh.html).toContain('1 分（满分 5 分）');
    expect(zh.html).toContain('未解决');
    expect(zh.html).toContain('商家没有退款');
    expect(zh.html).not.toContain('13912345678');
    expect(zh.html).toContain('data-event="rated"');
    expect(zh.html).toContain('举报人评价');
    const en = await page(`/staff/cases/${n}?lang=en`, handler);
    expect(en.html).toContain('Satisfaction');
    expect(en.html).toContain('1 out of 5');
    expect(en.html).toContain('Rated by the reporter');
  });

  it('lists low ratings for the intake centre, linked in its header, and refuses other roles', async () => {
    const handler = await signIn({ role: 'handler' });
    const intake = await signIn({ role: 'intake', department: 'intake-440000' });
    const low = await ratedCase(handler, { rating: 2, resolved: true });
    const good = await ratedCase(handler, { rating: 5, resolved: true });

    const queue = await page('/staff', intake);
    expect(queue.html).toContain('href="/staff/rehandle"');
    expect((await page('/staff', handler)).html).not.toContain('href="/staff/rehandle"');

    const list = await page('/staff/rehandle', intake);
    expect(list.status).toBe(200);
    expect(list.html).toContain('重办建议');
    expect(list.html).toContain(`data-case="${low}"`);
    expect(list.html).not.toContain(`data-case="${good}"`);
    expect(list.html).toContain('天河区');
    expect(list.html).toContain('尚未重办');
    const en = await page('/staff/rehandle?lang=en', intake);
    expect(en.html).toContain('Re-handling suggestions');
    expect(en.html).toContain(`href="/staff/cases/${low}?lang=en"`);

    expect((await page('/staff/rehandle', handler)).status).toBe(403);
    expect((await page('/staff/rehandle')).status).toBe(303);
  });

  it('says so when the list is empty', async () => {
    const intake = await signIn({ role: 'intake', department: 'intake-440000' });
    const list = await page('/staff/rehandle', intake);
    expect(list.status).toBe(200);
    expect(list.html).toContain('目前没有重办建议');
  });
});
