/** A plain error page for the public pages (refused form, too large, internal), and their error handler. */
import type { Deps } from '../../server/deps.js';
import type { Messages } from '../i18n.js';
import { resolveLang } from '../lang.js';
import { Layout } from '../layout.js';
import { clientOrUnavailable, pageErrorHandler } from '../page-errors.js';
import { renderPage } from '../render.js';

type Link = { href: string; label: string };

/** `back`: where the page offers to go on (the form by default). */
export function ErrorPage({ t, title, body, back }: { t: Messages; title: string; body: string; back?: Link | undefined }) {
  const link = back ?? { href: '/submit', label: t.errorPage.back };
  return (
    <Layout t={t} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p><a href={link.href}>{link.label}</a></p>
    </Layout>
  );
}

function errorText(t: Messages, status: number) {
  if (status === 403) return { title: t.errorPage.forbiddenTitle, body: t.errorPage.forbidden };
  if (status === 413) return { title: t.errorPage.tooLargeTitle, body: t.errorPage.tooLarge };
  return { title: t.errorPage.genericTitle, body: t.errorPage.generic };
}

/** Errors on the public pages answer as pages, never cached; `back` is the way on (the follow-up pages lead back to the receipt form). */
export function publicErrors(deps: Deps, back?: (t: Messages) => Link) {
  return pageErrorHandler(deps, {
    status: clientOrUnavailable,
    render: (c, _err, status) => {
      const { t } = resolveLang(c);
      c.header('Cache-Control', 'no-store');
      return renderPage(c, <ErrorPage t={t} {...errorText(t, status)} back={back?.(t)} />, status);
    },
  });
}
