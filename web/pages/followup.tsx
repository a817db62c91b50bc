/** The way back in: the 16-digit receipt. The typed receipt is never written back into the page. */
import type { Lang, Messages } from '../i18n.js';
import { Layout } from '../layout.js';

export interface FollowupLoginProps {
  t: Messages;
  lang: Lang;
  /** A problem with what was typed: shown above the form and at the field. */
  error?: string | undefined;
  /** A neutral notice: the session ended, or the reporter signed out. */
  notice?: string | undefined;
}

export function FollowupLoginPage({ t, lang, error, notice }: FollowupLoginProps) {
  const l = t.followup.login;
  const described = ['followup-receipt-hint', error ? 'followup-receipt-error' : ''].filter(Boolean).join(' ');
  return (
    <Layout t={t} title={(error ? t.followup.errorTitlePrefix : '') + l.title} switchHref={`/followup?lang=${t.switchLang}`}>
      <h1>{l.title}</h1>
      {error && (
        <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex={-1}>
          <h2 id="error-summary-title" class="error-summary-title">{t.followup.errorSummary}</h2>
          <ul class="error-summary-list"><li><a href="#followup-receipt">{error}</a></li></ul>
        </div>
      )}
      {notice && <div class="notice" role="status"><p>{notice}</p></div>}
      <p class="lead">{l.intro}</p>
      <p class="followup-privacy">{l.privacy}</p>
      <form class="followup-login" method="post" action={`/followup?lang=${lang}`} autocomplete="off">
        <div class={error ? 'field field-error' : 'field'}>
          <label class="label" for="followup-receipt">{l.label}</label>
          <p class="hint" id="followup-receipt-hint">{l.hint}</p>
          {error && <p class="error-message" id="followup-receipt-error">{error}</p>}
          <input class="input input-receipt" id="followup-receipt" name="receipt" type="text" inputmode="numeric"
            autocomplete="off" autocapitalize="off" spellcheck={false} maxlength={40} required
            aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
        </div>
        <button class="button" type="submit">{l.submit}</button>
      </form>
      <p class="hint">{l.lost}</p>
    </Layout>
  );
}
