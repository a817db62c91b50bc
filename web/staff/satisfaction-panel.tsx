/** The case page's satisfaction panel: the reporter's rating after closing, comment redacted. */
import type { CaseView } from '../../server/cases/case-page.service.js';
import type { StaffView } from './context.js';
import { formatTime } from './format.js';
import { satisfactionMessages } from './messages-satisfaction.js';

export function SatisfactionSection({ v, c }: { v: StaffView; c: CaseView }) {
  const r = c.satisfaction;
  // Nothing to say before the case is closed.
  if (!r && c.status !== 'closed') return null;
  const m = satisfactionMessages(v.lang);
  return (
    <section aria-labelledby="satisfaction-title" class="satisfaction-panel">
      <h2 id="satisfaction-title">{m.heading}</h2>
      {!r ? <p>{m.none}</p> : (
        <>
          {r.rehandleSuggested && <p class="notice" role="note">{m.suggested}</p>}
          <dl class="details">
            <dt>{m.score}</dt><dd data-score={r.score}>{m.scoreOf(r.score)}</dd>
            <dt>{m.resolved}</dt><dd>{r.resolved ? m.yes : m.no}</dd>
            <dt>{m.comment}</dt><dd class="satisfaction-comment">{r.comment ?? m.noComment}</dd>
            <dt>{m.at}</dt><dd><time datetime={r.at}>{formatTime(r.at)}</time></dd>
          </dl>
        </>
      )}
    </section>
  );
}
