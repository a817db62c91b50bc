/** /rate/{token}: the mailed rating link's page — the survey without a receipt or login, once. */
import type { Lang, Messages } from '../i18n.js';
import { Layout } from '../layout.js';
import { SatisfactionForm, type RatingState } from './followup-forms.js';

export interface RatePageProps {
  t: Messages;
  lang: Lang;
  caseNumber: string;
  /** open: the form; rated: taken already (or just now); not_closed: the case was reopened. */
  state: 'open' | 'rated' | 'not_closed';
  token: string;
  form?: RatingState | undefined;
  /** Shown after a successful rating. */
  thanks?: boolean;
  /** A refusal to show above the page (a second use). */
  refused?: string | undefined;
}

export function RatePage({ t, lang, caseNumber, state, token, form, thanks, refused }: RatePageProps) {
  const s = t.followup.satisfaction;
  const base = `/rate/${encodeURIComponent(token)}`;
  const hasErrors = form !== undefined && form.errors.size > 0;
  return (
    <Layout t={t} title={(hasErrors ? t.followup.errorTitlePrefix : '') + s.linkTitle(caseNumber)} switchHref={`${base}?lang=${t.switchLang}`}>
      <h1 id="satisfaction-title">{s.linkTitle(caseNumber)}</h1>
      {hasErrors && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title" class="error-summary-title">{t.followup.errorSummary}</h2>
          <ul class="error-summary-list">
            {[...form.errors].map(([field, message]) => <li><a href={`#satisfaction-${field}`}>{message}</a></li>)}
          </ul>
        </div>
      )}
      {refused && <div class="notice" role="alert"><p>{refused}</p></div>}
      {thanks && <div class="notice" role="status"><p>{s.thanks}</p></div>}
      {state === 'rated' && <p class="lead">{s.linkRated}</p>}
      {state === 'not_closed' && <p class="lead">{s.notClosed}</p>}
      {state === 'open' && (
        <>
          <p class="lead">{s.linkIntro}</p>
          <SatisfactionForm t={t} lang={lang} state={form} action={`${base}?lang=${lang}`} />
        </>
      )}
    </Layout>
  );
}
