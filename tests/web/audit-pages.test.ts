import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verificationSettled } from '../../server/audit/auditor.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { csrfOf, getPage, postForm, signIn, type Session } from '../helpers/pages.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const page = (path: string, s?: Session) => getPage(t, path, s);
const rowsOf = (html: string) => [...html.matchAll(/<tr><td>(\d+)/g)].map((m) => Number(m[1]));

/** Cases on two days; a handler accepts the first. Returns its case number. */
async function history() {
  const n = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body.caseNumber as string;
  t.clock.advance(24 * 3600_000);
  await call(t.app, 'POST', '/api/v1/cases', report());
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'accept' }, handler);
  return n;
}

describe('the auditors\' page', () => {
  it('lands an auditor on the audit log, linked in the header, newest entry first', async () => {
    await history();
    const auditor = await signIn(t, { role: 'auditor' });
    const home = await page('/staff', auditor);
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/staff/audit');
    const log = await page('/staff/audit', auditor);
    expect(log.status).toBe(200);
    expect(log.html).toContain('<a href="/staff/audit" aria-current="page">审计日志</a>');
    expect(log.html).toContain('尚未核验过');
    // Entries 1–5: two submissions, the handler's sign-in, the accept, the auditor's sign-in.
    expect(rowsOf(log.html)).toEqual([5, 4, 3, 2, 1]);
    expect(log.html).toContain('case.accept');
  });

  it('filters by action, actor, case number and date range, and pages through the log by its index', async () => {
    const n = await history();
    const auditor = await signIn(t, { role: 'auditor' });
    expect(rowsOf((await page('/staff/audit?action=case.submitted', auditor)).html)).toEqual([2, 1]);
    expect(rowsOf((await page(`/staff/audit?case=${n}`, auditor)).html)).toEqual([4, 1]);
    expect(rowsOf((await page(`/staff/audit?actor=${auditor.username}`, auditor)).html)).toEqual([5]);
    expect(rowsOf((await page('/staff/audit?from=2026-11-02&to=2026-11-02', auditor)).html)).toEqual([1]);
    expect(rowsOf((await page('/staff/audit?from=2026-11-03&action=case.submitted', auditor)).html)).toEqual([2]);
    expect(rowsOf((await page('/staff/audit?case=GD2026000000000', auditor)).html)).toEqual([]);

    for (let i = 0; i < 60; i++) await call(t.app, 'POST', '/api/v1/cases', complaint());
    const first = await page('/staff/audit?action=case.submitted', auditor);
    expect(rowsOf(first.html)).toHaveLength(50);
    const next = /href="([^"]+)" rel="next"/.exec(first.html)![1]!.replaceAll('&amp;', '&');
    const second = await page(next, auditor);
    expect(rowsOf(second.html)).toHaveLength(12);
    expect([...rowsOf(first.html), ...rowsOf(second.html)]).toEqual(
      (await t.store.db.selectFrom('audit_log').select('seq').where('action', '=', 'case.submitted').orderBy('seq', 'desc').execute()).map((r) => r.seq),
    );
    expect(second.html).not.toContain('rel="next"');
  });

  it('answers a bad filter with 400 and says what is wrong', async () => {
    const auditor = await signIn(t, { role: 'auditor' });
    const bad = await page('/staff/audit?from=2026-13-45&case=x', auditor);
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('筛选条件有误');
    expect(bad.html).toContain('not a case number');
  });

  it('runs a verification and shows its result, which is itself an audit entry', async () => {
    await history();
    const auditor = await signIn(t, { role: 'auditor' });
    const form = await page('/staff/audit?lang=en', auditor);
    expect(form.html).toContain('Not verified yet.');
    const started = await postForm(t, '/staff/audit/verify?lang=en', { _csrf: csrfOf(form.html) }, auditor);
    expect(started.status).toBe(303);
    expect(started.headers.get('location')).toBe('/staff/audit?verify=started&lang=en');
    await verificationSettled(t.deps); // it runs in the background
    const after = await page('/staff/audit?lang=en', auditor);
    expect(after.html).toContain('Verified: 5 entries, every link and every HMAC correct.');
    expect(after.html).toContain('No anchor to check');
    const entries = await t.store.db.selectFrom('audit_log').select(['actor', 'action']).where('action', '=', 'audit.verified').execute();
    expect(entries).toEqual([{ actor: auditor.username, action: 'audit.verified' }]);
  });

  it('shows a failed verification naming the entry', async () => {
    await history();
    t.store.sqlite.exec('DROP TRIGGER audit_log_no_update');
    t.store.sqlite.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 3").run();
    const auditor = await signIn(t, { role: 'auditor' });
    const form = await page('/staff/audit?lang=en', auditor);
    await postForm(t, '/staff/audit/verify', { _csrf: csrfOf(form.html) }, auditor);
    await verificationSettled(t.deps);
    const after = await page('/staff/audit?lang=en', auditor);
    expect(after.html).toContain('Verification failed at entry 3: its content was changed');
  });

  it('refuses every other role with 403, and the verify form without its CSRF token', async () => {
    for (const role of ['handler', 'supervisor', 'intake', 'custodian', 'admin', 'reward_officer'] as const) {
      const s = await signIn(t, { role });
      expect((await page('/staff/audit', s)).status, role).toBe(403);
      const csrf = csrfOf((await page('/staff/overview', s)).html) || 'x';
      expect((await postForm(t, '/staff/audit/verify', { _csrf: csrf }, s)).status, role).toBe(403);
      expect((await page('/staff', s)).html, role).not.toContain('href="/staff/audit"');
    }
    const auditor = await signIn(t, { role: 'auditor' });
    expect((await postForm(t, '/staff/audit/verify', { _csrf: 'wrong' }, auditor)).status).toBe(403);
    expect(await t.store.db.selectFrom('audit_log').select('seq').where('action', '=', 'audit.verified').execute()).toEqual([]);
    expect((await page('/staff/audit')).status).toBe(303); // no session: to the login page
  });
});
