/** The intake form's directory-driven controls: kind radios, category and region selects, the product. */
import type { CaseKind } from '../../domain/vocabulary.js';
import { kinds } from '../../server/intake/intake.schema.js';
import { categoryGroups, isKind, productCategoryCodes, type Choices } from '../intake/choices.js';
import { flowText } from '../intake/flow-messages.js';
import { enterpriseText } from '../intake/enterprise-messages.js';
import { ACTION_FIELD, ENTERPRISE, fieldId, type TextField } from '../intake/form.js';
import { nameIn } from '../names.js';
import { describe, ErrorText, Hint, Input, Option, Select, Tag, type FormView } from './fields.js';

export function KindFieldset({ f }: { f: FormView }) {
  const error = f.errors.get('kind');
  const errorId = error ? `${fieldId('kind')}-error` : '';
  return (
    <fieldset class={error ? 'fieldset field-error' : 'fieldset'}>
      <legend class="legend">{f.t.form.kindLegend}<Tag text={f.t.required} /></legend>
      <ErrorText id={fieldId('kind')} error={error} />
      {kinds.map((kind) => {
        const id = `${fieldId('kind')}-${kind}`;
        return (
          <div class="choice">
            <input class="choice-input" type="radio" id={id} name="kind" value={kind} checked={f.values.kind === kind}
              required aria-describedby={`${id}-hint ${errorId}`.trim()} aria-invalid={error ? 'true' : undefined}
              data-short={f.t.kinds[kind].short} />
            <label class="choice-label" for={id}>{f.t.kinds[kind].name}</label>
            <p class="hint" id={`${id}-hint`}>{f.t.kinds[kind].what}</p>
            {kind === 'injury' && <EnterpriseEntry f={f} />}
          </div>
        );
      })}
      <KindContinue f={f} />
    </fieldset>
  );
}

/**
 * Without JavaScript the page cannot follow a change of kind: this button shows the form again,
 * as typed, with the fields of the kind chosen (the form script hides it and follows at once).
 */
function KindContinue({ f }: { f: FormView }) {
  const text = flowText(f.lang);
  return (
    <div class="field kind-continue">
      {!isKind(f.values.kind) && <p class="hint" id="kind-continue-hint">{text.chooseKindFirst} {text.continueKindHint}</p>}
      {/* An input, not a button: the form's one submit button stays the one that files. */}
      <input class="button button-secondary" type="submit" name={ACTION_FIELD} value={text.continueKind} formnovalidate
        aria-describedby={isKind(f.values.kind) ? undefined : 'kind-continue-hint'} />
    </div>
  );
}

/** The way to the enterprise path: the responsible enterprise reports its own accident (a page of its own, no JS needed). */
function EnterpriseEntry({ f }: { f: FormView }) {
  const text = enterpriseText(f.lang);
  return (
    <p class="hint enterprise-entry">
      {text.entryHint} <a href={`/submit?kind=injury&as=${ENTERPRISE}&lang=${f.lang}`}>{text.entryLink}</a>
    </p>
  );
}

/**
 * Categories by domain; with `onlyKind` (from `?kind=`) only those that take it, so no JS is needed.
 * `fixedKind`: the page takes one kind only (the enterprise path), so there is no "show all".
 */
export function CategorySelect({ f, choices, onlyKind, fixedKind = false }: {
  f: FormView; choices: Choices; onlyKind?: CaseKind | undefined; fixedKind?: boolean;
}) {
  const { t, lang } = f;
  return (
    <>
      {onlyKind && !fixedKind && (
        <p class="filter-note">
          {t.form.filtered(t.kinds[onlyKind].short)}{' '}
          <input class="link-button" type="submit" name={ACTION_FIELD} value={t.form.showAll} formnovalidate data-show-all data-only-kind={onlyKind} />
        </p>
      )}
      <Select f={f} name="category" label={t.form.category} hint={t.form.categoryHint} tag={t.required} required>
        <option value="">{t.choose}</option>
        {categoryGroups(choices.categories, onlyKind).map(({ domain, items }) => (
          <optgroup label={t.form.domains[domain] ?? domain}>
            {items.map((c) => (
              <Option f={f} name="category" value={c.code} kinds={c.kinds.join(' ')} label={nameIn(c.name, lang)}
                disabled={isKind(f.values.kind) && !c.kinds.includes(f.values.kind)}>
                {nameIn(c.name, lang) + t.form.takes(c.kinds.map((k) => t.kinds[k].short).join(t.form.kindSeparator))}
              </Option>
            ))}
          </optgroup>
        ))}
      </Select>
      {/* Filled in by the form script when a change of kind leaves the chosen category out. */}
      <p class="hint category-kind-note" id="f-category-kind-note" aria-live="polite" data-template={flowText(lang).categoryNotForKind}></p>
    </>
  );
}

export function RegionSelect({ f, choices }: { f: FormView; choices: Choices }) {
  const { t, lang } = f;
  return (
    <Select f={f} name="region" label={t.form.region} hint={t.form.regionHint} tag={t.required} required>
      <option value="">{t.choose}</option>
      {choices.cities.map((city) => (
        <optgroup label={nameIn(city.name, lang)}>
          <Option f={f} name="region" value={city.code}>{t.form.wholeCity(nameIn(city.name, lang))}</Option>
          {city.districts.map((d) => <Option f={f} name="region" value={d.code}>{nameIn(d.name, lang)}</Option>)}
        </optgroup>
      ))}
    </Select>
  );
}

const productFields = ['subject.product.name', 'subject.product.brand', 'subject.product.model', 'subject.product.batch', 'subject.product.gtin'] as const;

