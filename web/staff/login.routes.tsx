/** GET/POST /staff/login and POST /staff/logout: the web pages' way in and out. */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../server/deps.js';
import { readFormBody } from '../../server/lib/body.js';
import { requireCsrf, requireStaffPage } from '../../server/staff/auth.middleware.js';
import { loginSchema } from '../../server/staff/auth.schema.js';
import { login, logout } from '../../server/staff/auth.service.js';
import { clearSessionCookie, setSessionCookie } from '../../server/staff/session-cookie.js';
import { addressKey, type LoginThrottle } from '../../server/staff/throttle.js';
import { resolveLang } from '../lang.js';
import { LoginPage, type LoginLang, type LoginPageProps } from './login.js';
import { startPath } from './places.js';

/** ?lang=, else the language cookie: staff pages are in zh-CN or English. */
const langOf = (c: Context): LoginLang => resolveLang(c, 'staff').lang;

async function render(c: Context, props: LoginPageProps, status: ContentfulStatusCode = 200) {
  // Nothing on a login page (least of all an error about an account) belongs in a shared cache.
  c.header('Cache-Control', 'no-store');
  return c.html(`<!DOCTYPE html>${String(await (<LoginPage {...props} />))}`, status);
}

const field = (form: Record<string, unknown>, name: string) => (typeof form[name] === 'string' ? form[name] : '');

export function staffLoginPages(deps: Deps, throttle: LoginThrottle) {
  const app = new Hono();
  // There is no session (and so no CSRF token) before login: the Origin / Sec-Fetch-Site check
  // keeps another site from posting a login (login CSRF). PUBLIC_URL covers a reverse proxy.
  const sameOrigin = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL(deps.config.publicUrl).origin });

  app.get('/login', (c) => render(c, { lang: langOf(c) }));

  app.post('/login', sameOrigin, async (c) => {
    const lang = langOf(c);
    const form = await readFormBody(c.req);
    const username = field(form, 'username').trim();
    const password = field(form, 'password');
    if (!username || !password) return render(c, { lang, username, notice: 'missing' }, 400);
    const totp = field(form, 'totp');
    // Longer than any account's name or password can be (the API's limits): wrong without running
    // the password hash, so a megabyte of "password" costs no KDF work and is not echoed back.
    if (!loginSchema.safeParse({ username, password, totp }).success) {
      return render(c, { lang, username: username.slice(0, 64), notice: 'invalid' }, 401);
    }
    const result = await login(deps, throttle, { username, password, totp, addressKey: await addressKey(throttle, c) });
    if (result.ok) {
      setSessionCookie(c, deps.config, result.token);
      // Each role lands where its work is (web/staff/places.ts).
      return c.redirect(startPath(result.actor.role, lang), 303);
    }
    if (result.reason === 'throttled') {
      c.header('Retry-After', String(result.retryAfter));
      return render(c, { lang, username, notice: 'throttled', retryAfter: result.retryAfter }, 429);
    }
    return render(c, { lang, username, notice: result.reason, enrolment: 'enrolment' in result ? result.enrolment : undefined }, 401);
  });

  app.post('/logout', requireStaffPage(deps), requireCsrf, async (c) => {
    await logout(deps, c.get('staffSession').idHash);
    clearSessionCookie(c, deps.config);
    return c.redirect(langOf(c) === 'en' ? '/staff/login?lang=en' : '/staff/login', 303);
  });

  return app;
}
