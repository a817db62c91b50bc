import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.js';
import { handleError } from '../../server/errors.js';
import { importMasterKey } from '../../server/identity/keys.js';
import { createNodeRuntime } from '../../server/node/bootstrap.js';
import { requireStaff } from '../../server/staff/auth.middleware.js';
import { DEMO_PASSWORD, demoStaff } from '../../server/staff/demo.js';
import { addUser } from '../../server/staff/users.service.js';
import { PASSWORD_ITERATIONS, hashPassword, verifyPassword } from '../../server/staff/password.js';
import { base32Encode, totpCode, totpCodeAt } from '../../server/staff/totp.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const MINUTE = 60_000;
const loginAs = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  call(t.app, 'POST', '/api/v1/staff/login', body, headers);
const me = (token: string) => call(t.app, 'GET', '/api/v1/staff/me', undefined, bearer(token));
const cookieOf = (res: Response | { headers: Headers }) => /intake_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1] ?? '';
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('POST /api/v1/staff/login', () => {
  it('answers 200 with a token that works on /me, and sets a strict HttpOnly cookie', async () => {
    const staff = await createStaff(t, { role: 'handler' });
    const res = await loginAs({ username: staff.username, password: staff.password });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({ username: staff.username, role: 'handler', department: 'samr-440106', displayName: staff.username });
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const who = await me(res.body.token);
    expect(who.status).toBe(200);
    expect(who.body.user.username).toBe(staff.username);
    expect(who.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 401 in the API.md error shape for a wrong password', async () => {
    const staff = await createStaff(t, { role: 'handler' });
    const res = await loginAs({ username: staff.username, password: 'wrong password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'Wrong username or password.' } });
  });

  it('answers 401 with the same message for an unknown username', async () => {
    const res = await loginAs({ username: 'nobody.here', password: 'whatever password' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'unauthenticated', message: 'Wrong username or password.' } });
  });

  it('answers 429 with Retry-After after 5 failures for that username only', async () => {
    const victim = await createStaff(t, { role: 'handler' });
    const other = await createStaff(t, { role: 'supervisor' });
    for (let i = 0; i < 5; i++) expect((await loginAs({ username: victim.username, password: 'guess ' + i })).status).toBe(401);
    const locked = await loginAs({ username: victim.username, password: victim.password });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await other.login()).toBeTruthy();
    t.clock.advance(15 * MINUTE);
    expect(await victim.login()).toBeTruthy();
  });

  it('answers 429 after 50 failures from one client address, whatever the username', async () => {
    const staff = await createStaff(t, { role: 'handler' });
    // The nearest proxy appends the address it saw; what the client put before it is not trusted.
    const from = { 'x-forwarded-for': '198.51.100.7, 203.0.113.9' };
    for (let u = 0; u < 10; u++) {
      const target = await createStaff(t, { role: 'auditor' });
      for (let i = 0; i < 5; i++) await loginAs({ username: target.username, password: 'wrong password' }, from);
    }
    expect((await loginAs({ username: staff.username, password: staff.password }, from)).status).toBe(429);
    expect((await loginAs({ username: staff.username, password: staff.password }, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200);
  });

  it('answers 401 for a disabled account, and its open sessions stop working', async () => {
    const staff = await createStaff(t, { role: 'auditor' });
    const token = await staff.login();
    await t.deps.db.updateTable('users').set({ disabled: 1 }).where('id', '=', staff.id).execute();
    expect((await loginAs({ username: staff.username, password: staff.password })).status).toBe(401);
    expect((await me(token)).status).toBe(401);
  });
});

describe('one-time codes', () => {
  let custodian: TestStaff;
  beforeEach(async () => { custodian = await createStaff(t, { role: 'custodian' }); });

  it('answers 401 totp required for a custodian without a code, 200 with the right one, 401 on replay', async () => {
    const creds = { username: custodian.username, password: custodian.password };
    const missing = await loginAs(creds);
    expect(missing.status).toBe(401);
    expect(missing.body.error.code).toBe('unauthenticated');
    expect(missing.body.error.message).toMatch(/one-time code/);
    expect(missing.body.error.issues).toEqual([{ path: 'totp', message: 'required' }]);
    const code = await custodian.code();
    expect((await loginAs({ ...creds, totp: code })).status).toBe(200);
    expect((await loginAs({ ...creds, totp: code })).body.error.issues[0].message).toBe('invalid');
    t.clock.advance(30_000);
    expect((await loginAs({ ...creds, totp: await custodian.code() })).status).toBe(200);
  });

  it('offers an account without a secret a new one only for the right password, and enrols it with its first code', async () => {
    const owner = await createStaff(t, { role: 'admin', enrolLater: true });
    const creds = { username: owner.username, password: owner.password };
    const wrong = await loginAs({ ...creds, password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.enrolment).toBeUndefined();
    const first = await loginAs(creds);
    expect(first.status).toBe(401);
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.body.error.issues).toEqual([{ path: 'totp', message: 'enrolment required' }]);
    expect(first.body.enrolment.otpauthUri).toBe(`otpauth://totp/Quality%20Intake%3A${owner.username}?secret=${first.body.enrolment.secret}&issuer=Quality%20Intake&algorithm=SHA1&digits=6&period=30`);
    // A second password-only sign-in replaces the offer: the first secret is worth nothing now.
    const second = await loginAs(creds);
    expect(second.body.enrolment.secret).not.toBe(first.body.enrolment.secret);
    expect((await loginAs({ ...creds, totp: await totpCode(first.body.enrolment.secret, t.clock.now()) })).status).toBe(401);
    // An offer older than 10 minutes is not accepted either.
    t.clock.advance(11 * MINUTE);
    expect((await loginAs({ ...creds, totp: await totpCode(second.body.enrolment.secret, t.clock.now()) })).body.error.issues[0].message).toBe('enrolment required');
    const third = (await loginAs(creds)).body.enrolment.secret as string;
    const ok = await loginAs({ ...creds, totp: await totpCode(third, t.clock.now()) });
    expect(ok.status).toBe(200);
    expect((await me(ok.body.token)).body.user.role).toBe('admin');
    const actions = (await t.deps.db.selectFrom('audit_log').select('action').where('actor', '=', owner.username).orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toContain('staff.totp.enrolled');
    expect(JSON.stringify(await t.deps.db.selectFrom('users').selectAll().execute())).not.toContain(third);
    t.clock.advance(30_000);
    expect((await loginAs({ ...creds, totp: await totpCode(third, t.clock.now()) })).status).toBe(200);
  });

  it('stores the TOTP secret sealed, not readable from the database', async () => {
    const row = await t.deps.db.selectFrom('users').select('totp_secret').where('id', '=', custodian.id).executeTakeFirstOrThrow();
    expect(row.totp_secret).not.toContain(custodian.totpSecret);
    expect(JSON.parse(row.totp_secret!)).toHaveProperty('ciphertext');
  });
});

describe('sessions', () => {
  it('answers 401 after 30 idle minutes, but activity keeps a session alive', async () => {
    const token = await (await createStaff(t, { role: 'handler' })).login();
    t.clock.advance(20 * MINUTE);
    expect((await me(token)).status).toBe(200);
    t.clock.advance(20 * MINUTE);
    expect((await me(token)).status).toBe(200);
    t.clock.advance(31 * MINUTE);
    expect((await me(token)).status).toBe(401);
  });

  it('answers 401 12 hours after login however active the session is', async () => {
    const token = await (await createStaff(t, { role: 'handler' })).login();
    for (let h = 0; h < 47; h++) {
      t.clock.advance(15 * MINUTE);
      expect((await me(token)).status).toBe(200);
    }
    t.clock.advance(15 * MINUTE);
    expect((await me(token)).status).toBe(401);
  });

  it('answers 204 on logout, after which the token is refused', async () => {
    const token = await (await createStaff(t, { role: 'handler' })).login();
    expect((await call(t.app, 'POST', '/api/v1/staff/logout', undefined, bearer(token))).status).toBe(204);
    expect((await me(token)).status).toBe(401);
  });

  it('answers 401 without a token and 403 for a role the route does not allow', async () => {
    const guarded = new Hono().get('/x', requireStaff(t.deps, 'admin'), (c) => c.text(c.get('actor').username));
    guarded.onError((err, c) => handleError(err, c));
    expect((await guarded.request('/x')).status).toBe(401);
    const handler = await (await createStaff(t, { role: 'handler' })).login();
    expect((await guarded.request('/x', { headers: bearer(handler) })).status).toBe(403);
    const admin = await (await createStaff(t, { role: 'admin', username: 'the.admin' })).login();
    expect(await (await guarded.request('/x', { headers: bearer(admin) })).text()).toBe('the.admin');
  });

  it('keeps session tokens, passwords and TOTP secrets out of the database in clear', async () => {
    const staff = await createStaff(t, { role: 'reward_approver' });
    const res = await loginAs({ username: staff.username, password: staff.password, totp: await staff.code() });
    const dump = JSON.stringify([
      await t.deps.db.selectFrom('users').selectAll().execute(),
      await t.deps.db.selectFrom('sessions').selectAll().execute(),
    ]);
    expect(dump).toContain(staff.username);
    for (const secret of [res.body.token, staff.password, staff.totpSecret!]) expect(dump).not.toContain(secret);
  });
});

describe('web login and CSRF', () => {
  const origin = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };
  const webLogin = (fields: Record<string, string>, lang = '') =>
    t.app.request(`/staff/login${lang}`, { method: 'POST', headers: origin, body: form(fields) });

  it('shows the form in Chinese by default and in English with ?lang=en', async () => {
    expect(await (await t.app.request('/staff/login')).text()).toContain('工作人员登录');
    const en = await (await t.app.request('/staff/login?lang=en')).text();
    expect(en).toContain('Staff sign-in');
    expect(en).not.toMatch(/<script|style=/);
  });

  it('re-shows the form with a message for wrong credentials, and redirects 303 to /staff when right', async () => {
    const staff = await createStaff(t, { role: 'handler' });
    const wrong = await webLogin({ username: staff.username, password: 'nope nope nope' }, '?lang=en');
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).toContain('Wrong username or password.');
    const ok = await webLogin({ username: staff.username, password: staff.password });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/staff');
    expect(cookieOf(ok)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('shows a first sign-in the secret to enrol, then signs in with its first code', async () => {
    const owner = await createStaff(t, { role: 'custodian', enrolLater: true });
    const offer = await webLogin({ username: owner.username, password: owner.password }, '?lang=en');
    expect(offer.status).toBe(401);
    expect(offer.headers.get('cache-control')).toBe('no-store');
    const html = await offer.text();
    const secret = /secret=([A-Z2-7]{32})/.exec(html)?.[1];
    expect(secret).toBeTruthy();
    expect(html).toContain('First sign-in: set up your one-time code');
    expect(html).not.toContain(owner.password);
    const ok = await webLogin({ username: owner.username, password: owner.password, totp: await totpCode(secret!, t.clock.now()) });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe('/staff/disclosures'); // a custodian's start page
  });

  it('answers 403 for a login form posted from another origin', async () => {
    const res = await t.app.request('/staff/login', { method: 'POST', headers: { ...origin, origin: 'https://evil.example' }, body: form({ username: 'a', password: 'b' }) });
    expect(res.status).toBe(403);
  });

  it('answers 403 for a cookie-authenticated form post without _csrf, and logs out with it', async () => {
    const staff = await createStaff(t, { role: 'handler' });
    const cookie = `intake_session=${cookieOf(await webLogin({ username: staff.username, password: staff.password }))}`;
    const post = (fields: Record<string, string>) =>
      t.app.request('/staff/logout', { method: 'POST', headers: { ...origin, cookie }, body: form(fields) });
    const refused = await post({});
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    expect((await post({ _csrf: 'not-the-token' })).status).toBe(403);
    const who = await call(t.app, 'GET', '/api/v1/staff/me', undefined, { cookie });
    const out = await post({ _csrf: who.body.csrfToken });
    expect(out.status).toBe(303);
    expect((await call(t.app, 'GET', '/api/v1/staff/me', undefined, { cookie })).status).toBe(401);
  });
});

describe('passwords and codes', () => {
  it('hashes with PBKDF2-SHA256 at 600,000 iterations by default and verifies', async () => {
    expect(t.deps.config.INTAKE_PBKDF2_ITERATIONS).toBe(PASSWORD_ITERATIONS);
    const encoded = await hashPassword('correct horse battery staple', t.deps.config.INTAKE_PBKDF2_ITERATIONS);
    expect(encoded).toMatch(new RegExp(`^pbkdf2-sha256\\$${PASSWORD_ITERATIONS}\\$[A-Za-z0-9+/=]{24}\\$[A-Za-z0-9+/=]{44}$`));
    expect(await verifyPassword('correct horse battery staple', encoded)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', encoded)).toBe(false);
  });

  it('computes the RFC 6238 SHA-1 test vector', async () => {
    const secret = base32Encode(new TextEncoder().encode('12345678901234567890'));
    expect(await totpCodeAt(secret, Math.floor(59 / 30))).toBe('287082');
    expect(await totpCodeAt(secret, Math.floor(1111111109 / 30))).toBe('081804');
  });
});

describe('addUser (the CLI hook)', () => {
  const add = (input: Record<string, string | null>) =>
    addUser(t.deps, { username: 'new.user', password: 'long enough password', role: 'handler', ...input });

  it('validates role, department and username', async () => {
    await expect(add({ department: null })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(add({ department: 'samr-999999' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(add({ role: 'reward_officer', department: 'samr-440106' })).rejects.toMatchObject({ code: 'validation_failed' });
    await expect(add({ role: 'boss', department: null })).rejects.toThrow();
    expect((await add({ role: 'intake', department: 'intake-440000' })).department).toBe('intake-440000');
    await expect(add({ role: 'auditor', username: 'New.User', department: null })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('gives a custodian no secret unless the caller issues one (the CLI), so an admin-made account enrols its own', async () => {
    expect((await add({ role: 'custodian', department: null })).totpSecret).toBeNull();
    const issued = await addUser(t.deps, { username: 'cli.custodian', password: 'long enough password', role: 'custodian' }, { totp: true });
    expect(issued.totpSecret).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe('demo staff', () => {
  const runtime = async (NODE_ENV: string) => createNodeRuntime({
    config: parseConfig({ NODE_ENV, INTAKE_DATA_DIR: '/nonexistent-test-data', INTAKE_MASTER_KEY: 'x'.repeat(44) }),
    filename: ':memory:', masterKey: await importMasterKey(new Uint8Array(32).fill(3)), log: () => {},
  });

  it('creates the demo accounts in development and prints them', async () => {
    const dev = await runtime('development');
    const users = await dev.deps.db.selectFrom('users').select(['username', 'password_hash']).execute();
    expect(users.map((u) => u.username).sort()).toEqual(demoStaff.map((s) => s.username).sort());
    expect(await verifyPassword(DEMO_PASSWORD, users[0]!.password_hash)).toBe(true);
    expect(dev.notes.join('\n')).toContain('tianhe.handler');
    // The demo admin, like the demo custodian, signs in with the published demo code.
    const admin = await dev.deps.db.selectFrom('users').select(['totp_enabled']).where('username', '=', 'admin').executeTakeFirstOrThrow();
    expect(admin.totp_enabled).toBe(1);
    expect(dev.notes.join('\n')).toMatch(/reward\.approver, custodian and admin also need a one-time code/);
    await dev.store.close();
  });

  it('creates none in production', async () => {
    const prod = await runtime('production');
    expect(await prod.deps.db.selectFrom('users').select('id').execute()).toEqual([]);
    await prod.store.close();
  });
});
