/** GET /staff/cases/:caseNumber: the facts, clocks, history and the actions the caller may take now. */
import type { CaseView } from '../../server/cases/case-page.service.js';
import type { AppError } from '../../server/errors.js';
import type { DisclosureView } from '../../server/identity/disclosure.service.js';
import type { ActionAttempt } from './action-form.js';
import { ActionsSection } from './action-forms.js';
import { AttachmentsSection, DocumentsSection } from './case-attachments.js';
import { ClocksSection, MatterSection, SubjectSection } from './case-details.js';
import { AssignmentsSection, DuplicatesSection, MessagesSection, TimelineSection } from './case-history.js';
import type { StaffView } from './context.js';
import type { DepartmentChoices } from './department-options.js';
import { StaffLayout } from './layout.js';
import { ContactSection, DisclosureSection, WriteSection, type ReporterFormFailure } from './reporter-forms.js';
import type { PayoutState } from './payout-panel.js';
import { RewardSection, type RewardPanelState } from './reward-panel.js';
import { SatisfactionSection } from './satisfaction-panel.js';

export interface CasePageProps {
  v: StaffView;
  c: CaseView;
  notice?: string | undefined;
  /** The refused action, shown at the top with the form kept as typed. */
  failure?: { error: AppError; attempt: ActionAttempt; errors: Map<string, string> } | undefined;
  /** The caller's own disclosure requests; null when the page offers no disclosure to them. */
  disclosures?: DisclosureView[] | null | undefined;
  /** A refused form about the reporter (message, contact opening, disclosure request). */
  formFailure?: ReporterFormFailure | undefined;
  /** The reward form after a post: refused, or a proposal's amount to confirm. */
  reward?: RewardPanelState | undefined;
  /** The payee block after a post: the opened details, or a refused request. */
  payout?: PayoutState | undefined;
  /** For the department lists: the routing rules' suggestion for a case in triage, and a typed filter. */
  choices?: DepartmentChoices | undefined;
}

const FIELD_OF = { message: 'message-body', contact: 'contact-reason', disclosure: 'disclosure-reason' } as const;

/** Named at the top as well, so it is read first and not lost when its form is no longer offered. */
function FormFailure({ v, failure }: { v: StaffView; failure: ReporterFormFailure }) {
  return (
    <div class="error-summary" role="alert" aria-labelledby="form-failure-title" tabindex={-1}>
      <h2 id="form-failure-title" class="error-summary-title">{v.t.staff.reporter.refused.title}</h2>
      <ul class="error-summary-list"><li><a href={`#${FIELD_OF[failure.form]}`}>{failure.message}</a></li></ul>
    </div>
  );
}

/** What was typed for an action the page no longer offers, so it can be copied rather than lost. */
function Typed({ v, values }: { v: StaffView; values: ActionAttempt['values'] }) {
  const typed = Object.entries(values).filter(([, value]) => value.trim() !== '');
  if (typed.length === 0) return null;
  return (
    <div class="typed">
      <p>{v.t.staff.failure.typed}</p>
      {typed.map(([field, value]) => (
        <label class="label">{v.t.staff.fields[field] ?? field}
          <textarea class="textarea" readonly rows={3}>{value}</textarea>
        </label>
      ))}
    </div>
  );
}

function Failure({ v, c, failure }: { v: StaffView; c: CaseView; failure: NonNullable<CasePageProps['failure']> }) {
  const f = v.t.staff.failure;
  const code = failure.error.code;
  const summary = code === 'validation_failed' || code === 'conflict' || code === 'forbidden' ? f[code] : null;
  const label = v.t.staff.actions[failure.attempt.action] ?? failure.attempt.action;
  return (
    <div class="error-summary" role="alert" aria-labelledby="failure-title" tabindex={-1}>
      <h2 id="failure-title" class="error-summary-title">{f.title(label)}</h2>
      {summary && <p>{summary}</p>}
      <p class="hint">{f.detail}<span lang="en">{failure.error.message}</span></p>
      {!c.allowedActions.some((a) => a === failure.attempt.action) && <Typed v={v} values={failure.attempt.values} />}
    </div>
  );
}

export function CasePage({ v, c, notice, failure, disclosures, formFailure, reward, payout, choices }: CasePageProps) {
  const s = v.t.staff;
  const title = `${failure || formFailure || reward?.error ? v.t.errors.titlePrefix : ''}${c.caseNumber}`;
  const rewardStaff = v.actor?.role === 'reward_officer' || v.actor?.role === 'reward_approver';
  return (
    <StaffLayout v={v} title={title}>
      <p class="breadcrumb">{rewardStaff ? <a href="/staff/rewards">{s.reward.nav}</a> : <a href="/staff">{s.nav.queue}</a>}</p>
      <h1>
        <span class="case-number">{c.caseNumber}</span>
        <span class="subtitle">
          {s.kinds[c.kind] ?? c.kind} · <span class="case-status">{s.statuses[c.status] ?? c.status}</span>
          {c.flags.urgent && <> <span class="flag flag-urgent">{s.flags.urgent}</span></>}
        </span>
      </h1>
      {notice && <p class="notice notice-success" role="status">{notice}</p>}
      {c.department === null && c.allowedActions.includes('assign') && <p class="notice"><a href="#dispatch">{s.work.dispatch.jump}</a></p>}
      {failure && <Failure v={v} c={c} failure={failure} />}
      {formFailure && <FormFailure v={v} failure={formFailure} />}
      <div class="case-grid">
        <div class="case-main">
          <SubjectSection v={v} c={c} />
          <MatterSection v={v} c={c} />
          <AttachmentsSection v={v} c={c} />
          <ClocksSection v={v} c={c} />
          <TimelineSection v={v} c={c} />
          <MessagesSection v={v} c={c} />
          <WriteSection v={v} c={c} failure={formFailure} />
          <AssignmentsSection v={v} c={c} />
        </div>
        <div class="case-side">
          <SatisfactionSection v={v} c={c} />
          <RewardSection v={v} c={c} state={reward} payout={payout} />
          {/* reward staff read a case for its reward: they take no case action */}
          {!rewardStaff && <ActionsSection v={v} c={c} attempt={failure?.attempt} errors={failure?.errors ?? new Map()} choices={choices} />}
          <ContactSection v={v} c={c} failure={formFailure} />
          <DisclosureSection v={v} c={c} requests={disclosures} failure={formFailure} />
          <DocumentsSection v={v} c={c} />
          <DuplicatesSection v={v} c={c} />
        </div>
      </div>
    </StaffLayout>
  );
}
