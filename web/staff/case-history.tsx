/** The case page's history: timeline, messages, dispatches, and likely duplicates to merge. */
import type { CaseView } from '../../server/cases/case-page.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { departmentName, nameOf, type StaffView } from './context.js';
import { formatTime } from './format.js';
import { satisfactionMessages } from './messages-satisfaction.js';

type TimelineEvent = CaseView['timeline'][number];

/** The intake's "sent to triage" event shares its name with the injury action `triage`. */
function eventLabel(v: StaffView, e: TimelineEvent): string {
  const s = v.t.staff;
  if (e.event === 'triage' && e.actor === 'system') return s.events.queued_for_triage ?? e.event;
  if (e.event === 'rated') return satisfactionMessages(v.lang).event;
  return s.actions[e.event] ?? s.events[e.event] ?? e.event;
}

/** A note that names a department or ground by code is shown by name. */
function eventNote(v: StaffView, e: TimelineEvent): string | null {
  if (e.note === null) return null;
  if (e.event === 'routed' || e.event === 'cohandler_added') return departmentName(v, e.note);
  return e.note;
}

function statusChange(v: StaffView, e: TimelineEvent): string | null {
  const data = (e.data ?? {}) as Record<string, unknown>;
  if (typeof data.from !== 'string' || typeof data.to !== 'string' || data.from === data.to) return null;
  const name = (status: string) => v.t.staff.statuses[status] ?? status;
  return `${name(data.from)} → ${name(data.to)}`;
}

function eventDetail(v: StaffView, e: TimelineEvent): string | null {
  const data = (e.data ?? {}) as Record<string, unknown>;
  if (typeof data.ground === 'string') return v.t.staff.grounds[data.ground] ?? data.ground;
  if (typeof data.department === 'string' && (e.event === 'assign' || e.event === 'add_cohandler')) return departmentName(v, data.department);
  if (typeof data.into === 'string') return data.into;
  if (e.event === 'rated' && typeof data.score === 'number') {
    const m = satisfactionMessages(v.lang);
    return `${m.scoreOf(data.score)} · ${data.resolved === true ? m.yes : m.no}`;
  }
  return null;
}

export function TimelineSection({ v, c }: { v: StaffView; c: CaseView }) {
  const s = v.t.staff.case;
  return (
    <section aria-labelledby="timeline-title">
      <h2 id="timeline-title">{s.timeline}</h2>
      <ol class="timeline">
        {c.timeline.map((e) => {
          const detail = eventDetail(v, e);
          const note = eventNote(v, e);
          const change = statusChange(v, e);
          return (
            <li class="timeline-entry" data-event={e.event}>
              <time datetime={e.at}>{formatTime(e.at)}</time>
              <strong class="timeline-event">{eventLabel(v, e)}</strong>
              <span class="timeline-actor">{e.actor === 'system' ? s.system : e.actor}</span>
              {change && <span class="timeline-status">{change}</span>}
              {detail && <span class="timeline-detail">{detail}</span>}
              {note && <p class="timeline-note">{note}</p>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function MessagesSection({ v, c }: { v: StaffView; c: CaseView }) {
  const s = v.t.staff.case;
  return (
    <section aria-labelledby="messages-title">
      <h2 id="messages-title">{s.messages}</h2>
      {c.messages.length === 0 ? <p>{s.noMessages}</p> : (
        <ol class="messages">
          {c.messages.map((m) => (
            <li class={`message message-${m.from}`}>
              <p class="message-meta">
                <strong>{s.from[m.from] ?? m.from}</strong>{m.from === 'reporter' && <> <span class="mono">{c.reporter}</span></>}
                {' · '}<time datetime={m.at}>{formatTime(m.at)}</time>
              </p>
              <p class="case-text">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function AssignmentsSection({ v, c }: { v: StaffView; c: CaseView }) {
  const s = v.t.staff.case;
  return (
    <section aria-labelledby="assignments-title">
      <h2 id="assignments-title">{s.assignments}</h2>
      {c.assignments.length === 0 ? <p>{s.noAssignments}</p> : (
        <div class="table-scroll">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{s.department}</th><th scope="col">{s.dispatched}</th><th scope="col">{s.signDue}</th>
                <th scope="col">{s.signed}</th><th scope="col">{s.returned}</th><th scope="col">{s.returnReason}</th>
              </tr>
            </thead>
            <tbody>
              {c.assignments.map((a) => (
                <tr>
                  <th scope="row">{departmentName(v, a.department)}</th>
                  <td>{formatTime(a.dispatchedAt)}</td><td>{formatTime(a.signDueAt)}</td><td>{formatTime(a.signedAt)}</td>
                  <td>{formatTime(a.returnedAt)}</td><td>{a.returnReason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A later case merges into the earlier one: only an earlier duplicate is offered as the target. */
const isEarlier = (d: { receivedAt: string; caseNumber: string }, c: { receivedAt: string; caseNumber: string }) =>
  d.receivedAt < c.receivedAt || (d.receivedAt === c.receivedAt && d.caseNumber < c.caseNumber);

export function DuplicatesSection({ v, c }: { v: StaffView; c: CaseView }) {
  if (c.duplicates.length === 0) return null;
  const { t, lang } = v;
  const s = t.staff.case;
  const canMerge = c.allowedActions.includes('merge');
  return (
    <section aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">{s.duplicates}</h2>
      {canMerge && c.duplicates.some((d) => isEarlier(d, c)) && <p class="hint">{s.mergeHint}</p>}
      <ul class="duplicates">
        {c.duplicates.map((d) => (
          <li>
            <a href={`/staff/cases/${d.caseNumber}`}>{d.caseNumber}</a>
            {' · '}{t.staff.kinds[d.kind] ?? d.kind} · {nameOf(v.lookups.categories, d.category, lang)}
            {' · '}{d.subject} · {t.staff.statuses[d.status] ?? d.status} · {formatTime(d.receivedAt)}
            {canMerge && !isEarlier(d, c) && <p class="hint">{t.staff.work.duplicates.later}</p>}
            {canMerge && isEarlier(d, c) && (
              <form method="post" action={`/staff/cases/${c.caseNumber}/actions`} class="inline-form">
                {csrfField(v.csrf)}
                <input type="hidden" name="action" value="merge" />
                <input type="hidden" name="into" value={d.caseNumber} />
                <button type="submit" class="button button-secondary button-small">{s.mergeInto(d.caseNumber)}</button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
