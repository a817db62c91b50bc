/**
 * The reward panel on the staff case page: the reward's state and fields for everyone who sees the
 * case, and for reward staff the forms of the actions their role may take now. A proposal is
 * previewed first: the amount is computed and shown with a confirm button.
 */
import type { CaseView } from '../../server/cases/case-page.service.js';
import type { AppError } from '../../server/errors.js';
import type { Amount } from '../../server/rewards/amount.js';
import {
  allowedRewardActions, caseEndedWithoutOutcome, caseReadyForAssessment, relationExclusion, upliftAllowed,
} from '../../server/rewards/reward-lifecycle.js';
import { REWARD_LEVELS, REWARD_RULES } from '../../server/rewards/rules.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { isRewardRole } from '../../server/staff/roles.js';
import type { StaffView } from './context.js';
import { formatTime, formatYuan } from './format.js';
import { yuanToFen } from './action-form.js';
import { PayoutBlock, type PayoutState } from './payout-panel.js';
import type { RewardAttempt, RewardFormField } from './reward-form.js';

type Reward = NonNullable<CaseView['reward']>;

/** What the panel shows after a post: the refused or previewed form, as typed. */
export interface RewardPanelState {
  attempt: RewardAttempt;
  error?: AppError | undefined;
  errors: Map<string, string>;
  preview?: Amount | undefined;
}


function Facts({ v, r }: { v: StaffView; r: Reward }) {
  const p = v.t.staff.reward.panel;
  const yuan = (fen: number | undefined) => (fen === undefined ? null : v.t.staff.reward.yuan(formatYuan(fen)));
  const row = (label: string, value: string | null | undefined, key: string) =>
    value ? <><dt>{label}</dt><dd data-reward={key}>{value}</dd></> : null;
  return (
    <dl class="summary-list">
      <dt>{p.status}</dt><dd data-reward="status"><strong>{v.t.staff.reward.statuses[r.status] ?? r.status}</strong></dd>
      {row(p.level, r.level === undefined ? null : v.t.staff.reward.form.levelOption(r.level), 'level')}
      {row(p.fine, yuan(r.fineFen), 'fine')}
      {row(p.amount, yuan(r.amountFen), 'amount')}
      {row(p.uplift, r.upliftFen ? yuan(r.upliftFen) : null, 'uplift')}
      {row(p.finance, r.financeSignOffRequired ? (r.financeSignOff ? p.financeDone : p.financeRequired) : null, 'finance')}
      {row(p.claimBy, r.claimBy ? formatTime(r.claimBy) : null, 'claim-by')}
      {row(p.reason, r.reason, 'reason')}
      {row(p.note, r.note, 'note')}
      {row(p.assessedBy, r.assessedBy, 'assessed-by')}
      {row(p.proposedBy, r.proposedBy, 'proposed-by')}
      {row(p.approvedBy, r.approvedBy, 'approved-by')}
      {row(p.paymentRef, r.paymentRef, 'payment-ref')}
      {row(p.paidAt, r.paidAt ? formatTime(r.paidAt) : null, 'paid-at')}
    </dl>
  );
}

interface FormProps { v: StaffView; c: CaseView; r: Reward; action: string; state?: RewardPanelState | undefined }

function FieldBox({ v, action, field, label, state, children }: {
  v: StaffView; action: string; field: RewardFormField; label: string; state?: RewardPanelState | undefined; children: unknown;
}) {
  const error = state?.attempt.action === action ? state.errors.get(field) : undefined;
  const id = `reward-${action}-${field}`;
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label class="label" for={id}>{label}</label>
      {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
      {children}
    </div>
  );
}

function Fields({ v, c, action, state }: FormProps) {
  const f = v.t.staff.reward.form;
  const typed = (field: RewardFormField) => (state?.attempt.action === action ? state.attempt.values[field] ?? '' : '');
  const box = (field: RewardFormField, label: string, control: unknown) =>
    <FieldBox v={v} action={action} field={field} label={label} state={state}>{control}</FieldBox>;
  const id = (field: string) => `reward-${action}-${field}`;
  const text = (field: RewardFormField, max: number) =>
    <textarea class="textarea" id={id(field)} name={field} rows={3} maxlength={max}>{typed(field)}</textarea>;
  switch (action) {
    case 'assess': {
      // A relation the rules exclude: the form proposes "not eligible" with the reason, as the rules say.
      const excluded = relationExclusion(REWARD_RULES, c.reporterRelation) !== null && c.reporterRelation !== null;
      const relation = excluded ? v.t.staff.case.relations[c.reporterRelation ?? ''] ?? String(c.reporterRelation) : '';
      // A report that ended without a penalty or referral can only be not eligible.
      const ended = caseEndedWithoutOutcome(c.status, c.fineFen);
      const fresh = state?.attempt.action !== action;
      const no = fresh ? excluded || ended : typed('eligible') === 'no';
      const reason = !fresh ? typed('reason') : ended ? f.endedReason : excluded ? f.excludedReason(relation) : '';
      return (<>
        {excluded && <p class="notice" data-reward="excluded">{f.excludedHint(relation)}</p>}
        {ended && <p class="notice" data-reward="ended">{f.endedHint}</p>}
        {box('eligible', f.eligible, (
          <select class="select" id={id('eligible')} name="eligible" required>
            <option value="yes" selected={!no}>{f.yes}</option>
            <option value="no" selected={no}>{f.no}</option>
          </select>
        ))}
        {box('reason', f.reason, <textarea class="textarea" id={id('reason')} name="reason" rows={3} maxlength={1000}>{reason}</textarea>)}
      </>);
    }
    case 'propose':
      return (<>
        {box('level', f.level, (
          <select class="select" id={id('level')} name="level" required>
            {REWARD_LEVELS.map((l) => <option value={String(l)} selected={typed('level') === String(l)}>{f.levelOption(l)}</option>)}
          </select>
        ))}
        {box('note', f.note, text('note', 1000))}
        {upliftAllowed(REWARD_RULES, c.reporterRelation) && box('upliftYuan', f.uplift, (
          <><p class="hint">{f.upliftHint}</p>
            <input class="input input-narrow" id={id('upliftYuan')} name="upliftYuan" inputmode="decimal" value={typed('upliftYuan')} /></>
        ))}
      </>);
    case 'approve':
      return (<>
        {c.reward?.financeSignOffRequired && box('financeSignOff', f.financeSignOffLabel, (
          <label class="checkbox"><input type="checkbox" name="financeSignOff" id={id('financeSignOff')}
            checked={typed('financeSignOff') === 'on'} /> {f.financeSignOff}</label>
        ))}
        {box('note', f.approveNote, text('note', 1000))}
      </>);
    case 'reject':
      return box('reason', f.rejectReason, text('reason', 1000));
    case 'record_payment':
      return box('paymentRef', f.paymentRef, <input class="input" id={id('paymentRef')} name="paymentRef" maxlength={100} value={typed('paymentRef')} />);
    default:
      return null;
  }
}

