/**
 * requireStaff: loads the session named by the Bearer token or the session cookie and sets
 * `c.get('actor')`. Use per route (`app.get('/x', requireStaff(deps, 'handler'), …)`), not with
 * `app.use('*')` in a sub-app mounted at a shared prefix, where it would also cover other features.
 */
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { StaffEnv } from './actor.js';
import { resolveSession } from './auth.service.js';
import type { Role } from './roles.js';
import { readSessionToken } from './session-cookie.js';

export type { Actor, StaffEnv, StaffSession } from './actor.js';
export { csrfField, csrfTokenOf, requireCsrf } from './csrf.js';

/** Sets actor and staffSession on the context; false when there is no live session. */
async function authenticate(deps: Deps, c: Context<StaffEnv>): Promise<boolean> {
  const presented = readSessionToken(c);
  const session = presented ? await resolveSession(deps, presented.token) : null;
  if (!presented || !session) return false;
  c.set('actor', session.actor);
  c.set('staffSession', { idHash: session.idHash, csrfToken: session.csrfToken, via: presented.via });
  return true;
}

function checkRole(c: Context<StaffEnv>, allowed: Role[]): void {
  if (allowed.length > 0 && !allowed.includes(c.get('actor').role)) {
    throw new AppError('forbidden', 'Your role may not do this.');
  }
}

/** API guard: no live session → 401 unauthenticated; a role not in `allowed` (if given) → 403 forbidden. */
export function requireStaff(deps: Deps, ...allowed: Role[]) {
  return createMiddleware<StaffEnv>(async (c, next) => {
    if (!(await authenticate(deps, c))) throw new AppError('unauthenticated', 'Sign in first: the session is missing, expired or ended.');
    checkRole(c, allowed);
    await next();
  });
}

/** Page guard: like requireStaff, but a missing session redirects (303) to the login page. */
export function requireStaffPage(deps: Deps, ...allowed: Role[]) {
  return createMiddleware<StaffEnv>(async (c, next) => {
    if (!(await authenticate(deps, c))) {
      const lang = c.req.query('lang') === 'en' ? '?lang=en' : '';
      return c.redirect(`/staff/login${lang}`, 303);
    }
    checkRole(c, allowed);
    await next();
  });
}
