/** POST /api/v1/staff/login, POST /api/v1/staff/logout, GET /api/v1/staff/me. */
import { Hono } from 'hono';
import type { Deps } from '../deps.js';
import { AppError, errorBody } from '../errors.js';
import { readJsonBody } from '../lib/body.js';
import { userView } from './actor.js';
import { requireCsrf, requireStaff } from './auth.middleware.js';
import { loginSchema } from './auth.schema.js';
import { login, logout, type LoginResult } from './auth.service.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { addressKey, type LoginThrottle } from './throttle.js';

// One message for a wrong name and a wrong password, so the answer does not reveal which names exist.
const INVALID = 'Wrong username or password.';

/** The API error for a failed login. */
export function loginError(result: Exclude<LoginResult, { ok: true }>): AppError {
  const totpIssue = (message: string) => [{ path: 'totp', message }];
  switch (result.reason) {
    case 'throttled':
      return new AppError('rate_limited', `Too many login attempts from here or for this account; try again in ${result.retryAfter} seconds.`,
        undefined, { 'Retry-After': String(result.retryAfter) });
    case 'totp_required':
      return new AppError('unauthenticated', 'A one-time code (totp) from the authenticator app is required for this account.', totpIssue('required'));
    case 'totp_invalid':
      return new AppError('unauthenticated', 'The one-time code is wrong or was already used.', totpIssue('invalid'));
    case 'totp_enrolment':
      return new AppError('unauthenticated', 'This account must first enrol a one-time code: add the secret in "enrolment" to an authenticator app, then sign in again with its code as totp.',
        totpIssue('enrolment required'));
    case 'totp_not_set_up':
      return new AppError('unauthenticated', 'This account needs a one-time code but has none set up; ask an administrator.', totpIssue('not set up'));
    default:
      return new AppError('unauthenticated', INVALID);
  }
}

export function staffAuthRoutes(deps: Deps, throttle: LoginThrottle) {
  const app = new Hono();

  app.post('/login', async (c) => {
    const body = loginSchema.parse(await readJsonBody(c.req.raw));
    const result = await login(deps, throttle, { ...body, addressKey: await addressKey(throttle, c) });
    c.header('Cache-Control', 'no-store');
    if (!result.ok && 'enrolment' in result && result.enrolment) {
      // The one answer that carries the new secret: to the caller who just gave the right password.
      const err = loginError(result);
      return c.json({ ...errorBody(err.code, err.message, err.issues), enrolment: result.enrolment }, 401);
    }
    if (!result.ok) throw loginError(result);
    setSessionCookie(c, deps.config, result.token);
    return c.json({ token: result.token, expiresAt: result.expiresAt, user: userView(result.actor) });
  });

  app.post('/logout', requireStaff(deps), requireCsrf, async (c) => {
    await logout(deps, c.get('staffSession').idHash);
    clearSessionCookie(c, deps.config);
    return c.body(null, 204);
  });

  app.get('/me', requireStaff(deps), (c) => {
    const session = c.get('staffSession');
    c.header('Cache-Control', 'no-store');
    // A cookie-authenticated script needs the token for its x-csrf-token header.
    return c.json({ user: userView(c.get('actor')), ...(session.via === 'cookie' ? { csrfToken: session.csrfToken } : {}) });
  });

  return app;
}
