/** Public pages: home, the intake form and its confirmation, static assets. */
import { Hono } from 'hono';
import { csrf } from 'hono/csrf';
import { createUploadGate } from '../server/attachments/limits.js';
import { isMultipart } from '../server/attachments/multipart.js';
import type { Deps } from '../server/deps.js';
import { isKind, loadChoices } from './intake/choices.js';
import { emptyForm, readForm } from './intake/form.js';
import { fieldErrors } from './intake/issues.js';
import { readIntakeForm, submitForm } from './intake/submit.js';
import { resolveLang, switchHref } from './lang.js';
import { ConfirmationPage } from './pages/confirmation.js';
import { publicErrors } from './pages/error.js';
import { HomePage } from './pages/home.js';
import { SubmitPage } from './pages/submit.js';
import { renderPage } from './render.js';
import { staticRoutes } from './static/routes.js';

export function webRoutes(deps: Deps, uploadGate = createUploadGate(deps.config.INTAKE_MAX_UPLOADS_IN_FLIGHT)) {
  const app = new Hono();
  app.route('/', staticRoutes());

  app.get('/', (c) => {
    const { t } = resolveLang(c);
    return renderPage(c, <HomePage t={t} switchHref={switchHref(c, t.switchLang)} />);
  });

  app.get('/submit', async (c) => {
    const { lang, t } = resolveLang(c);
    const kind = c.req.query('kind');
    const onlyKind = isKind(kind) ? kind : undefined;
    const f = { t, lang, values: emptyForm(onlyKind), errors: new Map<string, string>() };
    const choices = await loadChoices(deps);
    return renderPage(c, <SubmitPage f={f} choices={choices} onlyKind={onlyKind} switchHref={switchHref(c, t.switchLang)} />);
  });

  // Only same-origin form posts (Origin or Sec-Fetch-Site), so another site cannot file in a visitor's name.
  app.post('/submit', csrf(), (c, next) => (isMultipart(c.req.header('content-type')) ? uploadGate(next) : next()), async (c) => {
    const { lang, t } = resolveLang(c);
    const { body, files, refusal } = await readIntakeForm(c.req, deps.config);
    const values = readForm(body);
    const choices = await loadChoices(deps);
    const outcome = await submitForm(deps, values, lang, choices.categories, files, refusal);
    // Both outcomes carry personal data (the typed form, or the receipt): never cache them.
    c.header('Cache-Control', 'no-store');
    if (outcome.ok) return renderPage(c, <ConfirmationPage t={t} lang={lang} submitted={outcome.submitted} />);
    const f = { t, lang, values, errors: fieldErrors(outcome.issues, values, t, lang, choices.categories) };
    return renderPage(c, <SubmitPage f={f} choices={choices} switchHref={switchHref(c, t.switchLang)} />, 400);
  });

  app.onError(publicErrors(deps));
  return app;
}
