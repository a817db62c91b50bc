/**
 * The case page's forms about the reporter: writing to them, opening a complainant's contact for
 * mediation, and the disclosure requests of a sealed report/injury identity (docs/protection.md). None of
 * them ever shows the identity here; what is opened is shown once, on the response to the post.
 */
import type { CaseView } from '../../server/cases/case-page.service.js';
import { actorMay } from '../../server/cases/lifecycle.js';
import type { DisclosureView } from '../../server/identity/disclosure.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import type { StaffView } from './context.js';
import { formatTime } from './format.js';

export type ReporterForm = 'message' | 'contact' | 'disclosure';

/** A refused reporter form: shown next to its field, with what was typed kept. */
export interface ReporterFormFailure {
  form: ReporterForm;
  typed: string;
  message: string;
  /** The service's own words (English), for a refusal the page cannot explain better. */
  detail?: string | undefined;
}

/** The lead department's handlers and supervisors, and the intake centre, write to the reporter. */
export function mayWrite(v: StaffView, c: CaseView): boolean {
  const scope = { kind: c.kind, status: c.status, department: c.department?.code ?? null, cohandlers: [] };
  return v.actor !== undefined && c.status !== 'merged' && actorMay('department_or_intake', v.actor, scope);
}

interface TextFieldProps {
  v: StaffView;
  id: string;
  name: string;
  label: string;
  hint?: string | undefined;
  rows: number;
  max: number;
  failure?: ReporterFormFailure | undefined;
}

function TextField({ v, id, name, label, hint, rows, max, failure }: TextFieldProps) {
  const described = [hint ? `${id}-hint` : '', failure ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={failure ? 'field field-error' : 'field'}>
      <label class="label" for={id}>{label}</label>
      {hint && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {failure && (
        <div id={`${id}-error`} role="alert">
          <p class="error-message">{failure.message}</p>
          {failure.detail && <p class="hint">{v.t.staff.reporter.refused.detail}<span lang="en">{failure.detail}</span></p>}
        </div>
      )}
      <textarea class="textarea" id={id} name={name} rows={rows} maxlength={max} required
        aria-invalid={failure ? 'true' : undefined} aria-describedby={described || undefined}>{failure?.typed ?? ''}</textarea>
    </div>
  );
}

const mine = (failure: ReporterFormFailure | undefined, form: ReporterForm) => (failure?.form === form ? failure : undefined);

export function WriteSection({ v, c, failure }: { v: StaffView; c: CaseView; failure?: ReporterFormFailure | undefined }) {
  if (!mayWrite(v, c)) return null;
  const w = v.t.staff.reporter.write;
  return (
    <section aria-labelledby="write-title" class="panel write-reporter">
      <h2 id="write-title">{w.title}</h2>
      <form method="post" action={`/staff/cases/${c.caseNumber}/messages`} class="reporter-form">
        {csrfField(v.csrf)}
        <TextField v={v} id="message-body" name="body" label={w.label} hint={w.hint} rows={5} max={5000} failure={mine(failure, 'message')} />
        <button type="submit" class="button">{w.send}</button>
      </form>
    </section>
  );
}

/** Complaint, lead department only (reporterContact is null for everyone else). */
export function ContactSection({ v, c, failure }: { v: StaffView; c: CaseView; failure?: ReporterFormFailure | undefined }) {
  if (!c.reporterContact) return null;
  const k = v.t.staff.reporter.contact;
  return (
    <section aria-labelledby="contact-title" class="panel identity-panel">
      <h2 id="contact-title">{k.title}</h2>
      <p>{c.reporterContact.name} {c.reporterContact.phone} <span class="tag">{k.masked}</span></p>
      <details class="action-details" open={failure?.form === 'contact'}>
        <summary>{k.open}</summary>
        <form method="post" action={`/staff/cases/${c.caseNumber}/identity/open`} class="reporter-form">
          {csrfField(v.csrf)}
          <TextField v={v} id="contact-reason" name="reason" label={k.reason} hint={k.reasonHint} rows={2} max={2000} failure={mine(failure, 'contact')} />
          <button type="submit" class="button button-secondary">{k.open}</button>
        </form>
      </details>
    </section>
  );
}

const statusKey = (r: DisclosureView) => (r.viewedAt ? 'viewed' : r.status);
const isOpen = (r: DisclosureView) => r.status === 'pending' || (r.status === 'approved' && !r.viewedAt);

function OwnRequest({ v, r }: { v: StaffView; r: DisclosureView }) {
  const d = v.t.staff.reporter.disclosure;
  const key = statusKey(r);
  return (
    <li class="disclosure-request" data-status={key}>
      <p class="disclosure-meta">
        <strong class="disclosure-status">{d.statuses[key] ?? key}</strong>
        {' · '}{d.requestedAt} <time datetime={r.requestedAt}>{formatTime(r.requestedAt)}</time>
        {r.decidedAt && <>{' · '}{d.decidedAt} <time datetime={r.decidedAt}>{formatTime(r.decidedAt)}</time></>}
      </p>
      <p class="case-text">{r.legalReason}</p>
      {r.decisionNote && <p><span class="label-inline">{d.note}：</span>{r.decisionNote}</p>}
      {key === 'approved' && (
        <form method="post" action={`/staff/disclosures/${r.id}/view`} class="reporter-form">
          {csrfField(v.csrf)}
          <button type="submit" class="button button-warning">{d.view}</button>
          <p class="hint">{d.viewHint}</p>
        </form>
      )}
    </li>
  );
}

/** Report/injury with a named reporter, lead department's handler or supervisor (requests is null otherwise). */
export function DisclosureSection({ v, c, requests, failure }: {
  v: StaffView; c: CaseView; requests: DisclosureView[] | null | undefined; failure?: ReporterFormFailure | undefined;
}) {
  if (!requests) return null;
  const d = v.t.staff.reporter.disclosure;
  return (
    <section aria-labelledby="disclosure-title" class="panel identity-panel">
      <h2 id="disclosure-title">{d.title}</h2>
      <p class="hint">{d.intro}</p>
      <h3>{d.mine}</h3>
      {requests.length === 0 ? <p>{d.none}</p> : (
        <ol class="disclosure-requests">{requests.map((r) => <OwnRequest v={v} r={r} />)}</ol>
      )}
      {requests.some(isOpen) ? <p class="hint">{d.open}</p> : (
        <details class="action-details" open={failure?.form === 'disclosure'}>
          <summary>{d.request}</summary>
          <form method="post" action={`/staff/cases/${c.caseNumber}/disclosure-requests`} class="reporter-form">
            {csrfField(v.csrf)}
            <TextField v={v} id="disclosure-reason" name="legalReason" label={d.legalReason} rows={3} max={2000} failure={mine(failure, 'disclosure')} />
            <button type="submit" class="button button-secondary">{d.request}</button>
          </form>
        </details>
      )}
    </section>
  );
}
