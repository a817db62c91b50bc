import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.service.js';
import type { Role } from '../../server/staff/roles.js';
import { totpCode } from '../../server/staff/totp.js';
import { report } from '../helpers/bodies.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let admin: { username: string; token: string };
beforeEach(async () => {
  t = await createTestApp();
  const staff = await createStaff(t, { role: 'admin' });
  admin = { username: staff.username, token: await staff.login() };
});
afterEach(async () => { await t.close(); });

const as = (method: string, path: string, body?: unknown, token = admin.token) =>
  call(t.app, method, `/api/v1/admin${path}`, body, bearer(token));
const login = (username: string, password: string) => call(t.app, 'POST', '/api/v1/staff/login', { username, password });
const me = (token: string) => call(t.app, 'GET', '/api/v1/staff/me', undefined, bearer(token));
const PASSWORD = 'correct horse battery';

const endpoints: [string, string, unknown?][] = [
  ['GET', '/users'], ['POST', '/users', { username: 'x.y.z', role: 'auditor', password: PASSWORD }],
  ['POST', '/users/admin/disable'], ['POST', '/users/admin/enable'],
  ['POST', '/users/admin/password', { password: PASSWORD }], ['POST', '/users/admin/role', { role: 'auditor' }],
  ['GET', '/departments'], ['PATCH', '/departments/samr-440106', { email: 'x@example.org' }],
  ['GET', '/routing-rules'], ['POST', '/routing-rules', { category: 'product.food', agency: 'samr' }],
  ['PATCH', '/routing-rules/rule-product.food', { priority: 5 }], ['DELETE', '/routing-rules/rule-product.food'],
  ['GET', '/categories'], ['PATCH', '/categories/product.food', { nameEn: 'Food' }],
  ['GET', '/route-preview?category=product.food&region=440106'], ['GET', '/changes'],
];
const otherRoles: Role[] = ['intake', 'handler', 'supervisor', 'reward_officer', 'reward_approver', 'custodian', 'auditor'];

