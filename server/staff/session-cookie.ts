/** The staff session cookie the web pages use (API clients send the same token as a Bearer header). */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../config.js';

export const SESSION_COOKIE = 'intake_session';

// HttpOnly: no script can read it; SameSite=Strict: no other site can make the browser send it.
const options = (config: Config) => ({
  httpOnly: true,
  sameSite: 'Strict' as const,
  path: '/',
  secure: config.NODE_ENV === 'production',
});

export function setSessionCookie(c: Context, config: Config, token: string): void {
  setCookie(c, SESSION_COOKIE, token, { ...options(config), maxAge: config.INTAKE_SESSION_MAX_HOURS * 3600 });
}

export function clearSessionCookie(c: Context, config: Config): void {
  deleteCookie(c, SESSION_COOKIE, options(config));
}

/** The session token of a request: a Bearer header wins over the cookie. */
export function readSessionToken(c: Context): { token: string; via: 'bearer' | 'cookie' } | null {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (bearer) return { token: bearer, via: 'bearer' };
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie ? { token: cookie, via: 'cookie' } : null;
}
