/** What every admin page needs: language, the signed-in admin, the CSRF token, and links that keep the language. */
import type { Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Actor, StaffEnv, StaffSession } from '../../server/staff/auth.middleware.js';
import type { Messages, StaffLang as Lang } from '../i18n.js';
import { resolveLang, switchHref } from '../lang.js';
import type { AdminMessages } from './messages-zh.js';

export interface AdminView {
  t: Messages;
  a: AdminMessages;
  lang: Lang;
  /** Absent only on an error page reached before the session was checked. */
  actor?: Actor | undefined;
  csrf: string;
  switchHref: string;
}

export function adminView(c: Context<StaffEnv>): AdminView {
  const { lang, t } = resolveLang(c, 'staff');
  const session = c.get('staffSession') as StaffSession | undefined;
  return {
    t, a: t.admin, lang, actor: c.get('actor') as Actor | undefined, csrf: session?.csrfToken ?? '', switchHref: switchHref(c, t.switchLang),
  };
}

/** An admin path with ?lang=en kept, so links and redirects work without the language cookie too. */
export function href(v: { lang: Lang }, path: string): string {
  if (v.lang !== 'en') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

/** Admin pages show accounts and audit entries: never cached, never indexed. */
export async function renderAdmin(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200) {
  c.header('Cache-Control', 'no-store');
  return c.html(`<!DOCTYPE html>${String(await page)}`, status);
}

/** '2026-11-26T10:00:00.000+08:00' → '2026-11-26 10:00:00': stored times are already Shanghai time. */
export const shortTime = (iso: string) => iso.slice(0, 19).replace('T', ' ');
