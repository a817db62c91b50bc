/** /staff/admin/api-keys: an admin makes a key (shown once), sees its use, revokes it; others may not. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '../../server/api-keys/api-keys.service.js';
import { AppError } from '../../server/errors.js';
import type { Role } from '../../server/staff/roles.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp;
let admin: { username: string; cookie: string; csrf: string };

const formHeaders = { origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' };

async function signIn(role: Role) {
  const staff = await createStaff(t, { role });
  const fields = { username: staff.username, password: staff.password, totp: await staff.code() };
  const res = await t.app.request('/staff/login', { method: 'POST', headers: formHeaders, body: new URLSearchParams(fields).toString() });
  const cookie = `intake_session=${/intake_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1]}`;
  const csrf = (await call(t.app, 'GET', '/api/v1/staff/me', undefined, { cookie })).body.csrfToken as string;
  t.clock.advance(30_000);
  return { username: staff.username, cookie, csrf };
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
const post = async (path: string, fields: Record<string, string>, who: { cookie: string; csrf: string } = admin) => {
  const body = new URLSearchParams({ ...fields, _csrf: who.csrf });
  const res = await t.app.request(path, { method: 'POST', headers: { ...formHeaders, cookie: who.cookie }, body: body.toString() });
  return { status: res.status, html: await res.text(), location: res.headers.get('location'), headers: res.headers };
};
const keyIn = (html: string) => /value="(o311_[A-Za-z0-9_-]{43})"/.exec(html)?.[1];
const unescape = (html: string) => html.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');

describe('the API keys admin page', () => {
  it('lets an admin make a key shown once, see its requests counted, and revoke it after confirming (zh)', async () => {
    const empty = await get('/staff/admin/api-keys');
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('还没有 API 密钥');
    expect(empty.html).toMatch(/<a href="\/staff\/admin\/api-keys" aria-current="page">API 密钥<\/a>/);

    const made = await post('/staff/admin/api-keys', { name: '12345 热线' });
    expect(made.status).toBe(200);
    expect(made.headers.get('cache-control')).toBe('no-store');
    expect(made.html).toContain('只显示这一次');
    const key = keyIn(made.html)!;
    expect(key).toBeDefined();
    expect(made.html.split(key).length - 1).toBe(1);

    await authenticateApiKey(t.deps, key);
    await authenticateApiKey(t.deps, key);
    const listed = await get('/staff/admin/api-keys');
    expect(listed.html).toContain('12345 热线');
    expect(listed.html).toMatch(/<td>2<\/td><td>有效<\/td>/);
    expect(listed.html).toContain(admin.username);
    expect(listed.html).not.toContain(key.slice(5));
    expect(listed.html).not.toMatch(/<script|style=|<style/);

    const taken = await post('/staff/admin/api-keys', { name: '12345 热线' });
    expect(taken.status).toBe(409);
    expect(taken.html).toContain('已有同名的有效密钥');
    expect(keyIn(taken.html)).toBeUndefined();
    expect((await post('/staff/admin/api-keys', { name: '' })).html).toContain('请填写名称');

    const confirm = await get(`/staff/admin/api-keys/revoke?name=${encodeURIComponent('12345 热线')}`);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('确定撤销“12345 热线”的密钥吗');
    expect(confirm.html).toContain(`name="_csrf" value="${admin.csrf}"`);
    const revoked = await post('/staff/admin/api-keys/revoke', { name: '12345 热线' });
    expect(revoked.status).toBe(303);
    expect(revoked.location).toBe('/staff/admin/api-keys?done=apiKeyRevoked');
    const after = await get(revoked.location!);
    expect(after.html).toContain('API 密钥已撤销');
    expect(after.html).toMatch(/已于 20\d\d-\d\d-\d\d [\d:]+ 撤销/);
    expect(after.html).not.toContain('/staff/admin/api-keys/revoke?name=');

    const err = await authenticateApiKey(t.deps, key).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('forbidden');
    expect((await get(`/staff/admin/api-keys/revoke?name=${encodeURIComponent('12345 热线')}`)).status).toBe(404);
    expect((await post('/staff/admin/api-keys/revoke', { name: '12345 热线' })).status).toBe(404);

    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor', 'detail']).where('action', 'like', 'api_key.%').orderBy('seq').execute();
    expect(audit.map((a) => [a.action, a.actor])).toEqual([['api_key.add', admin.username], ['api_key.revoke', admin.username]]);
    expect(audit.map((a) => a.detail).join()).not.toContain(key.slice(5));
  });

  it('speaks English with ?lang=en, through the add, confirm and revoke steps', async () => {
    const page = await get('/staff/admin/api-keys?lang=en');
    expect(page.html).toContain('lang="en"');
    expect(page.html).toContain('No API keys yet.');
    const made = await post('/staff/admin/api-keys?lang=en', { name: "Agency's tool" });
    expect(made.html).toContain('It is shown this once');
    expect(keyIn(made.html)).toBeDefined();
    const listed = await get('/staff/admin/api-keys?lang=en');
    expect(unescape(listed.html)).toContain("Agency's tool");
    expect(listed.html).toContain('Never');
    expect(unescape(listed.html)).toContain(`/staff/admin/api-keys/revoke?name=${encodeURIComponent("Agency's tool")}&lang=en`);
    const confirm = await get(`/staff/admin/api-keys/revoke?name=${encodeURIComponent("Agency's tool")}&lang=en`);
    expect(unescape(confirm.html)).toContain(`Revoke the key of "Agency's tool"?`);
    const revoked = await post('/staff/admin/api-keys/revoke?lang=en', { name: "Agency's tool" });
    expect(revoked.location).toBe('/staff/admin/api-keys?done=apiKeyRevoked&lang=en');
    expect((await get(revoked.location!)).html).toContain('The API key was revoked.');
    const taken = await post('/staff/admin/api-keys?lang=en', { name: 'x'.repeat(65) });
    expect(taken.status).toBe(400);
    expect(taken.html).toContain('at most 64 characters');
  });

  it('is for admins only: other roles get 403 and cannot add or revoke', async () => {
    await post('/staff/admin/api-keys', { name: 'hotline' });
    for (const role of ['handler', 'auditor', 'supervisor'] as const) {
      const other = await signIn(role);
      const page = await get('/staff/admin/api-keys', other.cookie);
      expect(page.status).toBe(403);
      expect(page.html).not.toContain('hotline');
      expect((await post('/staff/admin/api-keys', { name: 'mine' }, other)).status).toBe(403);
      expect((await post('/staff/admin/api-keys/revoke', { name: 'hotline' }, other)).status).toBe(403);
    }
    // Without the CSRF token even an admin's post is refused.
    const noCsrf = await post('/staff/admin/api-keys', { name: 'forged' }, { cookie: admin.cookie, csrf: 'wrong' });
    expect(noCsrf.status).toBe(403);
    const names = (await t.deps.db.selectFrom('api_keys').select('name').execute()).map((r) => r.name);
    expect(names).toEqual(['hotline']);
    const out = await t.app.request('/staff/admin/api-keys');
    expect(out.status).toBe(303);
  });
});
