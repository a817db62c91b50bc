/** The intake form's directory-driven controls: kind radios, category and region selects, the product. */
import type { CaseKind } from '../../domain/vocabulary.js';
import { kinds } from '../../server/intake/intake.schema.js';
import { categoryGroups, isKind, productCategoryCodes, type Choices } from '../intake/choices.js';
import { flowText } from '../intake/flow-messages.js';
import { ACTION_FIELD, fieldId } from '../intake/form.js';
import { nameIn } from '../names.js';
import { ErrorText, Input, Option, Select, Tag, type FormView } from './fields.js';

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

/** Categories by domain; with `onlyKind` (from `?kind=`) only those that take it, so no JS is needed. */
export function CategorySelect({ f, choices, onlyKind }: { f: FormView; choices: Choices; onlyKind?: CaseKind | undefined }) {
  const { t, lang } = f;
  return (
    <>
      {onlyKind && (
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
