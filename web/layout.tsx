/** The page frame: language, viewport, skip link, header with the language switch, footer. */
import type { Child } from 'hono/jsx';
import type { Messages } from './i18n.js';

export interface LayoutProps {
  t: Messages;
  title: string;
  /** Where the language switch points; omitted on pages that must not be reloaded (the receipt). */
  switchHref?: string | undefined;
  scripts?: string[];
  children?: Child;
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
            {switchHref && (
              <nav class="lang-switch" aria-label="Language / 语言">
                <a href={switchHref} lang={t.switchHtmlLang} hreflang={t.switchHtmlLang}>{t.switchLabel}</a>
              </nav>
            )}
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
