/** /enterprises (search) and /enterprises/{code} (summary): public pages in zh-CN, zh-Hant and English. */
import { Hono, type Context } from 'hono';
import type { Deps } from '../../server/deps.js';
import { enterpriseSummary, searchEnterprises, SEARCH_LIMIT } from '../../server/enterprises/enterprises.service.js';
import { checkCreditCode } from '../../server/lib/identifiers.js';
import { resolveLang, switchHref } from '../lang.js';
import { publicErrors } from '../pages/error.js';
import { catchRefusal } from '../refusal.js';
import { renderPage } from '../render.js';
import { enterpriseMessages } from './messages.js';
import { EnterpriseNotFoundPage, EnterpriseSearchPage, EnterpriseSummaryPage } from './pages.js';

const MAX_QUERY = 100;

function texts(c: Context) {
  const { lang, t } = resolveLang(c);
  return { t, m: enterpriseMessages[lang], switchHref: switchHref(c, lang) };
}

export function enterprisePages(deps: Deps) {
  const app = new Hono();

  app.get('/', async (c) => {
    const base = texts(c);
    const q = (c.req.query('q') ?? '').trim();
    if (q.length > MAX_QUERY) {
      return renderPage(c, <EnterpriseSearchPage {...base} q={q.slice(0, MAX_QUERY)} matches={null} limit={SEARCH_LIMIT} error={base.m.searchTooLong} />, 400);
    }
    const matches = q ? await searchEnterprises(deps, q) : null;
    return renderPage(c, <EnterpriseSearchPage {...base} q={q} matches={matches} limit={SEARCH_LIMIT} />);
  });

  app.get('/:code', async (c) => {
    const given = c.req.param('code');
    const check = checkCreditCode(given);
    // One address per enterprise: a code typed in lower case or with spaces goes to its upper-case page.
    if (check.wellFormed && given !== check.code) {
      const lang = c.req.query('lang');
      return c.redirect(`/enterprises/${check.code}${lang ? `?lang=${encodeURIComponent(lang)}` : ''}`, 301);
    }
    const base = texts(c);
    const found = await catchRefusal(['not_found'], () => enterpriseSummary(deps, given));
    if (!found.ok) {
      return renderPage(c, <EnterpriseNotFoundPage {...base} code={check.code} wellFormed={check.wellFormed} />, 404);
    }
    return renderPage(c, <EnterpriseSummaryPage {...base} s={found.value} />);
  });

  app.onError(publicErrors(deps));
  return app;
}
