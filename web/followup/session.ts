/**
 * The follow-up session as the pages keep it: the token in an HttpOnly, SameSite=Strict cookie
 * sent only under /followup, never in a URL. The receipt itself is never kept anywhere.
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { Config } from '../../server/config.js';
import type { Deps } from '../../server/deps.js';
import { logoutFollowup } from '../../server/followup/followup.service.js';
import { caseOfToken } from '../../server/followup/followup.service.js';
import { isTokenShaped } from '../../server/staff/tokens.js';
import { catchRefusal } from '../refusal.js';

export const FOLLOWUP_COOKIE = 'intake_followup';

const options = (c: Context, config: Config) => ({
  httpOnly: true,
  sameSite: 'Strict' as const,
  path: '/followup',
  secure: config.NODE_ENV === 'production' || new URL(c.req.url).protocol === 'https:',
});

export function setFollowupCookie(c: Context, config: Config, token: string): void {
  // The cookie lives no longer than the server-side session it names.
  setCookie(c, FOLLOWUP_COOKIE, token, { ...options(c, config), maxAge: config.INTAKE_FOLLOWUP_SESSION_MINUTES * 60 });
}

export function clearFollowupCookie(c: Context, config: Config): void {
  deleteCookie(c, FOLLOWUP_COOKIE, options(c, config));
}

/** The token of the request's cookie; anything not token-shaped is ignored before hashing. */
export function followupToken(c: Context): string | null {
  const value = getCookie(c, FOLLOWUP_COOKIE);
  return value && isTokenShaped(value) ? value : null;
}

export type SessionCase = { caseId: string } | { caseId: null; ended: boolean };

/** The case the cookie opens; `ended` when a cookie was sent but its session is gone or expired. */
export async function sessionCase(c: Context, deps: Deps): Promise<SessionCase> {
  const sent = getCookie(c, FOLLOWUP_COOKIE) !== undefined;
  const token = followupToken(c);
  if (!token) return { caseId: null, ended: sent };
  const found = await catchRefusal(['unauthenticated'], () => caseOfToken(deps, token));
  return found.ok && found.value ? { caseId: found.value } : { caseId: null, ended: true };
}

/** Signing out ends the server-side session too, so a copied cookie stops working at once. */
export async function endFollowupSession(deps: Deps, token: string | null): Promise<void> {
  if (token) await logoutFollowup(deps, token);
}
