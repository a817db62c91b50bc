/** One small form per allowed action, with just the fields the lifecycle table requires for it. */
import type { CaseView } from '../../server/cases/case-page.service.js';
import { NOT_ACCEPT_GROUNDS, TRANSITIONS, type Field } from '../../server/cases/lifecycle.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { FINE_INPUT, type ActionAttempt } from './action-form.js';
import type { StaffView } from './context.js';
import { DepartmentFilter, DepartmentOptions, type DepartmentChoices } from './department-options.js';

/** The fields an action needs on a case of this kind, as declared in lifecycle.ts. */
export function fieldsFor(action: string, kind: string): Field[] {
  return [...new Set(TRANSITIONS.filter((t) => t.action === action && t.kinds.some((k) => k === kind)).flatMap((t) => t.required))];
}

interface FieldProps {
  v: StaffView; action: string; field: Field; value: string; region: string; error?: string | undefined;
  choices?: DepartmentChoices | undefined;
}

function Control({ v, action, field, value, region, error, choices }: FieldProps) {
  const id = `act-${action}-${field}`;
  const aria = { 'aria-invalid': error ? 'true' : undefined, 'aria-describedby': error ? `${id}-error` : undefined };
  const f = v.t.staff.fields;
  switch (field) {
    case 'ground':
      return (
        <select class="select" id={id} name="ground" required {...aria}>
          <option value="">{f.choose}</option>
          {NOT_ACCEPT_GROUNDS.map((g) => <option value={g} selected={value === g}>{v.t.staff.grounds[g] ?? g}</option>)}
        </select>
      );
    case 'department':
      return (
        <select class="select" id={id} name="department" required {...aria}>
          <option value="">{f.choose}</option>
          <DepartmentOptions v={v} action={action} region={region} value={value} choices={choices} />
        </select>
      );
    case 'fineFen':
      return <input class="input input-narrow" id={id} name={FINE_INPUT} inputmode="decimal" required value={value} {...aria} />;
    case 'into':
      return <input class="input input-narrow" id={id} name="into" required maxlength={17} autocomplete="off" value={value} {...aria} />;
    default:
      return (
        <textarea class="textarea" id={id} name={field} rows={field === 'reply' ? 5 : 3} required
          maxlength={field === 'reason' ? 2000 : 5000} {...aria}>{value}</textarea>
      );
  }
}

function ActionField(p: FieldProps) {
  const id = `act-${p.action}-${p.field}`;
  return (
    <div class={p.error ? 'field field-error' : 'field'}>
      <label class="label" for={id}>{p.v.t.staff.fields[p.field] ?? p.field}</label>
      {p.error && <p class="error-message" id={`${id}-error`}>{p.error}</p>}
      <Control {...p} />
    </div>
  );
}

interface FormProps {
  v: StaffView;
  c: CaseView;
  action: string;
  fields: Field[];
  attempt?: ActionAttempt | undefined;
  errors: Map<string, string>;
  choices?: DepartmentChoices | undefined;
}

/** The value a field starts with: what was typed before, else the routing rules' department for a dispatch. */
function initialValue({ action, attempt, choices }: FormProps, field: Field): string {
  if (attempt?.action === action) return attempt.values[field] ?? '';
  const suggestion = choices?.suggestion;
  return action === 'assign' && field === 'department' && suggestion && !suggestion.returnedIt ? suggestion.department ?? '' : '';
}

function ActionForm(props: FormProps) {
  const { v, c, action, fields, attempt, errors, choices } = props;
  const mine = attempt?.action === action;
  return (
    <>
      {fields.includes('department') && <DepartmentFilter v={v} caseNumber={c.caseNumber} action={action} choices={choices} />}
      <form method="post" action={`/staff/cases/${c.caseNumber}/actions`} class="action-form">
        {csrfField(v.csrf)}
        <input type="hidden" name="action" value={action} />
        {fields.map((field) => (
          <ActionField v={v} action={action} field={field} value={initialValue(props, field)} region={c.region}
            error={mine ? errors.get(field) : undefined} choices={choices} />
        ))}
        <button type="submit" class="button" data-action={action}>{v.t.staff.actions[action] ?? action}</button>
      </form>
    </>
  );
}

/** A case in triage has no department: dispatching it comes first, with the rules' suggestion chosen. */
function DispatchPanel(props: Omit<FormProps, 'action' | 'fields'>) {
  const { v, c, choices } = props;
  const w = v.t.staff.work.dispatch;
  const suggestion = choices?.suggestion ?? null;
  const code = suggestion?.department ?? null;
  const name = code === null ? null : v.lookups.departments.find((d) => d.code === code)?.name[v.lang] ?? code;
  return (
    <div class="dispatch" id="dispatch">
      <h3>{w.title}</h3>
      <p>{w.intro}</p>
      <p class="dispatch-suggestion">{name === null ? w.noSuggestion : suggestion?.returnedIt ? w.suggestedReturned(name) : w.suggested(name)}</p>
      <ActionForm {...props} action="assign" fields={fieldsFor('assign', c.kind)} />
    </div>
  );
}

export function ActionsSection(props: Omit<FormProps, 'action' | 'fields'>) {
  const { v, c, attempt, errors, choices } = props;
  const s = v.t.staff;
  const dispatchFirst = c.department === null && c.allowedActions.includes('assign');
  const actions = c.allowedActions.filter((action) => !(dispatchFirst && action === 'assign'))
    .map((action) => ({ action, fields: fieldsFor(action, c.kind) }));
  const quick = actions.filter((a) => a.fields.length === 0);
  const detailed = actions.filter((a) => a.fields.length > 0);
  const open = (action: string) => attempt?.action === action || choices?.filter?.action === action;
  return (
    <section aria-labelledby="actions-title" class="panel actions">
      <h2 id="actions-title">{s.case.actions}</h2>
      {c.allowedActions.length === 0 && <p>{s.case.noActions}</p>}
      {dispatchFirst && <DispatchPanel {...props} />}
      {quick.length > 0 && (
        <div class="quick-actions">
          {quick.map((a) => <ActionForm v={v} c={c} action={a.action} fields={[]} attempt={attempt} errors={errors} />)}
        </div>
      )}
      {detailed.map((a) => (
        <details class="action-details" open={open(a.action)}>
          <summary>{s.actions[a.action] ?? a.action}</summary>
          <ActionForm v={v} c={c} action={a.action} fields={a.fields} attempt={attempt} errors={errors} choices={choices} />
        </details>
      ))}
    </section>
  );
}
