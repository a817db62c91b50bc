/** Form fields with associated labels, hints and error messages (aria-describedby, aria-invalid). */
import type { Child } from 'hono/jsx';
import type { Lang, Messages } from '../i18n.js';
import { fieldId, type CheckboxField, type FormValues, type TextField } from '../intake/form.js';
import type { FieldErrors } from '../intake/issues.js';

export interface FormView {
  t: Messages; lang: Lang; values: FormValues; errors: FieldErrors;
  /** The form's idempotency key, posted back in a hidden field. */
  key?: string | undefined;
  /** The form was shown again without filing (another kind or language): chosen files are gone. */
  refreshed?: boolean | undefined;
}

interface Common { f: FormView; label: string; hint?: string | undefined; tag?: string | undefined }

/** The ids and ARIA attributes that tie a control to its hint and error. */
export function describe(f: FormView, name: string, hasHint: boolean) {
  const id = fieldId(name);
  const error = f.errors.get(name);
  const ids = [hasHint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, error, aria: { 'aria-describedby': ids || undefined, 'aria-invalid': error ? 'true' : undefined } };
}

export const Tag = ({ text }: { text?: string | undefined }) => (text ? <>{' '}<span class="tag">{text}</span></> : null);

export const Hint = ({ id, text }: { id: string; text?: string | undefined }) =>
  text ? <p class="hint" id={`${id}-hint`}>{text}</p> : null;

export const ErrorText = ({ id, error }: { id: string; error?: string | undefined }) =>
  error ? <p class="error-message" id={`${id}-error`}>{error}</p> : null;

function Frame({ id, label, tag, hint, error, children }: {
  id: string; label: string; tag?: string | undefined; hint?: string | undefined; error?: string | undefined; children: Child;
}) {
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label class="label" for={id}>{label}<Tag text={tag} /></label>
      <Hint id={id} text={hint} />
      <ErrorText id={id} error={error} />
      {children}
    </div>
  );
}

type InputType = 'text' | 'tel' | 'email' | 'date';

export function Input(p: Common & {
  name: TextField; type?: InputType; required?: boolean; maxlength?: number; autocomplete?: string; narrow?: boolean;
}) {
  const { id, error, aria } = describe(p.f, p.name, Boolean(p.hint));
  return (
    <Frame id={id} label={p.label} tag={p.tag} hint={p.hint} error={error}>
      <input class={p.narrow ? 'input input-narrow' : 'input'} id={id} name={p.name} type={p.type ?? 'text'}
        value={p.f.values[p.name]} required={p.required} maxlength={p.maxlength} autocomplete={p.autocomplete} {...aria} />
    </Frame>
  );
}

export function TextArea(p: Common & { name: TextField; rows?: number; required?: boolean; minlength?: number; maxlength?: number }) {
  const { id, error, aria } = describe(p.f, p.name, Boolean(p.hint));
  return (
    <Frame id={id} label={p.label} tag={p.tag} hint={p.hint} error={error}>
      <textarea class="textarea" id={id} name={p.name} rows={p.rows ?? 8} required={p.required}
        minlength={p.minlength} maxlength={p.maxlength} {...aria}>{p.f.values[p.name]}</textarea>
    </Frame>
  );
}

export function Select(p: Common & { name: TextField; required?: boolean; children: Child }) {
  const { id, error, aria } = describe(p.f, p.name, Boolean(p.hint));
  return (
    <Frame id={id} label={p.label} tag={p.tag} hint={p.hint} error={error}>
      <select class="select" id={id} name={p.name} required={p.required} {...aria}>{p.children}</select>
    </Frame>
  );
}

export function Option({ f, name, value, kinds, label, disabled, children }: {
  f: FormView; name: TextField; value: string; kinds?: string | undefined; label?: string | undefined; disabled?: boolean | undefined; children: Child;
}) {
  const selected = f.values[name] === value;
  // A chosen option is never disabled: the form shows what was chosen, and its error says why it does not fit.
  return <option value={value} selected={selected} disabled={disabled && !selected} data-kinds={kinds} data-label={label}>{children}</option>;
}

export function Checkbox(p: Common & { name: CheckboxField }) {
  const { id, error, aria } = describe(p.f, p.name, Boolean(p.hint));
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <ErrorText id={id} error={error} />
      <div class="choice">
        <input class="choice-input" id={id} name={p.name} type="checkbox" value="on" checked={p.f.values[p.name]} {...aria} />
        <label class="choice-label" for={id}>{p.label}<Tag text={p.tag} /></label>
        <Hint id={id} text={p.hint} />
      </div>
    </div>
  );
}
