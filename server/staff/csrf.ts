/**
 * CSRF tokens for forms posted with the session cookie. SameSite=Strict already keeps other sites'
 * forms from carrying the cookie; the per-session token also covers same-site attackers (another
 * app on a sibling subdomain) and browsers that ignore SameSite. Bearer calls need none: a
 * browser never attaches an Authorization header on its own.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { jsx } from 'hono/jsx';
import { AppError } from '../errors.js';
import type { StaffEnv, StaffSession } from './actor.js';
import { timingSafeEqualText } from './tokens.js';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

const SAFE_METHOD = /^(GET|HEAD|OPTIONS)$/;
const FORM_TYPE = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** The CSRF token of the current session (after requireStaff). */
export function csrfTokenOf(c: Context<StaffEnv>): string {
  return c.get('staffSession').csrfToken;
}

/** `<input type="hidden" name="_csrf" value="…">` for every form a signed-in page posts. */
export function csrfField(token: string) {
  return jsx('input', { type: 'hidden', name: CSRF_FIELD, value: token });
}

async function presentedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header(CSRF_HEADER);
  if (header) return header;
  if (!FORM_TYPE.test(c.req.header('content-type') ?? '')) return undefined;
  // parseBody caches the parsed form, so the handler can still read it. A form that cannot be
  // parsed carries no token: refused like any other, not a TypeError (a 500).
  const form = await c.req.parseBody().catch((): Record<string, unknown> => ({}));
  const value = form[CSRF_FIELD];
  return typeof value === 'string' ? value : undefined;
}

/** A refused CSRF token: a 403 pages can tell apart from a role that may not act. */
export class CsrfError extends AppError {
  constructor() {
    super('forbidden', 'The form is out of date or did not come from this site; reload the page and try again.');
  }
}

/**
 * Refuses an unsafe cookie-authenticated request without the session's token: the `_csrf` form field,
 * or the x-csrf-token header (the only way for a non-form body). Mount after requireStaff.
 */
export const requireCsrf = createMiddleware<StaffEnv>(async (c, next) => {
  const session = c.get('staffSession') as StaffSession | undefined;
  if (!session) throw new AppError('unauthenticated', 'Sign in first.');
  if (session.via === 'cookie' && !SAFE_METHOD.test(c.req.method)) {
    const token = await presentedToken(c);
    if (!token || !timingSafeEqualText(token, session.csrfToken)) {
      throw new CsrfError();
    }
  }
  await next();
});
