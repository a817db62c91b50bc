/** One small form per allowed action, with just the fields the lifecycle table requires for it. */
import type { CaseView } from '../../server/cases/case-page.service.js';
import { NOT_ACCEPT_GROUNDS, TRANSITIONS, type Field } from '../../server/cases/lifecycle.js';
import { csrfField } from '../../server/staff/auth.middleware.js';
import { FINE_INPUT, type ActionAttempt } from './action-form.js';
import type { StaffView } from './context.js';

/** The fields an action needs on a case of this kind, as declared in lifecycle.ts. */
export function fieldsFor(action: string, kind: string): Field[] {
  return [...new Set(TRANSITIONS.filter((t) => t.action === action && t.kinds.some((k) => k === kind)).flatMap((t) => t.required))];
}

interface FieldProps { v: StaffView; action: string; field: Field; value: string; region: string; error?: string | undefined }

/** GB/T 2260: a district's city and province share its leading digits. */
const coversRegion = (departmentRegion: string, region: string) =>
  [region, `${region.slice(0, 4)}00`, `${region.slice(0, 2)}0000`].includes(departmentRegion);

/** Departments whose jurisdiction covers the case's region first, then every other one. */
function DepartmentOptions({ v, region, value }: { v: StaffView; region: string; value: string }) {
  const f = v.t.staff.fields;
  const option = (d: StaffView['lookups']['departments'][number]) =>
    <option value={d.code} selected={value === d.code}>{`${d.name[v.lang]} (${d.code})`}</option>;
  const near = v.lookups.departments.filter((d) => coversRegion(d.region, region));
  const rest = v.lookups.departments.filter((d) => !coversRegion(d.region, region));
  return (
    <>
      <optgroup label={f.nearDepartments}>{near.map(option)}</optgroup>
      <optgroup label={f.otherDepartments}>{rest.map(option)}</optgroup>
    </>
  );
}

function Control({ v, action, field, value, region, error }: FieldProps) {
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
          <DepartmentOptions v={v} region={region} value={value} />
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
}

function ActionForm({ v, c, action, fields, attempt, errors }: FormProps) {
  const mine = attempt?.action === action;
  return (
    <form method="post" action={`/staff/cases/${c.caseNumber}/actions`} class="action-form">
      {csrfField(v.csrf)}
      <input type="hidden" name="action" value={action} />
      {fields.map((field) => (
        <ActionField v={v} action={action} field={field} value={mine ? attempt.values[field] ?? '' : ''} region={c.region}
          error={mine ? errors.get(field) : undefined} />
      ))}
      <button type="submit" class="button" data-action={action}>{v.t.staff.actions[action] ?? action}</button>
    </form>
  );
}

export function ActionsSection({ v, c, attempt, errors }: Omit<FormProps, 'action' | 'fields'>) {
  const s = v.t.staff;
  const actions = c.allowedActions.map((action) => ({ action, fields: fieldsFor(action, c.kind) }));
  const quick = actions.filter((a) => a.fields.length === 0);
  const detailed = actions.filter((a) => a.fields.length > 0);
  return (
    <section aria-labelledby="actions-title" class="panel actions">
      <h2 id="actions-title">{s.case.actions}</h2>
      {actions.length === 0 && <p>{s.case.noActions}</p>}
      {quick.length > 0 && (
        <div class="quick-actions">
          {quick.map((a) => <ActionForm v={v} c={c} action={a.action} fields={[]} attempt={attempt} errors={errors} />)}
        </div>
      )}
      {detailed.map((a) => (
        <details class="action-details" open={attempt?.action === a.action}>
          <summary>{s.actions[a.action] ?? a.action}</summary>
          <ActionForm v={v} c={c} action={a.action} fields={a.fields} attempt={attempt} errors={errors} />
        </details>
      ))}
    </section>
  );
}
