/**
 * The attack of issue 13 item 2, step by step: one admin makes a handler and a custodian through the
 * API and tries to get a sealed identity opened with no one else involved. Every step is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let admin: TestStaff;
let token: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await createStaff(t, { role: 'admin' });
  token = await admin.login();
});
afterEach(async () => { await t.close(); });

const PASSWORD = 'chosen by the admin 2026';
const REPORTER = { anonymous: false, name: '李四', phone: '13912345678', idNumber: '11010519491231002X' };
const asAdmin = (method: string, path: string, body?: unknown) => call(t.app, method, `/api/v1/admin${path}`, body, bearer(token));
const login = (username: string, extra: Record<string, string> = {}) =>
  call(t.app, 'POST', '/api/v1/staff/login', { username, password: PASSWORD, ...extra });
const NO_SECRET = /secret|otpauth|[A-Z2-7]{32}/;

describe('one admin alone cannot get an identity opened', () => {
  it('needs a one-time code for the admin itself', async () => {
    const res = await call(t.app, 'POST', '/api/v1/staff/login', { username: admin.username, password: admin.password });
    expect(res.status).toBe(401);
    expect(res.body.error.issues).toEqual([{ path: 'totp', message: 'required' }]);
  });

  it('refuses each step of the attack', async () => {
    const caseNumber = (await call(t.app, 'POST', '/api/v1/cases', report({ reporter: REPORTER }))).body.caseNumber as string;

    // 1. A handler is the admin's to make; the custodian is made disabled, waiting for a second admin.
    expect((await asAdmin('POST', '/users', { username: 'evil.handler', role: 'handler', department: 'samr-440106', password: PASSWORD })).status).toBe(201);
    const custodian = await asAdmin('POST', '/users', { username: 'evil.custodian', role: 'custodian', password: PASSWORD });
    expect(custodian.status).toBe(201);
    expect(custodian.body.user).toMatchObject({ disabled: true, totpEnrolment: 'pending' });
    const grantId = custodian.body.grant.id as string;

    // 2. No answer an admin can get carries a one-time-code secret.
    expect(custodian.text).not.toMatch(NO_SECRET);
    for (const path of ['/users', '/grants', '/changes']) expect((await asAdmin('GET', path)).text, path).not.toMatch(NO_SECRET);
    const row = await t.store.db.selectFrom('users').select(['totp_secret', 'totp_pending_secret']).where('username', '=', 'evil.custodian').executeTakeFirstOrThrow();
    expect(row).toEqual({ totp_secret: null, totp_pending_secret: null });

    // 3. Signing in as the custodian with the password the admin chose: the account is not active.
    const asCustodian = await login('evil.custodian');
    expect(asCustodian.status).toBe(401);
    expect(asCustodian.body.enrolment).toBeUndefined();
    expect(asCustodian.body.error.issues).toBeUndefined();

    // 4. Approving its own grant, enabling the account, or asking again: refused.
    const own = await asAdmin('POST', `/grants/${grantId}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('forbidden');
    expect((await asAdmin('POST', '/users/evil.custodian/enable')).status).toBe(409);
    expect((await asAdmin('POST', '/users/evil.custodian/password', { password: 'another chosen passphrase' })).status).toBe(409);

    // 5. Making a second admin to approve with: that admin waits for a second admin too.
    const accomplice = await asAdmin('POST', '/users', { username: 'evil.admin', role: 'admin', password: PASSWORD });
    expect(accomplice.status).toBe(201);
    expect(accomplice.body.user.disabled).toBe(true);
    expect((await login('evil.admin')).status).toBe(401);
    expect((await asAdmin('POST', `/grants/${accomplice.body.grant.id}/approve`)).status).toBe(403);

    // 6. Promoting the handler to custodian instead: a request only; it stays a handler.
    const promote = await asAdmin('POST', '/users/evil.handler/role', { role: 'custodian' });
    expect(promote.status).toBe(202);
    expect(promote.body.user.role).toBe('handler');
    expect((await asAdmin('POST', `/grants/${promote.body.grant.id}/approve`)).status).toBe(403);

    // 7. The handler files a disclosure; no one the admin controls can approve it.
    const handler = bearer((await login('evil.handler')).body.token);
    const filed = await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/disclosure-requests`, { legalReason: '依《行政处罚法》第五十五条，需核实举报人身份以取得证人证言' }, handler);
    expect(filed.status).toBe(201);
    const decide = (headers: Record<string, string>) =>
      call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${filed.body.id}/approve`, { note: '理由充分，依法决定' }, headers);
    expect((await decide(bearer(token))).status).toBe(403);
    expect((await decide(handler)).status).toBe(403);
    const view = await call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${filed.body.id}/view`, undefined, handler);
    expect(view.status).toBe(409);
    expect(view.text).not.toContain('李四');

    // Nothing changed behind the refusals: the custodian is still disabled, the grants still wait.
    const users = (await asAdmin('GET', '/users')).body.items as { username: string; role: string; disabled: boolean }[];
    expect(users.find((u) => u.username === 'evil.custodian')).toMatchObject({ disabled: true });
    expect(users.find((u) => u.username === 'evil.handler')).toMatchObject({ role: 'handler' });
    expect((await asAdmin('GET', '/grants')).body.items).toHaveLength(3);
  });

  it('lets a second admin approve, after which the owner (not the admin) enrols at first sign-in', async () => {
    const custodian = await asAdmin('POST', '/users', { username: 'real.custodian', role: 'custodian', password: PASSWORD });
    const second = await createStaff(t, { role: 'admin' });
    const approved = await call(t.app, 'POST', `/api/v1/admin/grants/${custodian.body.grant.id}/approve`, undefined, bearer(await second.login()));
    expect(approved.status).toBe(200);
    const offer = await login('real.custodian');
    expect(offer.body.error.issues).toEqual([{ path: 'totp', message: 'enrolment required' }]);
    expect(offer.body.enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
  });
});