describe('access to /api/v1/admin', () => {
  it('answers 401 signed out and 403 forbidden for every non-admin role, on every endpoint', async () => {
    for (const [method, path, body] of endpoints) {
      const res = await call(t.app, method, `/api/v1/admin${path}`, body);
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    for (const role of otherRoles) {
      const token = await (await createStaff(t, { role })).login();
      for (const [method, path, body] of endpoints) {
        const res = await as(method, path, body, token);
        expect(res.status, `${role} ${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('forbidden');
      }
    }
    expect((await as('GET', '/categories')).body.items).toHaveLength(27);
  });

  it('answers 403 for a cookie-authenticated change without the CSRF header', async () => {
    const other = await createStaff(t, { role: 'admin' });
    const ok = await call(t.app, 'POST', '/api/v1/staff/login', { username: other.username, password: other.password, totp: await other.code() });
    const cookie = `intake_session=${/intake_session=([^;]+)/.exec(ok.headers.get('set-cookie') ?? '')?.[1]}`;
    const refused = await call(t.app, 'PATCH', '/api/v1/admin/departments/samr-440106', { email: 'a@example.org' }, { cookie });
    expect(refused.status).toBe(403);
    const accepted = await call(t.app, 'PATCH', '/api/v1/admin/departments/samr-440106', { email: 'a@example.org' },
      { cookie, 'x-csrf-token': (await call(t.app, 'GET', '/api/v1/staff/me', undefined, { cookie })).body.csrfToken });
    expect(accepted.status).toBe(200);
  });
});

describe('accounts', () => {
  it('creates an account the new user can sign in with, and lists it without any secret', async () => {
    const res = await as('POST', '/users', { username: 'New.Handler', role: 'handler', department: 'samr-440106', displayName: '新承办人', password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ username: 'new.handler', role: 'handler', department: 'samr-440106', displayName: '新承办人', disabled: false });
    expect(res.body.totpSecret).toBeUndefined();
    const signedIn = await login('new.handler', PASSWORD);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user.role).toBe('handler');
    const list = await as('GET', '/users');
    expect(list.body.items.map((u: { username: string }) => u.username)).toContain('new.handler');
    expect(list.text).not.toMatch(/pbkdf2|password_hash|totp_secret/);
    expect((await as('POST', '/users', { username: 'new.handler', role: 'auditor', password: PASSWORD })).status).toBe(409);
  });

  it('makes a custodian disabled with a pending grant and no secret; a second admin approves, the owner enrols at sign-in', async () => {
    const res = await as('POST', '/users', { username: 'new.custodian', role: 'custodian', password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.totpSecret).toBeUndefined();
    expect(res.text).not.toMatch(/secret|otpauth/i);
    expect(res.body.user).toMatchObject({ disabled: true, totp: false, totpEnrolment: 'pending', pendingGrant: { kind: 'create', role: 'custodian', requestedBy: admin.username } });
    expect(res.body.grant).toMatchObject({ username: 'new.custodian', kind: 'create', status: 'pending' });
    expect((await login('new.custodian', PASSWORD)).status).toBe(401);

    const grants = await as('GET', '/grants');
    expect(grants.body.items).toEqual([expect.objectContaining({ id: res.body.grant.id, username: 'new.custodian' })]);
    expect((await as('POST', `/grants/${res.body.grant.id}/approve`)).status).toBe(403);
    const second = await createStaff(t, { role: 'admin' });
    const secondToken = await second.login();
    const approved = await as('POST', `/grants/${res.body.grant.id}/approve`, undefined, secondToken);
    expect(approved.status).toBe(200);
    expect(approved.body.grant).toMatchObject({ status: 'approved', decidedBy: second.username });
    expect((await as('POST', `/grants/${res.body.grant.id}/approve`, undefined, secondToken)).status).toBe(409);

    // The owner's first sign-in offers a secret once; the first code from it completes enrolment and sign-in.
    const offer = await login('new.custodian', PASSWORD);
    expect(offer.status).toBe(401);
    expect(offer.body.error.issues).toEqual([{ path: 'totp', message: 'enrolment required' }]);
    const { secret, otpauthUri } = offer.body.enrolment;
    expect(otpauthUri).toContain(`secret=${secret}`);
    const wrong = await call(t.app, 'POST', '/api/v1/staff/login', { username: 'new.custodian', password: PASSWORD, totp: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.enrolment).toBeUndefined();
    const done = await call(t.app, 'POST', '/api/v1/staff/login', { username: 'new.custodian', password: PASSWORD, totp: await totpCode(secret, t.clock.now()) });
    expect(done.status).toBe(200);
    expect(done.body.token).toBeTruthy();
    expect((await as('GET', '/users')).body.items.find((u: { username: string }) => u.username === 'new.custodian'))
      .toMatchObject({ disabled: false, totp: true, totpEnrolment: 'enrolled', pendingGrant: null });
    // Enrolled: a password alone no longer gets a new secret.
    const again = await login('new.custodian', PASSWORD);
    expect(again.body.error.issues).toEqual([{ path: 'totp', message: 'required' }]);
    expect(again.body.enrolment).toBeUndefined();
    expect(JSON.stringify((await as('GET', '/changes')).body)).not.toContain(secret);
  });

  it('waits for a second admin to give a role, re-enable or reset the password of a custodian; refuses a second request meanwhile', async () => {
    const second = await createStaff(t, { role: 'admin' });
    const user = await createStaff(t, { role: 'handler' });
    const asked = await as('POST', `/users/${user.username}/role`, { role: 'custodian' });
    expect(asked.status).toBe(202);
    expect(asked.body.user).toMatchObject({ role: 'handler', pendingGrant: { kind: 'role', role: 'custodian' } });
    expect((await as('POST', `/users/${user.username}/password`, { password: 'another long passphrase' })).status).toBe(409);
    expect((await as('POST', `/grants/${asked.body.grant.id}/deny`)).body.grant.status).toBe('denied');
    expect((await me(await user.login())).body.user.role).toBe('handler');

    const custodian = await createStaff(t, { role: 'custodian' });
    const reset = await as('POST', `/users/${custodian.username}/password`, { password: 'another long passphrase' });
    expect(reset.status).toBe(202);
    expect((await login(custodian.username, 'another long passphrase')).status).toBe(401);
    expect((await as('POST', `/grants/${reset.body.grant.id}/approve`, undefined, await second.login())).status).toBe(200);
    expect((await t.store.db.selectFrom('account_grants').select('password_hash').where('id', '=', reset.body.grant.id).executeTakeFirstOrThrow()).password_hash).toBeNull();
    const signedIn = await call(t.app, 'POST', '/api/v1/staff/login', { username: custodian.username, password: 'another long passphrase', totp: await custodian.code() });
    // The owner's secret was kept: the old code still works, and no new secret was offered.
    expect(signedIn.status).toBe(200);

    expect((await as('POST', `/users/${custodian.username}/disable`)).status).toBe(200);
    const enable = await as('POST', `/users/${custodian.username}/enable`);
    expect(enable.status).toBe(202);
    expect(enable.body.user.disabled).toBe(true);
    const promote = await as('POST', `/users/${user.username}/role`, { role: 'admin' });
    expect(promote.status).toBe(202);
    expect((await me(await user.login())).body.user.role).toBe('handler');
  });

  it('answers 400 with issues for a short password, a bad username or a handler without department', async () => {
    const res = await as('POST', '/users', { username: 'a', role: 'handler', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(expect.arrayContaining(['username', 'password']));
    const noDepartment = await as('POST', '/users', { username: 'lonely.handler', role: 'handler', password: PASSWORD });
    expect(noDepartment.status).toBe(400);
    expect(noDepartment.body.error.issues[0].path).toBe('department');
    expect((await as('POST', '/users/nobody.here/password', { password: 'too short' })).body.error.issues[0].path).toBe('password');
  });

  it('disabling blocks login and ends sessions; enabling lets the user back in', async () => {
    const user = await createStaff(t, { role: 'auditor' });
    const token = await user.login();
    const res = await as('POST', `/users/${user.username}/disable`);
    expect(res.status).toBe(200);
    expect(res.body.user.disabled).toBe(true);
    expect((await me(token)).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(401);
    expect((await as('POST', `/users/${user.username}/enable`)).body.user.disabled).toBe(false);
    expect((await me(token)).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(200);
    expect((await as('POST', `/users/${admin.username}/disable`)).status).toBe(409);
    expect((await as('POST', '/users/nobody.here/disable')).status).toBe(404);
  });

  it('resetting a password ends that user\'s sessions and takes only the new password', async () => {
    const user = await createStaff(t, { role: 'handler' });
    const token = await user.login();
    expect((await me(token)).status).toBe(200);
    const res = await as('POST', `/users/${user.username}/password`, { password: 'a brand new passphrase' });
    expect(res.status).toBe(200);
    expect((await me(token)).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(401);
    expect((await login(user.username, 'a brand new passphrase')).status).toBe(200);
    const changes = await as('GET', '/changes');
    expect(changes.body.items[0]).toMatchObject({ actor: admin.username, action: 'admin.user.password_reset', detail: { username: user.username, sessionsEnded: 1 } });
    expect(changes.text).not.toContain('a brand new passphrase');
  });

  it('changes a role and department, checked like a new account', async () => {
    const user = await createStaff(t, { role: 'handler' });
    expect((await as('POST', `/users/${user.username}/role`, { role: 'supervisor' })).status).toBe(400);
    const res = await as('POST', `/users/${user.username}/role`, { role: 'supervisor', department: 'samr-440100' });
    expect(res.body.user).toMatchObject({ role: 'supervisor', department: 'samr-440100' });
    expect((await me(await user.login())).body.user.role).toBe('supervisor');
    const changed = (await as('GET', '/changes')).body.items[0];
    expect(changed.detail).toEqual({ username: user.username, from: { role: 'handler', department: 'samr-440106' }, to: { role: 'supervisor', department: 'samr-440100' } });
    expect((await as('POST', `/users/${admin.username}/role`, { role: 'auditor' })).status).toBe(409);
  });
});

describe('departments', () => {
  it('an e-mail edit shows in GET and in the audit log under the admin\'s username', async () => {
    const res = await as('PATCH', '/departments/samr-440106', { email: 'tianhe@samr.example.org' });
    expect(res.status).toBe(200);
    expect(res.body.department).toMatchObject({ code: 'samr-440106', email: 'tianhe@samr.example.org', active: true, jurisdiction: ['440106'] });
    const listed = (await as('GET', '/departments')).body.items.find((d: { code: string }) => d.code === 'samr-440106');
    expect(listed.email).toBe('tianhe@samr.example.org');
    const entry = (await as('GET', '/changes')).body.items[0];
    expect(entry).toMatchObject({ actor: admin.username, action: 'admin.department.update' });
    expect(entry.detail).toEqual({ code: 'samr-440106', changes: { email: { from: 'samr-440106@departments.example', to: 'tianhe@samr.example.org' } } });
    expect(entry.at).toMatch(/\+08:00$/);
    expect(await verifyAuditChain(t.deps)).toMatchObject({ broken: null });
  });

  it('answers 400 with issues for an unknown region, a bad e-mail or an empty edit; 404 for no such department', async () => {
    const res = await as('PATCH', '/departments/samr-440106', { jurisdiction: ['440106', '449999'] });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ path: 'jurisdiction.1', message: 'region 449999 is not in the directory' }]);
    expect((await as('PATCH', '/departments/samr-440106', { email: 'not-an-address' })).body.error.issues[0].path).toBe('email');
    expect((await as('PATCH', '/departments/samr-440106', {})).status).toBe(400);
    expect((await as('PATCH', '/departments/samr-999999', { active: false })).status).toBe(404);
    expect((await as('PATCH', '/departments/intake-440000', { active: false })).status).toBe(409);
  });
});

describe('routing rules and the route preview', () => {
  const preview = (query: string) => as('GET', `/route-preview?${query}`);

  it('sends product.food in 440106 to samr-440106 by rule-product.food, and other to triage', async () => {
    const res = await preview('category=product.food&region=440106');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ department: { code: 'samr-440106', name: { zh: '广州市天河区市场监督管理局' } }, rule: 'rule-product.food', urgent: false, cohandlers: [] });
    const other = await preview('category=other&region=440106');
    expect(other.body).toMatchObject({ department: null, rule: null });
    expect(other.body.reason).toMatch(/triage/);
    const serious = await preview('category=product.child&region=440304&kind=injury&severity=serious');
    expect(serious.body).toMatchObject({ urgent: true, cohandlers: [{ code: 'samr-440000' }] });
  });

  it('a new rule changes where a new submission goes, the preview says so, and deactivating it restores the old route', async () => {
    const created = await as('POST', '/routing-rules', { category: 'product.food', kind: 'report', agency: 'health', priority: 10, note: 'test: reports go to health' });
    expect(created.status).toBe(201);
    const id = created.body.rule.id as string;
    expect(created.body.rule).toMatchObject({ category: 'product.food', kind: 'report', agency: 'health', active: true });
    expect((await preview('category=product.food&region=440106&kind=report')).body).toMatchObject({ department: { code: 'health-440100' }, rule: id });
    const filed = await call(t.app, 'POST', '/api/v1/cases', report());
    expect(filed.status).toBe(201);
    expect(filed.body.department.code).toBe('health-440100');
    expect((await preview('category=product.food&region=440106&kind=complaint')).body.department.code).toBe('samr-440106');

    const removed = await as('DELETE', `/routing-rules/${id}`);
    expect(removed.body.rule.active).toBe(false);
    expect((await preview('category=product.food&region=440106&kind=report')).body).toMatchObject({ department: { code: 'samr-440106' }, rule: 'rule-product.food' });
    expect((await call(t.app, 'POST', '/api/v1/cases', report())).body.department.code).toBe('samr-440106');
    expect((await as('GET', '/routing-rules')).body.items.find((r: { id: string }) => r.id === id)).toMatchObject({ active: false });
    const actions = (await as('GET', '/changes')).body.items.map((e: { action: string }) => e.action);
    expect(actions.slice(0, 2)).toEqual(['admin.rule.deactivate', 'admin.rule.create']);
  });

  it('edits a rule and a category, with the change audited', async () => {
    const res = await as('PATCH', '/routing-rules/rule-product.food', { agency: 'health' });
    expect(res.body.rule).toMatchObject({ id: 'rule-product.food', agency: 'health' });
    expect((await preview('category=product.food&region=440106')).body.department.code).toBe('health-440100');
    const category = await as('PATCH', '/categories/product.food', { nameEn: 'Food and drink', kinds: ['report', 'complaint'] });
    expect(category.body.category).toMatchObject({ name: { en: 'Food and drink' }, kinds: ['complaint', 'report'] });
    const [last, first] = (await as('GET', '/changes')).body.items;
    expect(first.detail).toEqual({ id: 'rule-product.food', changes: { agency: { from: 'samr', to: 'health' } } });
    expect(last.detail.changes).toEqual({ nameEn: { from: 'Food safety', to: 'Food and drink' }, kinds: { from: ['complaint', 'report', 'injury'], to: ['complaint', 'report'] } });
  });

  it('answers 400 with issues for invalid rules and preview queries', async () => {
    const bad = await as('POST', '/routing-rules', { category: 'no.such', agency: 'nobody' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path)).toEqual(['category', 'agency']);
    expect((await as('POST', '/routing-rules', { category: 'product.standards', kind: 'complaint', agency: 'samr' })).body.error.issues[0].path).toBe('kind');
    expect((await as('POST', '/routing-rules', { agency: 'samr', priority: 'high' })).body.error.issues.map((i: { path: string }) => i.path)).toEqual(['category', 'priority']);
    expect((await preview('category=product.food&region=abc')).body.error.issues[0].path).toBe('region');
    expect((await preview('category=no.such&region=440106')).status).toBe(400);
    expect((await as('PATCH', '/routing-rules/no-such-rule', { priority: 1 })).status).toBe(404);
    expect((await as('POST', '/routing-rules', 'not json')).status).toBe(400);
  });
});
