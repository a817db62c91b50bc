/**
 * Payee details at payout, inside the reward panel, for the reward officer of a claimed reward: a
 * named reporter's are opened with one audited button; an anonymous reporter's are requested from a
 * custodian first and then opened once. The details appear only in the answer to the opening post.
 */
import type { CaseView } from '../../server/cases/case-page.service.js';
import type { AppError } from '../../server/errors.js';
import type { Payee } from '../../server/rewards/payee.service.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import type { StaffView } from './context.js';
import { formatTime } from './format.js';

/** What the payout block shows after a post: the opened details, or the refused request as typed. */
export interface PayoutState {
  payee?: Payee | undefined;
  error?: AppError | undefined;
  reason?: string | undefined;
}

type Payout = NonNullable<NonNullable<CaseView['reward']>['payout']>;

function Shown({ v, payee }: { v: StaffView; payee: Payee }) {
  const p = v.t.staff.reward.payout;
  return (
    <div class="notice" role="status" data-payout="shown">
      <p><strong>{p.shownTitle}</strong></p>
      {/* As the identity view shows sealed values: large and wrapped, never cut off in the narrow side column. */}
      <dl class="summary-list identity-list">
        <dt>{p.name}</dt><dd class="identity-value" data-payee="name">{payee.name}</dd>
        <dt>{p.idNumber}</dt><dd class="identity-value mono" data-payee="id-number">{payee.idNumber}</dd>
        <dt>{p.bankAccount}</dt><dd class="identity-value mono" data-payee="bank-account">{payee.bankAccount}</dd>
        {payee.bankName && <><dt>{p.bankName}</dt><dd class="identity-value" data-payee="bank-name">{payee.bankName}</dd></>}
      </dl>
    </div>
  );
}

function Requests({ v, payout }: { v: StaffView; payout: Payout }) {
  const p = v.t.staff.reward.payout;
  if (payout.requests.length === 0) return null;
  return (
    <table class="table">
      <caption>{p.requests}</caption>
      <thead><tr><th scope="col">{p.requestedAt}</th><th scope="col">{p.state}</th></tr></thead>
      <tbody>
        {payout.requests.map((r) => (
          <tr data-payee-request={r.id}>
            <td>{formatTime(r.requestedAt)}</td>
            <td>{p.states[r.viewedAt ? 'viewed' : r.status] ?? r.status}{r.decisionNote ? ` — ${r.decisionNote}` : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ViewButton({ v, caseNumber, label }: { v: StaffView; caseNumber: string; label: string }) {
  return (
    <form method="post" action={`/staff/cases/${caseNumber}/reward/payee#payout`} class="action-form">
      {csrfField(v.csrf)}
      <button type="submit" class="button" data-action="view-payee">{label}</button>
    </form>
  );
}

function RequestForm({ v, caseNumber, state }: { v: StaffView; caseNumber: string; state?: PayoutState | undefined }) {
  const p = v.t.staff.reward.payout;
  const invalid = state?.error?.code === 'validation_failed';
  return (
    <form method="post" action={`/staff/cases/${caseNumber}/reward/payee-request#payout`} class="action-form">
      {csrfField(v.csrf)}
      <div class={invalid ? 'field field-error' : 'field'}>
        <label class="label" for="payee-reason">{p.reason}</label>
        {invalid && <p class="error-message" id="payee-reason-error">{state?.reason?.trim() ? p.reasonShort : v.t.staff.reward.form.required}</p>}
        <textarea class="textarea" id="payee-reason" name="reason" rows={2} maxlength={1000} required
          aria-describedby={invalid ? 'payee-reason-error' : undefined}>{state?.reason ?? ''}</textarea>
      </div>
      <button type="submit" class="button button-secondary" data-action="request-payee">{p.request}</button>
    </form>
  );
}

/** A refused view or request, in the page's language, with the system's own words after it. */
function Refused({ v, error }: { v: StaffView; error: AppError }) {
  const p = v.t.staff.reward.payout;
  const said = error.code === 'conflict' ? p.conflict : error.code === 'forbidden' ? p.forbidden : null;
  return (
    <div class="error-summary" role="alert" data-payout="refused">
      <h4 class="error-summary-title">{p.refusedTitle}</h4>
      {said && <p>{said}</p>}
      <p class="hint">{v.t.staff.reward.refused.detail}<span lang="en">{error.message}</span></p>
    </div>
  );
}

export function PayoutBlock({ v, c, state }: { v: StaffView; c: CaseView; state?: PayoutState | undefined }) {
  const payout = c.reward?.payout;
  if (!payout) return null;
  const p = v.t.staff.reward.payout;
  const approved = payout.requests.some((r) => r.status === 'approved' && !r.viewedAt);
  const open = payout.requests.some((r) => r.status === 'pending' || (r.status === 'approved' && !r.viewedAt));
  return (
    <div class="payout" id="payout" data-payout={payout.route}>
      <h3>{p.title}</h3>
      {state?.error && state.error.code !== 'validation_failed' && <Refused v={v} error={state.error} />}
      {state?.payee && <Shown v={v} payee={state.payee} />}
      <p class="hint">{payout.route === 'direct' ? p.directIntro : p.custodianIntro}</p>
      {payout.route === 'direct' && !state?.payee && <ViewButton v={v} caseNumber={c.caseNumber} label={p.view} />}
      {payout.route === 'custodian' && <>
        <Requests v={v} payout={payout} />
        {approved && !state?.payee && <ViewButton v={v} caseNumber={c.caseNumber} label={p.viewOnce} />}
        {!open && <RequestForm v={v} caseNumber={c.caseNumber} state={state} />}
      </>}
    </div>
  );
}
