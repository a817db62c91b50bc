/** GET /staff/cases/:caseNumber: the facts, clocks, history and the actions the caller may take now. */
import type { CaseView } from '../../server/cases/cases.service.js';
import type { AppError } from '../../server/errors.js';
import type { ActionAttempt } from './action-form.js';
import { ActionsSection } from './action-forms.js';
import { ClocksSection, MatterSection, SubjectSection } from './case-details.js';
import { AssignmentsSection, DuplicatesSection, MessagesSection, TimelineSection } from './case-history.js';
import type { StaffView } from './context.js';
import { StaffLayout } from './layout.js';

export interface CasePageProps {
  v: StaffView;
  c: CaseView;
  notice?: string | undefined;
  /** The refused action, shown at the top with the form kept as typed. */
  failure?: { error: AppError; attempt: ActionAttempt; errors: Map<string, string> } | undefined;
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

export function CasePage({ v, c, notice, failure }: CasePageProps) {
  const s = v.t.staff;
  const title = `${failure ? v.t.errors.titlePrefix : ''}${c.caseNumber}`;
  return (
    <StaffLayout v={v} title={title}>
      <p class="breadcrumb"><a href="/staff">{s.nav.queue}</a></p>
      <h1>
        <span class="case-number">{c.caseNumber}</span>
        <span class="subtitle">
          {s.kinds[c.kind] ?? c.kind} · <span class="case-status">{s.statuses[c.status] ?? c.status}</span>
          {c.flags.urgent && <> <span class="flag flag-urgent">{s.flags.urgent}</span></>}
        </span>
      </h1>
      {notice && <p class="notice notice-success" role="status">{notice}</p>}
      {failure && <Failure v={v} c={c} failure={failure} />}
      <div class="case-grid">
        <div class="case-main">
          <SubjectSection v={v} c={c} />
          <MatterSection v={v} c={c} />
          <ClocksSection v={v} c={c} />
          <TimelineSection v={v} c={c} />
          <MessagesSection v={v} c={c} />
          <AssignmentsSection v={v} c={c} />
        </div>
        <div class="case-side">
          <ActionsSection v={v} c={c} attempt={failure?.attempt} errors={failure?.errors ?? new Map()} />
          <DuplicatesSection v={v} c={c} />
        </div>
      </div>
    </StaffLayout>
  );
}
