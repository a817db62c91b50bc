/** The document every staff-side page shares: head, skip link, header with the language switch and who is signed in. */
import type { Child } from 'hono/jsx';
import type { Messages } from '../i18n.js';

/** The head of every staff-side document: not for search engines, the site's stylesheet, and any of the page's own. */
export function StaffHead({ title, stylesheets = [] }: { title: string; stylesheets?: string[] }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{title}</title>
      <link rel="icon" href="/favicon.ico" sizes="32x32" />
      <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/static/app.css" />
      {stylesheets.map((href) => <link rel="stylesheet" href={href} />)}
    </head>
  );
}

export function StaffDocument({ t, title, homeHref, workspace, switchHref, signedIn, nav, children }: {
  t: Messages; title: string; homeHref: string; workspace: string; switchHref: string;
  signedIn?: Child; nav?: Child; children?: Child;
}) {
  return (
    <html lang={t.htmlLang}>
      <StaffHead title={`${title} – ${workspace} – ${t.siteName}`} />
      <body class="staff">
        <a class="skip-link" href="#main">{t.skipLink}</a>
        <header class="site-header">
          <div class="wrap wrap-wide header-inner">
            <a class="site-name" href={homeHref}>{`${t.siteName} · ${workspace}`}</a>
            <nav class="lang-switch" aria-label="Language / 语言">
              <a href={switchHref} lang={t.switchHtmlLang} hreflang={t.switchHtmlLang}>{t.switchLabel}</a>
            </nav>
            {signedIn}
          </div>
        </header>
        {nav}
        <main id="main" class="wrap wrap-wide" tabindex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
