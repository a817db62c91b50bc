/** Staff pages as a browser sees them: a session cookie, GETs, form posts, the CSRF field. */
import { call, type TestApp } from './app.js';
import { createStaff, type StaffOptions } from './staff.js';

export interface Session { cookie: string; token: string; username: string }

/** Signs in through the API (with the one-time code where the role needs one) and keeps the cookie. */
export async function signIn(t: TestApp, options: StaffOptions): Promise<Session> {
  const staff = await createStaff(t, options);
  const totp = staff.totpSecret ? { totp: await staff.code() } : {};
  const res = await call(t.app, 'POST', '/api/v1/staff/login', { username: staff.username, password: staff.password, ...totp });
  const cookie = /intake_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (res.status !== 200 || !cookie) throw new Error(`login failed: ${res.status} ${res.text}`);
  return { cookie, token: res.body.token as string, username: staff.username };
}

export async function getPage(t: TestApp, path: string, s?: Session) {
  const res = await t.app.request(path, { headers: s ? { cookie: s.cookie } : {} });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

export async function postForm(t: TestApp, path: string, fields: Record<string, string>, s: Session) {
  const res = await t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: s.cookie },
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

export const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
