/**
 * The page language: `?lang=` (remembered in a cookie), else the cookie, else (public pages only)
 * the browser's Accept-Language, else zh-CN. Staff pages have no zh-Hant text and ignore the browser.
 */
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { isLang, messages, type Lang, type Messages, type StaffLang } from './i18n.js';

const YEAR_SECONDS = 365 * 24 * 3600;

// Language ranges of Accept-Language (RFC 9110 §12.5.4) and the page language each reads in.
const TRADITIONAL = /^(?:zh-(?:hant|hk|tw|mo)(?:-|$)|yue(?:-|$))/;
const SIMPLIFIED = /^zh(?:-|$)/;
const ENGLISH = /^en(?:-|$)/;

/** The first supported language of an Accept-Language header by weight, or null. */
export function langFromAcceptLanguage(header: string | undefined): Lang | null {
  if (!header) return null;
  const ranges = header.split(',').slice(0, 20).map((part, index) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (TRADITIONAL.test(tag)) return 'zh-Hant';
    if (SIMPLIFIED.test(tag)) return 'zh';
    if (ENGLISH.test(tag)) return 'en';
  }
  return null;
}

function chosenLang(c: Context): Lang | null {
  const asked = c.req.query('lang');
  if (isLang(asked)) {
    setCookie(c, 'lang', asked, {
      path: '/', maxAge: YEAR_SECONDS, sameSite: 'Lax', httpOnly: true,
      secure: new URL(c.req.url).protocol === 'https:',
    });
    return asked;
  }
  const remembered = getCookie(c, 'lang');
  return isLang(remembered) ? remembered : null;
}

export function resolveLang(c: Context, area?: 'public'): { lang: Lang; t: Messages };
export function resolveLang(c: Context, area: 'staff'): { lang: StaffLang; t: Messages };
export function resolveLang(c: Context, area: 'public' | 'staff' = 'public'): { lang: Lang; t: Messages } {
  const chosen = chosenLang(c);
  if (area === 'staff') {
    const lang: StaffLang = chosen === 'en' ? 'en' : 'zh';
    return { lang, t: messages[lang] };
  }
  let lang = chosen;
  if (lang === null) {
    // The page differs with the browser's languages: shared caches must keep one copy for each.
    c.header('Vary', 'Accept-Language', { append: true });
    lang = langFromAcceptLanguage(c.req.header('accept-language')) ?? 'zh';
  }
  return { lang, t: messages[lang] };
}

/** The current URL with `lang` replaced: the target of the language switch. */
export function switchHref(c: Context, lang: Lang): string {
  const url = new URL(c.req.url);
  url.searchParams.set('lang', lang);
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** A switch target (path and query) pointed at another language: the public switch's three links. */
export function withLang(href: string, lang: Lang): string {
  const url = new URL(href, 'http://x');
  url.searchParams.set('lang', lang);
  return `${url.pathname}?${url.searchParams.toString()}`;
}
