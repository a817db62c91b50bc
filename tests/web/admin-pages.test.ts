import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../server/staff/roles.js';
import { report } from '../helpers/bodies.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let admin: { username: string; cookie: string; csrf: string; token: string };

const formHeaders = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };

/** Signs in through the login form, as a browser does; returns the session cookie and its CSRF token. */
async function signIn(role: Role) {
  const staff = await createStaff(t, { role });
  const fields = { username: staff.username, password: staff.password, totp: await staff.code() };
  const res = await t.app.request('/staff/login', { method: 'POST', headers: formHeaders, body: new URLSearchParams(fields).toString() });
  const cookie = `intake_session=${/intake_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]}`;
  const csrf = (await call(t.app, 'GET', '/api/v1/staff/me', undefined, { cookie })).body.csrfToken as string;
  // A one-time code is accepted once: the API sign-in waits for the next one.
  t.clock.advance(30_000);
  return { username: staff.username, cookie, csrf, token: await staff.login() };
}

beforeEach(async () => {
  t = await createTestApp();
  admin = await signIn('admin');
});
afterEach(async () => { await t.close(); });

const get = async (path: string, cookie = admin.cookie) => {
  const res = await t.app.request(path, { headers: { cookie } });
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const post = async (path: string, fields: Record<string, string | string[]>, { csrf = true, cookie = admin.cookie } = {}) => {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) body.append(name, one);
  if (csrf) body.append('_csrf', admin.csrf);
  const res = await t.app.request(path, { method: 'POST', headers: { ...formHeaders, cookie }, body: body.toString() });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
};
const api = (method: string, path: string) => call(t.app, method, `/api/v1/admin${path}`, undefined, bearer(admin.token));

const pages = [
  '/staff/admin', '/staff/admin/users', '/staff/admin/departments', '/staff/admin/departments?agency=housing',
  '/staff/admin/departments/samr-440106', '/staff/admin/routing', '/staff/admin/routing/rules/rule-product.food',
  '/staff/admin/routing/categories/product.food', '/staff/admin/preview', '/staff/admin/changes', '/staff/admin/holds',
];

describe('admin pages', () => {
  it('render for an admin in Chinese and English, with the CSRF field in every post form and no inline script or style', async () => {
    for (const path of [...pages, `/staff/admin/users/${admin.username}`]) {
      const zh = await get(path);
      expect(zh.status, path).toBe(200);
      expect(zh.html).toContain('lang="zh-CN"');
      expect(zh.html).toContain('系统管理');
      expect(zh.headers.get('cache-control')).toBe('no-store');
      expect(zh.html).not.toMatch(/<script|style=|<style/);
      for (const [, attrs, inner] of zh.html.matchAll(/<form([^>]*)>([\s\S]*?)<\/form>/g)) {
        if (/method="post"/.test(attrs ?? '')) expect(inner, `${path} ${attrs}`).toContain(`name="_csrf" value="${admin.csrf}"`);
      }
      const en = await get(`${path}${path.includes('?') ? '&' : '?'}lang=en`);
      expect(en.html).toContain('Administration');
      expect(en.html).toContain('lang="en"');
    }
  });

  it('redirect a signed-out visitor to the login page, and show other roles a forbidden page', async () => {
    const out = await t.app.request('/staff/admin/users');
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/staff/login');
    for (const role of ['handler', 'auditor', 'intake'] as const) {
      const other = await signIn(role);
      const res = await get('/staff/admin/users', other.cookie);
      expect(res.status).toBe(403);
      expect(res.html).toContain('只有管理员可以使用系统管理页面');
      expect(res.html).not.toContain('<table');
      expect((await post('/staff/admin/users/x/disable', {}, { cookie: other.cookie })).status).toBe(403);
    }
  });

  it('refuse a post without the CSRF token, and change nothing', async () => {
    const res = await post('/staff/admin/departments/samr-440106', { nameZh: '天河', nameEn: 'Tianhe', email: 'x@example.org', jurisdiction: '440106' }, { csrf: false });
    expect(res.status).toBe(403);
    expect(res.html).toContain('表单已过期');
    const dept = (await api('GET', '/departments')).body.items.find((d: { code: string }) => d.code === 'samr-440106');
    expect(dept.email).toBe('samr-440106@departments.example');
    expect((await api('GET', '/changes')).body.items).toEqual([]);
  });
});

