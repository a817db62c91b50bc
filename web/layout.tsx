/** The page frame: language, viewport, skip link, header with the language switch, footer. */
import type { Child } from 'hono/jsx';
import { langChoices, type Messages } from './i18n.js';
import { withLang } from './lang.js';
import { statsText } from './stats/messages.js';

export interface LayoutProps {
  t: Messages;
  title: string;
  /** The page's URL for the language switch (its `lang` is replaced for each language); omitted on pages that must not be reloaded (the receipt). */
  switchHref?: string | undefined;
  scripts?: string[];
  /** On a form page: the switch is made of buttons that post this form, so what was typed is kept. */
  switchForm?: SwitchForm | undefined;
  children?: Child;
}

/** The form a language switch posts, and the name and value of the button that says "show it again". */
export interface SwitchForm { id: string; name: string; value: string }

/** 简体 / 繁體 / English, each named in itself; the page's own language is marked, not linked. */
function LangSwitch({ t, switchHref, form }: { t: Messages; switchHref: string; form?: SwitchForm | undefined }) {
  return (
    <nav class="lang-switch" aria-label="Language / 语言 / 語言">
      <ul>
        {langChoices.map((choice) => (
          <li>
            {choice.htmlLang === t.htmlLang
              ? <span aria-current="true" lang={choice.htmlLang}>{choice.label}</span>
              : form
                // On a form page the switch posts the form: it comes back in the other language as typed.
                ? <button class="link-button" type="submit" form={form.id} formaction={withLang(switchHref, choice.lang)} formnovalidate
                  name={form.name} value={form.value} lang={choice.htmlLang}>{choice.label}</button>
                : <a href={withLang(switchHref, choice.lang)} lang={choice.htmlLang} hreflang={choice.htmlLang}>{choice.label}</a>}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The page language of a catalogue (its html lang). */
const langOfPage = (t: Messages) => langChoices.find((c) => c.htmlLang === t.htmlLang)?.lang ?? 'zh';

export function Layout({ t, title, switchHref, scripts = [], switchForm, children }: LayoutProps) {
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.siteName}`}</title>
        <link rel="icon" href="/favicon.ico" sizes="32x32" />
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/app.css" />
        {scripts.map((src) => <script src={src} defer></script>)}
      </head>
      <body>
        <a class="skip-link" href="#main">{t.skipLink}</a>
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="site-name" href="/">{t.siteName}</a>
            <nav class="lang-switch site-nav" aria-label={statsText(langOfPage(t)).navLabel}>
              <ul><li><a href="/stats">{statsText(langOfPage(t)).navLink}</a></li></ul>
            </nav>
            {switchHref && <LangSwitch t={t} switchHref={switchHref} form={switchForm} />}
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t.footerIdentity}</p>
            <p>{t.footerEmergency}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
