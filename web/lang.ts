/** The page language: `?lang=` (remembered in a cookie), else the cookie, else zh-CN. */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isLang, messages, type Lang, type Messages } from './i18n.js';

const YEAR_SECONDS = 365 * 24 * 3600;

export function resolveLang(c: Context): { lang: Lang; t: Messages } {
  const asked = c.req.query('lang');
  let lang: Lang = 'zh';
  if (isLang(asked)) {
    lang = asked;
    setCookie(c, 'lang', lang, {
      path: '/', maxAge: YEAR_SECONDS, sameSite: 'Lax', httpOnly: true,
      secure: new URL(c.req.url).protocol === 'https:',
    });
  } else {
    const remembered = getCookie(c, 'lang');
    if (isLang(remembered)) lang = remembered;
  }
  return { lang, t: messages[lang] };
}

/** The current URL with `lang` replaced: the target of the language switch. */
export function switchHref(c: Context, lang: Lang): string {
  const url = new URL(c.req.url);
  url.searchParams.set('lang', lang);
  return `${url.pathname}?${url.searchParams.toString()}`;
}
