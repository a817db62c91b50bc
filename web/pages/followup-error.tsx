/** An error on the follow-up pages (refused form, too large, internal), with the way back in. */
import type { Messages } from '../i18n.js';
import { Layout } from '../layout.js';

export function FollowupErrorPage({ t, title, body }: { t: Messages; title: string; body: string }) {
  return (
    <Layout t={t} title={title}>
      <h1>{title}</h1>
      <p>{body}</p>
      <p><a href="/followup">{t.followup.backToLogin}</a></p>
    </Layout>
  );
}
