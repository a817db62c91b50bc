/**
 * What the app answers when no route matched, or an error reached the app's own handler: a browser
 * (Accept: text/html) outside /api/ gets a page in the site's frame — the staff frame under /staff,
 * the public frame elsewhere — and every other client the JSON error of the API. A trailing-slash
 * variant of an address is sent on to the address without it.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../server/deps.js';
import { errorBody, handleError } from '../server/errors.js';
import type { StaffEnv } from '../server/staff/auth.middleware.js';
import { resolveSession } from '../server/staff/auth.service.js';
import { readSessionToken } from '../server/staff/session-cookie.js';
import type { Messages } from './i18n.js';
import { resolveLang } from './lang.js';
import { clientOrUnavailable, pageErrorHandler } from './page-errors.js';
import { ErrorPage } from './pages/error.js';
import { renderPage } from './render.js';
import { renderStaff, staffView } from './staff/context.js';
import { StaffErrorPage, type ErrorStatus } from './staff/error-page.js';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
const isStaff = (path: string) => path === '/staff' || path.startsWith('/staff/');

/** A browser asking for a page (not the API, not a client that asked for JSON or anything). */
export function wantsPage(c: Context): boolean {
  return !isApi(c.req.path) && (c.req.header('accept') ?? '').includes('text/html');
}

/** The session, when there is one, so a staff error page shows who is signed in and their places. */
async function loadStaff(c: Context<StaffEnv>, deps: Deps): Promise<void> {
  const presented = readSessionToken(c);
  const session = presented ? await resolveSession(deps, presented.token).catch(() => null) : null;
  if (!presented || !session) return;
  c.set('actor', session.actor);
  c.set('staffSession', { idHash: session.idHash, csrfToken: session.csrfToken, via: presented.via });
}

function publicText(t: Messages, status: number) {
  const e = t.errorPage;
  if (status === 404) return { title: e.notFoundTitle, body: e.notFound };
  if (status === 403) return { title: e.forbiddenTitle, body: e.forbidden };
  if (status === 413) return { title: e.tooLargeTitle, body: e.tooLarge };
  return { title: e.genericTitle, body: e.generic };
}

const staffStatus = (status: number): ErrorStatus => ([400, 403, 404, 409].includes(status) ? status as ErrorStatus : 500);

/** The staff frame needs the directory (department names); if even that fails, the public frame. */
async function staffErrorPage(c: Context, deps: Deps, status: ContentfulStatusCode, missingPage: boolean): Promise<Response | null> {
  try {
    const sc = c as Context<StaffEnv>;
    if (missingPage) await loadStaff(sc, deps);
    const v = await staffView(sc, deps);
    return await renderStaff(c, <StaffErrorPage v={v} status={staffStatus(status)} formRefused={false} missingPage={missingPage} />, status);
  } catch (err) {
    deps.log(`staff error page failed on ${c.req.method} ${c.req.path}: ${err instanceof Error ? err.name : 'error'}`);
    return null;
  }
}

/** The error page for the address asked for; status is what the response answers with. */
async function errorPage(c: Context, deps: Deps, status: ContentfulStatusCode, missingPage: boolean): Promise<Response> {
  c.header('Cache-Control', 'no-store');
  const staff = isStaff(c.req.path) ? await staffErrorPage(c, deps, status, missingPage) : null;
  if (staff) return staff;
  const { t } = resolveLang(c);
  const back = { href: '/', label: t.errorPage.home };
  return renderPage(c, <ErrorPage t={t} {...publicText(t, status)} back={back} />, status);
}

/**
 * '/staff/' → '/staff' (query kept); null when there is nothing to trim, or when the result could
 * be read as another host ('//host', '/\\host'), so the redirect never leads off the site.
 */
function withoutTrailingSlash(path: string): string | null {
  if (path.length < 2 || !path.endsWith('/')) return null;
  const trimmed = path.replace(/\/+$/, '');
  return /^\/[^/\\]/.test(trimmed) && !trimmed.includes('//') ? trimmed : null;
}

export function appNotFound(deps: Deps): NotFoundHandler {
  return (c) => {
    const method = c.req.method;
    const canonical = isApi(c.req.path) || (method !== 'GET' && method !== 'HEAD') ? null : withoutTrailingSlash(c.req.path);
    if (canonical) return c.redirect(`${canonical}${new URL(c.req.url).search}`, 301);
    if (wantsPage(c)) return errorPage(c, deps, 404, true);
    return c.json(errorBody('not_found', `Not found: ${c.req.path}`), 404);
  };
}

/** Errors that reach the app itself (the feature areas answer their own): a page for a browser, never a stack. */
export function appErrors(deps: Deps): ErrorHandler {
  const pages = pageErrorHandler(deps, {
    status: clientOrUnavailable,
    render: (c, _err, status) => errorPage(c, deps, status, false),
  });
  return (err, c) => (wantsPage(c) ? pages(err, c) : handleError(err, c, deps.log));
}
