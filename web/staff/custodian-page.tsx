/**
 * GET /staff/disclosures: the identity custodians' queue. A custodian decides on the request and its
 * legal reason; the page never carries the identity, nor a link to the case (custodians see no cases).
 */
import type { DisclosureView } from '../../server/identity/disclosure.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { departmentName, type StaffView } from './context.js';
import { formatTime } from './format.js';
import { StaffLayout } from './layout.js';

export type Decision = 'approve' | 'deny';

/** A refused decision form: its request, what was typed, and why. */
export interface DecisionFailure { id: string; decision: Decision; typed: string; message: string; detail?: string | undefined }

interface PageProps {
  v: StaffView;
  pending: DisclosureView[];
  decided: DisclosureView[];
  notice?: string | undefined;
  failure?: DecisionFailure | undefined;
}

function DecisionForm({ v, r, decision, failure }: { v: StaffView; r: DisclosureView; decision: Decision; failure?: DecisionFailure | undefined }) {
  const k = v.t.staff.reporter.custodian;
  const id = `note-${decision}-${r.id}`;
  const mine = failure?.id === r.id && failure.decision === decision ? failure : undefined;
  return (
    <form method="post" action={`/staff/disclosures/${r.id}/${decision}`} class="decision-form">
      {csrfField(v.csrf)}
      <div class={mine ? 'field field-error' : 'field'}>
        <label class="label" for={id}>{decision === 'deny' ? k.denyNote : k.approveNote}</label>
        {mine && (
          <div id={`${id}-error`} role="alert">
            <p class="error-message">{mine.message}</p>
            {mine.detail && <p class="hint">{v.t.staff.reporter.refused.detail}<span lang="en">{mine.detail}</span></p>}
          </div>
        )}
        <textarea class="textarea" id={id} name="note" rows={2} maxlength={2000} required={decision === 'deny'}
          aria-invalid={mine ? 'true' : undefined} aria-describedby={mine ? `${id}-error` : undefined}>{mine?.typed ?? ''}</textarea>
      </div>
      <button type="submit" class={decision === 'deny' ? 'button button-secondary' : 'button'} data-decision={decision}>
        {decision === 'deny' ? k.deny : k.approve}
      </button>
    </form>
  );
}

function PendingRequest({ v, r, failure }: { v: StaffView; r: DisclosureView; failure?: DecisionFailure | undefined }) {
  const k = v.t.staff.reporter.custodian;
  return (
    <li class="panel disclosure-pending" id={`request-${r.id}`}>
      <dl class="summary-list">
        <dt>{k.subject}</dt><dd data-subject={r.subject}><strong>{k.subjects[r.subject] ?? r.subject}</strong></dd>
        <dt>{k.caseNumber}</dt><dd class="mono">{r.caseNumber}</dd>
        <dt>{k.kind}</dt><dd>{v.t.staff.kinds[r.kind] ?? r.kind}</dd>
        <dt>{k.department}</dt><dd>{departmentName(v, r.department) ?? '—'}</dd>
        <dt>{k.requester}</dt><dd>{r.requestedBy}</dd>
        <dt>{k.requestedAt}</dt><dd><time datetime={r.requestedAt}>{formatTime(r.requestedAt)}</time></dd>
      </dl>
      <h3>{k.legalReason}</h3>
      <p class="case-text">{r.legalReason}</p>
      <div class="decision-forms">
        <DecisionForm v={v} r={r} decision="approve" failure={failure} />
        <DecisionForm v={v} r={r} decision="deny" failure={failure} />
      </div>
    </li>
  );
}

function DecidedTable({ v, decided }: { v: StaffView; decided: DisclosureView[] }) {
  const k = v.t.staff.reporter.custodian;
  return (
    <div class="table-scroll">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{k.caseNumber}</th><th scope="col">{k.subject}</th><th scope="col">{k.requester}</th><th scope="col">{k.legalReason}</th>
            <th scope="col">{k.requestedAt}</th><th scope="col">{k.decision}</th><th scope="col">{k.decidedAt}</th>
            <th scope="col">{k.note}</th><th scope="col">{k.viewedAt}</th>
          </tr>
        </thead>
        <tbody>
          {decided.map((r) => (
            <tr data-status={r.status}>
              <th scope="row" class="mono">{r.caseNumber}</th><td>{k.subjects[r.subject] ?? r.subject}</td><td>{r.requestedBy}</td><td>{r.legalReason}</td>
              <td>{formatTime(r.requestedAt)}</td><td>{k.decisions[r.status] ?? r.status}</td><td>{formatTime(r.decidedAt)}</td>
              <td>{r.decisionNote || '—'}</td><td>{formatTime(r.viewedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DisclosuresPage({ v, pending, decided, notice, failure }: PageProps) {
  const k = v.t.staff.reporter.custodian;
  return (
    <StaffLayout v={v} title={`${failure ? v.t.errors.titlePrefix : ''}${k.title}`} current="disclosures">
      <h1>{k.title}</h1>
      <p class="hint">{k.intro}</p>
      {notice && <p class="notice notice-success" role="status">{notice}</p>}
      {failure && (
        <div class="error-summary" role="alert" aria-labelledby="failure-title" tabindex={-1}>
          <h2 id="failure-title" class="error-summary-title">{v.t.staff.reporter.refused.title}</h2>
          <ul class="error-summary-list"><li><a href={`#note-${failure.decision}-${failure.id}`}>{failure.message}</a></li></ul>
        </div>
      )}
      <section aria-labelledby="pending-title">
        <h2 id="pending-title">{k.pending} <span class="count">{pending.length}</span></h2>
        {pending.length === 0 ? <p>{k.nonePending}</p> : (
          <ol class="disclosure-queue">{pending.map((r) => <PendingRequest v={v} r={r} failure={failure} />)}</ol>
        )}
      </section>
      <section aria-labelledby="decided-title">
        <h2 id="decided-title">{k.decided}</h2>
        {decided.length === 0 ? <p>{k.noneDecided}</p> : <DecidedTable v={v} decided={decided} />}
      </section>
    </StaffLayout>
  );
}
