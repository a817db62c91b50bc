/** An error on the follow-up pages (refused form, too large, internal), with the way back in. */
import type { Messages } from '../i18n.js';
import { ErrorPage } from './error.js';

export function FollowupErrorPage({ t, title, body }: { t: Messages; title: string; body: string }) {
  return <ErrorPage t={t} title={title} body={body} back={{ href: '/followup', label: t.followup.backToLogin }} />;
}
