/** The page frame: language, viewport, skip link, header with the language switch, footer. */
import type { Child } from 'hono/jsx';
import { langChoices, type Messages } from './i18n.js';
import { withLang } from './lang.js';

export interface LayoutProps {
  t: Messages;
  title: string;
  /** The page's URL for the language switch (its `lang` is replaced for each language); omitted on pages that must not be reloaded (the receipt). */
  switchHref?: string | undefined;
  scripts?: string[];
  children?: Child;
}

/** 简体 / 繁體 / English, each named in itself; the page's own language is marked, not linked. */
function LangSwitch({ t, switchHref }: { t: Messages; switchHref: string }) {
  return (
    <nav class="lang-switch" aria-label="Language / 语言 / 語言">
      <ul>
        {langChoices.map((choice) => (
          <li>
            {choice.htmlLang === t.htmlLang
              ? <span aria-current="true" lang={choice.htmlLang}>{choice.label}</span>
              : <a href={withLang(switchHref, choice.lang)} lang={choice.htmlLang} hreflang={choice.htmlLang}>{choice.label}</a>}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Layout({ t, title, switchHref, scripts = [], children }: LayoutProps) {
  return (
    <html lang={t.htmlLang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} – ${t.siteName}`}</title>
        <link rel="stylesheet" href="/static/app.css" />
        {scripts.map((src) => <script src={src} defer></script>)}
      </head>
      <body>
        <a class="skip-link" href="#main">{t.skipLink}</a>
        <header class="site-header">
          <div class="wrap header-inner">
            <a class="site-name" href="/">{t.siteName}</a>
            {switchHref && <LangSwitch t={t} switchHref={switchHref} />}
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
