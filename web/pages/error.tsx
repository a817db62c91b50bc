/** A plain error page for the public pages (refused form, too large, internal). */
import type { Messages } from '../i18n.js';
import { Layout } from '../layout.js';

export function ErrorPage({ t, title, body }: { t: Messages; title: string; body: string }) {
  return (
    <Layout t={t} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p><a href="/submit">{t.errorPage.back}</a></p>
    </Layout>
  );
}