describe('admin forms', () => {
  it('create an account (303 to its page), re-show the form with messages on error, and never echo a password', async () => {
    const bad = await post('/staff/admin/users', { username: 'web.user', displayName: '网页用户', role: 'handler', department: 'samr-440106', password: 'short' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('未能保存');
    expect(bad.html).toContain('at least 12 characters');
    expect(bad.html).toContain('value="web.user"');
    expect(bad.html).not.toContain('value="short"');
    const ok = await post('/staff/admin/users', { username: 'web.user', displayName: '网页用户', role: 'handler', department: 'samr-440106', password: 'a long enough password' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe('/staff/admin/users/web.user?done=created');
    expect((await get(ok.location!)).html).toContain('账号已创建');
    expect((await call(t.app, 'POST', '/api/v1/staff/login', { username: 'web.user', password: 'a long enough password' })).status).toBe(200);
  });

  it('create a custodian that waits for a second admin, never show its secret, and approve it from the list as another admin', async () => {
    const res = await post('/staff/admin/users?lang=en', { username: 'web.custodian', role: 'custodian', password: 'a long enough password' });
    expect(res.location).toBe('/staff/admin/users/web.custodian?done=grantRequested&lang=en');
    const page = await get('/staff/admin/users/web.custodian?done=grantRequested&lang=en');
    expect(page.html).toContain('another admin must approve it');
    expect(page.html).toContain('Enrolment pending');
    expect(page.html).not.toMatch(/otpauth|secret=|receipt-code/);
    const list = await get('/staff/admin/users?lang=en');
    expect(list.html).toContain('Waiting for a second admin');
    expect(list.html).toContain('You asked for this');
    expect(list.html).not.toMatch(/\/grants\/[^/"]+\/approve/);
    const grantId = (await t.store.db.selectFrom('account_grants').select('id').executeTakeFirstOrThrow()).id;
    expect((await post(`/staff/admin/users/grants/${grantId}/approve`, {})).status).toBe(403);

    const second = await signIn('admin');
    const theirs = await get('/staff/admin/users', second.cookie);
    expect(theirs.html).toContain(`/staff/admin/users/grants/${grantId}/approve`);
    const body = new URLSearchParams({ _csrf: second.csrf }).toString();
    const approved = await t.app.request(`/staff/admin/users/grants/${grantId}/approve`, { method: 'POST', headers: { ...formHeaders, cookie: second.cookie }, body });
    expect(approved.status).toBe(303);
    expect(approved.headers.get('location')).toBe('/staff/admin/users?done=grantApproved');
    expect((await get('/staff/admin/users?lang=en')).html).toContain('Nothing waits for approval.');
    expect((await call(t.app, 'POST', '/api/v1/staff/login', { username: 'web.custodian', password: 'a long enough password' })).body.error.issues[0].message).toBe('enrolment required');
  });

  it('put a case under legal hold and clear it, with the reason audited; a wrong number is the form\'s error', async () => {
    const n = (await call(t.app, 'POST', '/api/v1/cases', report())).body.caseNumber as string;
    const set = await post('/staff/admin/holds', { caseNumber: n, reason: '法院协助调查通知书', action: 'set' });
    expect(set.location).toBe('/staff/admin/holds?done=holdSet');
    expect((await get('/staff/admin/holds')).html).toContain(n);
    expect((await api('GET', '/holds')).body.items).toEqual([expect.objectContaining({ caseNumber: n })]);
    const wrong = await post('/staff/admin/holds?lang=en', { caseNumber: 'GD000000000000', reason: 'a court order', action: 'set' });
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('No case GD000000000000');
    expect((await post('/staff/admin/holds', { caseNumber: n, reason: '', action: 'clear' })).status).toBe(400);
    expect((await post('/staff/admin/holds', { caseNumber: n, reason: '案件已审结', action: 'clear' })).location).toBe('/staff/admin/holds?done=holdCleared');
    const held = await t.store.db.selectFrom('cases').select('legal_hold').where('case_number', '=', n).executeTakeFirstOrThrow();
    expect(held.legal_hold).toBe(0);
    const audit = await t.store.db.selectFrom('audit_log').select(['actor', 'action']).where('action', 'like', 'case.legal_hold.%').orderBy('seq').execute();
    expect(audit).toEqual([{ actor: admin.username, action: 'case.legal_hold.set' }, { actor: admin.username, action: 'case.legal_hold.clear' }]);
  });

  it('disable, enable, reset a password and change a role, each redirecting 303', async () => {
    const user = await createStaff(t, { role: 'handler' });
    const base = `/staff/admin/users/${user.username}`;
    expect((await post(`${base}/disable`, {})).location).toBe(`${base}?done=disabled`);
    expect((await call(t.app, 'POST', '/api/v1/staff/login', { username: user.username, password: user.password })).status).toBe(401);
    expect((await post(`${base}/enable?lang=en`, {})).location).toBe(`${base}?done=enabled&lang=en`);
    expect((await post(`${base}/password`, { password: 'another long password' })).status).toBe(303);
    expect((await call(t.app, 'POST', '/api/v1/staff/login', { username: user.username, password: 'another long password' })).status).toBe(200);
    const noDept = await post(`${base}/role`, { role: 'supervisor', department: '' });
    expect(noDept.status).toBe(400);
    expect(noDept.html).toContain('a supervisor needs a department');
    expect((await post(`${base}/role`, { role: 'auditor', department: '' })).status).toBe(303);
    expect((await get(base)).html).toContain('审计员');
    expect((await post(`/staff/admin/users/${admin.username}/disable`, {})).status).toBe(409);
  });

  it('edit a department; the change shows in the API and in the change log under the admin', async () => {
    const res = await post('/staff/admin/departments/samr-440106', {
      nameZh: '广州市天河区市场监督管理局', nameEn: 'Tianhe District Administration for Market Regulation',
      email: 'tianhe@samr.example.org', active: 'on', jurisdiction: '440106, 440111',
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/staff/admin/departments/samr-440106?done=department');
    const dept = (await api('GET', '/departments')).body.items.find((d: { code: string }) => d.code === 'samr-440106');
    expect(dept).toMatchObject({ email: 'tianhe@samr.example.org', jurisdiction: ['440106', '440111'], active: true });
    const log = await get('/staff/admin/changes');
    expect(log.html).toContain(admin.username);
    expect(log.html).toContain('email: samr-440106@departments.example → tianhe@samr.example.org');
    const bad = await post('/staff/admin/departments/samr-440106', { nameZh: 'x', nameEn: 'y', email: 'nope', jurisdiction: '449999' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('value="449999"');
  });

  it('add a routing rule that the preview and the next submission follow, then deactivate it', async () => {
    const added = await post('/staff/admin/routing/rules', { category: 'product.food', kind: 'report', agency: 'health', priority: '10', note: '' });
    expect(added.status).toBe(303);
    const id = /\/staff\/admin\/routing\/rules\/([^?]+)\?done=ruleCreated$/.exec(added.location ?? '')?.[1];
    expect(id).toMatch(/^rule-product\.food\.report-/);
    const preview = await get('/staff/admin/preview?category=product.food&region=440106&kind=report');
    expect(preview.html).toContain('health-440100');
    expect(preview.html).toContain(id!);
    expect((await call(t.app, 'POST', '/api/v1/cases', report())).body.department.code).toBe('health-440100');
    expect((await post(`/staff/admin/routing/rules/${id}/deactivate`, {})).location).toBe(`/staff/admin/routing/rules/${id}?done=ruleDeactivated`);
    const after = await get('/staff/admin/preview?category=product.food&region=440106&kind=report');
    expect(after.html).toContain('samr-440106');
    expect(after.html).toContain('rule-product.food');
    expect((await get('/staff/admin/preview?category=other&region=440106')).html).toContain('待分派队列');
    expect((await get('/staff/admin/preview?category=product.food&region=abc')).status).toBe(400);
    const bad = await post('/staff/admin/routing/rules', { category: '', kind: '', agency: 'samr', priority: 'high', note: '' });
    expect(bad.status).toBe(400);
  });

  it('edit a rule and a category (kinds as checkboxes)', async () => {
    const rule = await post('/staff/admin/routing/rules/rule-product.food', { category: 'product.food', kind: '', agency: 'samr', priority: '3', note: 'edited', active: 'on' });
    expect(rule.status).toBe(303);
    expect((await api('GET', '/routing-rules')).body.items.find((r: { id: string }) => r.id === 'rule-product.food')).toMatchObject({ priority: 3, note: 'edited', active: true });
    const category = await post('/staff/admin/routing/categories/product.food', { nameZh: '食品安全', nameEn: 'Food', agency: 'samr', kinds: ['complaint', 'report'] });
    expect(category.status).toBe(303);
    expect((await api('GET', '/categories')).body.items.find((c: { code: string }) => c.code === 'product.food')).toMatchObject({ kinds: ['complaint', 'report'], name: { en: 'Food' } });
    expect((await post('/staff/admin/routing/categories/product.food', { nameZh: '食品安全', nameEn: 'Food', agency: '' })).status).toBe(400);
    expect((await get('/staff/admin/routing/rules/no-such-rule')).status).toBe(404);
  });
});
