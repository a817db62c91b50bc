/**
 * /rate/{token}: the rating link mailed after closing. The token is the only credential, single use;
 * an unknown or expired one is the 404 page, a second rating says the case was already rated (409).
 */
import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import type { Deps } from '../../server/deps.js';
import { readFormBody } from '../../server/lib/body.js';
import { ratingLinkView, rateWithLink } from '../../server/satisfaction/rating-link.service.js';
import { isLang, messages, type Lang } from '../i18n.js';
import { resolveLang } from '../lang.js';
import { publicErrors } from '../pages/error.js';
import { RatePage, type RatePageProps } from '../pages/rate.js';
import { renderPage } from '../render.js';
import { catchRefusal } from '../refusal.js';
import { readRating } from './forms.js';

/** The page's language: ?lang= when chosen, else the language the reporter filed in. */
function langOf(c: Context, filedIn: string): { lang: Lang; t: (typeof messages)[Lang] } {
  if (isLang(c.req.query('lang'))) return resolveLang(c);
  const lang: Lang = isLang(filedIn) ? filedIn : 'zh';
  return { lang, t: messages[lang] };
}

function show(c: Context, status: 200 | 400 | 409, props: Omit<RatePageProps, 't' | 'lang'>, filedIn: string) {
  const { lang, t } = langOf(c, filedIn);
  // The address holds the credential: never cached, never sent on as a referrer.
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return renderPage(c, <RatePage t={t} lang={lang} {...props} />, status);
}

export function ratePages(deps: Deps) {
  const app = new Hono();
  const sameOrigin = csrf({ origin: (origin, c) => origin === new URL(c.req.url).origin || origin === new URL(deps.config.publicUrl).origin });

  app.get('/:token', async (c) => {
    const token = c.req.param('token');
    const view = await ratingLinkView(deps, token);
    return show(c, 200, { caseNumber: view.caseNumber, state: view.state, token, thanks: c.req.query('sent') === '1' }, view.language);
  });

  app.post('/:token', sameOrigin, async (c) => {
    const token = c.req.param('token');
    const view = await ratingLinkView(deps, token);
    const { t } = langOf(c, view.language);
    const base = { caseNumber: view.caseNumber, token };
    if (view.state !== 'open') {
      return show(c, 409, { ...base, state: view.state, refused: view.state === 'rated' ? t.followup.satisfaction.already : undefined }, view.language);
    }
    const form = readRating(await readFormBody(c.req), t);
    if (!form.ok) return show(c, 400, { ...base, state: 'open', form: { values: form.values, errors: form.errors } }, view.language);
    const rated = await catchRefusal(['conflict'], () => rateWithLink(deps, token, form.input));
    if (!rated.ok) return show(c, 409, { ...base, state: 'rated', refused: t.followup.satisfaction.already }, view.language);
    const lang = c.req.query('lang');
    return c.redirect(`/rate/${encodeURIComponent(token)}?sent=1${isLang(lang) ? `&lang=${lang}` : ''}`, 303);
  });

  app.onError(publicErrors(deps));
  return app;
}
