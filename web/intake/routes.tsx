/**
 * The intake form's pages: the form, its post, and the confirmation page. A filed form answers
 * 303 to a confirmation address with a random token: that page shows the receipt once, so a reload
 * neither files again nor shows the receipt again. The form carries an idempotency key, so a post
 * sent twice (back and submit again, a lost answer) files one case.
 */
import { Hono, type Context } from 'hono';
import type { CaseKind } from '../../domain/vocabulary.js';
import { csrf } from 'hono/csrf';
import type { createUploadGate } from '../../server/attachments/limits.js';
import { isMultipart } from '../../server/attachments/multipart.js';
import type { Deps } from '../../server/deps.js';
import { takeView } from '../../server/intake/submit-once.service.js';
import { isValidKey, newKey } from '../../server/intake/submission-keys.js';
import { formText } from '../../server/lib/body.js';
import type { Lang, Messages } from '../i18n.js';
import { resolveLang, switchHref } from '../lang.js';
import { ConfirmationPage, ReceiptShownPage } from '../pages/confirmation.js';
import { SubmitPage } from '../pages/submit.js';
import { renderPage } from '../render.js';
import { isKind, loadChoices, type Choices } from './choices.js';
import { EnterprisePage } from './enterprise-page.js';
import { emptyForm, ENTERPRISE, formAction, isEnterpriseForm, KEY_FIELD, readForm, type FormValues } from './form.js';
import { categoryIssue, fieldErrors } from './issues.js';
import { readIntakeForm, submitForm } from './submit.js';

interface Shown {
  values: FormValues;
  key: string;
  errors?: Map<string, string>;
  refreshed?: boolean;
  keyUsed?: boolean;
  onlyKind?: CaseKind | undefined;
}

function showForm(c: Context, lang: Lang, t: Messages, choices: Choices, s: Shown, status: 200 | 400 = 200) {
  const f = { t, lang, values: s.values, errors: s.errors ?? new Map<string, string>(), key: s.key, refreshed: s.refreshed };
  if (isEnterpriseForm(s.values)) {
    return renderPage(c, <EnterprisePage f={f} choices={choices} keyUsed={s.keyUsed} switchHref={switchHref(c, t.switchLang)} />, status);
  }
  return renderPage(c, (
    <SubmitPage f={f} choices={choices} onlyKind={s.onlyKind} keyUsed={s.keyUsed} switchHref={switchHref(c, t.switchLang)} />
  ), status);
}

/** The form shown again as typed, for another kind or language: only a category that no longer fits is flagged. */
function refresh(c: Context, lang: Lang, t: Messages, choices: Choices, values: FormValues, key: string) {
  const mismatch = categoryIssue(values, choices.categories);
  const errors = mismatch ? fieldErrors([mismatch], values, t, lang, choices.categories) : undefined;
  return showForm(c, lang, t, choices, { values, key, errors, refreshed: true });
}

export function intakePages(deps: Deps, uploadGate: ReturnType<typeof createUploadGate>) {
  const app = new Hono();

  app.get('/submit', async (c) => {
    const { lang, t } = resolveLang(c);
    const kind = c.req.query('kind');
    const onlyKind = isKind(kind) ? kind : undefined;
    // The enterprise path: the responsible enterprise reports its own accident (an injury, always).
    const values = c.req.query('as') === ENTERPRISE ? { ...emptyForm('injury'), as: ENTERPRISE } : emptyForm(onlyKind);
    // Each visitor's form has its own key: never from a shared cache, always fetched anew. (Not no-store:
    // the back button may still show this very form, with its key, so sending it again files nothing.)
    c.header('Cache-Control', 'private, no-cache');
    return showForm(c, lang, t, await loadChoices(deps), { values, key: newKey(), onlyKind });
  });

  // Only same-origin form posts (Origin or Sec-Fetch-Site), so another site cannot file in a visitor's name.
  app.post('/submit', csrf(), (c, next) => (isMultipart(c.req.header('content-type')) ? uploadGate(next) : next()), async (c) => {
    const { lang, t } = resolveLang(c);
    const { body, files, refusal } = await readIntakeForm(c.req, deps.config);
    const values = readForm(body);
    const choices = await loadChoices(deps);
    // Every answer here carries personal data (the typed form, or the receipt): never cache it.
    c.header('Cache-Control', 'no-store');
    const posted = formText(body, KEY_FIELD).trim();
    // A form shown before keys existed posts none: it is filed, and answered, as it was then.
    const key = posted === '' ? null : isValidKey(posted) ? posted : newKey();
    if (formAction(body) === 'refresh') return refresh(c, lang, t, choices, values, key ?? newKey());
    const outcome = await submitForm(deps, values, lang, choices.categories, files, refusal, key);
    if (outcome.ok === 'redirect') return c.redirect(outcome.location, 303);
    if (outcome.ok) return renderPage(c, <ConfirmationPage t={t} lang={lang} submitted={outcome.submitted} />);
    if (outcome.keyUsed) return showForm(c, lang, t, choices, { values, key: newKey(), keyUsed: true }, 400);
    const errors = fieldErrors(outcome.issues, values, t, lang, choices.categories);
    return showForm(c, lang, t, choices, { values, key: key ?? newKey(), errors }, 400);
  });

  // The receipt, once: the token is used up by this showing, or lapses a few minutes after filing.
  app.get('/submit/receipt/:token', async (c) => {
    const { lang, t } = resolveLang(c);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const submitted = await takeView(deps, c.req.param('token'));
    if (submitted) return renderPage(c, <ConfirmationPage t={t} lang={lang} submitted={submitted} />);
    return renderPage(c, <ReceiptShownPage t={t} lang={lang} />);
  });

  app.get('/submit/receipt', (c) => {
    const { lang, t } = resolveLang(c);
    c.header('Cache-Control', 'no-store');
    return renderPage(c, <ReceiptShownPage t={t} lang={lang} />);
  });

  return app;
}