function Preview({ v, amount, typedUplift }: { v: StaffView; amount: Amount; typedUplift: string | undefined }) {
  const f = v.t.staff.reward.form;
  const asked = typedUplift ? yuanToFen(typedUplift) : null;
  const capped = asked !== null && asked > amount.upliftFen;
  return (
    <div class="notice" role="status" data-reward="preview">
      <p><strong>{f.previewTitle}</strong></p>
      <p>{amount.upliftFen > 0
        ? f.previewLine(formatYuan(amount.baseFen), formatYuan(amount.upliftFen), formatYuan(amount.amountFen))
        : f.previewPlain(formatYuan(amount.amountFen))}</p>
      {capped && <p data-reward="capped">{f.previewCapped(formatYuan(asked), formatYuan(REWARD_RULES.capFen))}</p>}
      {amount.financeSignOffRequired && <p>{f.previewFinance}</p>}
    </div>
  );
}

function RewardForm(p: FormProps) {
  const { v, c, action, state } = p;
  const label = v.t.staff.reward.actions[action] ?? action;
  const preview = state?.attempt.action === action ? state.preview : undefined;
  return (
    <details class="action-details" open={state?.attempt.action === action}>
      <summary>{label}</summary>
      <form method="post" action={`/staff/cases/${c.caseNumber}/reward#reward`} class="action-form">
        {csrfField(v.csrf)}
        <input type="hidden" name="action" value={action} />
        <Fields {...p} />
        {preview && <Preview v={v} amount={preview} typedUplift={state?.attempt.values.upliftYuan} />}
        {preview && <input type="hidden" name="previewedFen" value={String(preview.amountFen)} />}
        {action === 'propose' ? (<>
          <button type="submit" class={preview ? 'button button-secondary' : 'button'} name="step" value="preview">{v.t.staff.reward.form.preview}</button>
          {preview && <button type="submit" class="button" name="step" value="confirm" data-action="propose">{v.t.staff.reward.form.confirm}</button>}
        </>) : <button type="submit" class="button" data-action={action}>{label}</button>}
      </form>
    </details>
  );
}

function Refused({ v, state }: { v: StaffView; state: RewardPanelState }) {
  const f = v.t.staff.reward.refused;
  if (!state.error) return null;
  const code = state.error.code;
  const summary = code === 'validation_failed' || code === 'conflict' || code === 'forbidden' ? f[code] : null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="reward-failure-title" tabindex={-1}>
      <h3 id="reward-failure-title" class="error-summary-title">{f.title(v.t.staff.reward.actions[state.attempt.action] ?? state.attempt.action)}</h3>
      {summary && <p>{summary}</p>}
      <p class="hint">{f.detail}<span lang="en">{state.error.message}</span></p>
    </div>
  );
}

export function RewardSection({ v, c, state, payout }: {
  v: StaffView; c: CaseView; state?: RewardPanelState | undefined; payout?: PayoutState | undefined;
}) {
  const r = c.reward;
  if (!r) return null;
  const p = v.t.staff.reward.panel;
  const actor = v.actor;
  const staff = actor !== undefined && isRewardRole(actor.role);
  const actions = staff ? allowedRewardActions(actor.role, r.status) : [];
  const own = staff && r.proposedBy === actor.username && actions.includes('approve');
  // Assessment waits for the report's outcome (a closed or merged case is left to the service to judge).
  const waiting = actions.includes('assess') && c.status !== 'closed' && c.status !== 'merged'
    && !caseReadyForAssessment(c.status, c.fineFen) && !caseEndedWithoutOutcome(c.status, c.fineFen);
  const offered = waiting ? actions.filter((a) => a !== 'assess') : actions;
  return (
    <section aria-labelledby="reward-title" class="panel reward-panel" id="reward">
      <h2 id="reward-title">{p.title}</h2>
      {state && <Refused v={v} state={state} />}
      <Facts v={v} r={r} />
      {!staff && <p class="hint">{p.readOnly}</p>}
      {staff && actions.length === 0 && <p>{p.noActions}</p>}
      {own && <p class="notice">{p.ownProposal}</p>}
      {/* The payee details come before the payment is recorded. */}
      <PayoutBlock v={v} c={c} state={payout} />
      {waiting && <p class="notice" data-reward="waiting">{p.waiting}</p>}
      {offered.map((action) => <RewardForm v={v} c={c} r={r} action={action} state={state} />)}
    </section>
  );
}
