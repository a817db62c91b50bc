/** On the follow-up page of a complaint not accepted (不予受理): the complainant's other channels and legal remedy. */
import { refusalText } from '../followup/messages-refusal.js';
import type { Lang } from '../i18n.js';

type Timeline = readonly { event: string }[];

/** Whether the complaint's last decision on acceptance was a refusal (it may have been re-handled since). */
export function refusedNow(publicStatus: string, timeline: Timeline): boolean {
  if (publicStatus !== 'not_accepted' && publicStatus !== 'closed') return false;
  const last = [...timeline].reverse().find((e) => e.event === 'not_accept' || e.event === 'accept' || e.event === 'rehandle');
  return last?.event === 'not_accept';
}

export function RefusalOptions({ lang, view }: { lang: Lang; view: { publicStatus: string; timeline: Timeline } }) {
  if (!refusedNow(view.publicStatus, view.timeline)) return null;
  const r = refusalText[lang];
  return (
    <section class="refusal-options" aria-labelledby="refusal-title">
      <h2 id="refusal-title">{r.heading}</h2>
      <p>{r.intro}</p>
      <ul>{r.options.map((option) => <li>{option}</li>)}</ul>
    </section>
  );
}
