/** A plain error page for the public pages (refused form, too large, internal). */
import type { Messages } from '../i18n.js';
import { Layout } from '../layout.js';

/** `back`: where the page offers to go on (the form by default). */
export function ErrorPage({ t, title, body, back }: { t: Messages; title: string; body: string; back?: { href: string; label: string } }) {
  const link = back ?? { href: '/submit', label: t.errorPage.back };
  return (
    <Layout t={t} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p><a href={link.href}>{link.label}</a></p>
    </Layout>
  );
}
