/** Labelled admin form controls with hints and errors tied by aria-describedby, and the error summary. */
import type { Child } from 'hono/jsx';
import type { ErrorIssue } from '../../server/errors.js';
import type { AdminView } from './context.js';

interface FieldProps {
  /** The form's name: ids stay unique on pages with several forms. */
  form: string;
  name: string;
  label: string;
  hint?: string | undefined;
  errors: Map<string, string>;
}

function ids(p: FieldProps, suffix = '') {
  const id = `${p.form}-${p.name}${suffix}`;
  const error = p.errors.get(p.name);
  const described = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, error, aria: { 'aria-describedby': described || undefined, 'aria-invalid': error ? 'true' : undefined } };
}

function Frame({ p, id, error, children }: { p: FieldProps; id: string; error?: string | undefined; children: Child }) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label class="label" for={id}>{p.label}</label>
      {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
      {children}
    </div>
  );
}

export function TextInput(p: FieldProps & {
  value?: string | null | undefined; type?: 'text' | 'email' | 'password' | 'number'; required?: boolean; autocomplete?: string;
}) {
  const { id, error, aria } = ids(p);
  // A password is never written back into a page.
  const value = p.type === 'password' ? undefined : (p.value ?? '');
  return (
    <Frame p={p} id={id} error={error}>
      <input class="input" id={id} name={p.name} type={p.type ?? 'text'} value={value} required={p.required}
        autocomplete={p.autocomplete} {...aria} />
    </Frame>
  );
}

export function SelectInput(p: FieldProps & { value?: string | null | undefined; options: [string, string][]; required?: boolean }) {
  const { id, error, aria } = ids(p);
  return (
    <Frame p={p} id={id} error={error}>
      <select class="select" id={id} name={p.name} required={p.required} {...aria}>
        {p.options.map(([value, label]) => <option value={value} selected={(p.value ?? '') === value}>{label}</option>)}
      </select>
    </Frame>
  );
}

export function CheckInput(p: FieldProps & { checked: boolean; value?: string }) {
  // Several boxes may share a name (a list of kinds): the value keeps each id unique.
  const { id, error, aria } = ids(p, p.value ? `-${p.value}` : '');
  return (
    <div class={error ? 'field field-error' : 'field'}>
      {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
      <div class="choice">
        <input class="choice-input" id={id} name={p.name} type="checkbox" value={p.value ?? 'on'} checked={p.checked} {...aria} />
        <label class="choice-label" for={id}>{p.label}</label>
        {p.hint && <p class="hint" id={`${id}-hint`}>{p.hint}</p>}
      </div>
    </div>
  );
}

/** The failed form's problems at its top; `labels` names the fields in the page language. */
export function ErrorSummary({ v, issues, labels }: { v: AdminView; issues: ErrorIssue[]; labels: Record<string, string> }) {
  if (issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2 class="error-summary-title">{v.a.errors.summary}</h2>
      <ul class="error-summary-list">
        {issues.map((i) => {
          const label = labels[i.path.split('.')[0] ?? ''];
          return <li>{label ? `${label}: ${i.message}` : i.message}</li>;
        })}
      </ul>
    </div>
  );
}

/**
 * Select options named in the page language, never by their code: a name that two entries share
 * gets its code after it, so the choices stay apart.
 */
export function namedOptions(empty: string, list: readonly { code: string; name: string }[]): [string, string][] {
  const seen = new Map<string, number>();
  for (const x of list) seen.set(x.name, (seen.get(x.name) ?? 0) + 1);
  return [['', empty], ...list.map((x): [string, string] => [x.code, (seen.get(x.name) ?? 0) > 1 ? `${x.name} (${x.code})` : x.name])];
}