/**
 * The product, for a product category only: hidden, and disabled so nothing typed is sent, until one
 * is chosen (the form script follows the category; without it, the "show the fields" button asks the
 * server). Like a kind's fields, a product field with an error always shows.
 */
export function ProductFields({ f, choices }: { f: FormView; choices: Choices }) {
  const { t } = f;
  const codes = productCategoryCodes(choices.categories);
  const shown = codes.includes(f.values.category) || productFields.some((name) => f.errors.has(name));
  return (
    <>
      {!shown && <p class="hint product-later">{t.form.productLater}</p>}
      <fieldset class="fieldset category-only" id="f-subject-product" data-categories={codes.join(' ')} hidden={!shown} disabled={!shown}>
        <legend class="legend">{t.form.productLegend}</legend>
        <p class="hint">{t.form.productHint}</p>
        <Input f={f} name="subject.product.name" label={t.form.productName} tag={t.optional} maxlength={200} autocomplete="off" />
        <Input f={f} name="subject.product.brand" label={t.form.brand} tag={t.optional} maxlength={100} autocomplete="off" narrow />
        <Input f={f} name="subject.product.model" label={t.form.model} tag={t.optional} maxlength={100} autocomplete="off" narrow />
        <Input f={f} name="subject.product.batch" label={t.form.batch} tag={t.optional} maxlength={100} autocomplete="off" narrow />
        <Input f={f} name="subject.product.gtin" label={t.form.gtin} hint={t.form.gtinHint} tag={t.optional} maxlength={20}
          autocomplete="off" narrow />
      </fieldset>
    </>
  );
}

/** A whole number (or an amount) typed as text: a numeric keypad on phones, and what was typed comes back as typed. */
export function NumberInput({ f, name, label, hint, tag, decimal = false, required = false }: {
  f: FormView; name: TextField; label: string; hint?: string | undefined; tag?: string | undefined; decimal?: boolean; required?: boolean;
}) {
  const { id, error, aria } = describe(f, name, Boolean(hint));
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label class="label" for={id}>{label}<Tag text={tag} /></label>
      <Hint id={id} text={hint} />
      <ErrorText id={id} error={error} />
      <input class="input input-narrow" id={id} name={name} type="text" inputmode={decimal ? 'decimal' : 'numeric'}
        value={f.values[name]} required={required} maxlength={decimal ? 20 : 7} autocomplete="off" {...aria} />
    </div>
  );
}

/** An injury's accident figures (the enterprise path): deaths, seriously and slightly injured, the loss in yuan. */
export function AccidentFields({ f }: { f: FormView }) {
  const { t } = f;
  const text = enterpriseText(f.lang);
  const error = f.errors.get('accident');
  return (
    <fieldset class={error ? 'fieldset field-error' : 'fieldset'} id={fieldId('accident')}>
      <legend class="legend legend-section">{text.accidentLegend}</legend>
      <p class="hint">{text.accidentHint}</p>
      <ErrorText id={fieldId('accident')} error={error} />
      <NumberInput f={f} name="accident.deaths" label={text.deaths} tag={t.required} required />
      <NumberInput f={f} name="accident.seriouslyInjured" label={text.seriouslyInjured} tag={t.required} required />
      <NumberInput f={f} name="accident.injured" label={text.injured} hint={text.injuredHint} tag={t.required} required />
      <NumberInput f={f} name="accident.directLossFen" label={text.directLoss} hint={text.directLossHint} tag={t.optional} decimal />
      <Select f={f} name="severity" label={t.form.severity} hint={text.severityHint} tag={t.optional}>
        <option value="">{t.choose}</option>
        {(['minor', 'serious', 'fatal'] as const).map((s) => (
          <Option f={f} name="severity" value={s}>{t.form.severities[s]}</Option>
        ))}
      </Select>
    </fieldset>
  );
}

/** The responsible enterprise (the case's subject) and what it names: its address, the product. */
export function EnterpriseFields({ f, choices }: { f: FormView; choices: Choices }) {
  const { t } = f;
  const text = enterpriseText(f.lang);
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{text.enterpriseLegend}</legend>
      <Input f={f} name="reporter.enterprise.name" label={text.enterpriseName} hint={text.enterpriseNameHint} tag={t.required}
        required maxlength={200} autocomplete="organization" />
      <Input f={f} name="reporter.enterprise.creditCode" label={t.form.creditCode} hint={text.creditCodeHint} tag={t.required}
        required maxlength={18} autocomplete="off" narrow />
      <Input f={f} name="subject.address" label={text.enterpriseAddress} tag={t.optional} maxlength={300} autocomplete="street-address" />
      <ProductFields f={f} choices={choices} />
    </fieldset>
  );
}

/** The enterprise's contact person: the reporter, sealed like any reporter's identity. */
export function ContactFields({ f }: { f: FormView }) {
  const { t } = f;
  const text = enterpriseText(f.lang);
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{text.contactLegend}</legend>
      <p class="hint">{text.contactIntro}</p>
      <Input f={f} name="reporter.name" label={text.contactName} tag={t.required} required maxlength={50} autocomplete="name" />
      <Input f={f} name="reporter.phone" type="tel" label={t.form.phone} hint={t.form.phoneHint} tag={t.required}
        required maxlength={20} autocomplete="tel" narrow />
      <Input f={f} name="reporter.email" type="email" label={t.form.email} hint={t.form.emailHint} tag={t.optional}
        maxlength={254} autocomplete="email" />
    </fieldset>
  );
}
