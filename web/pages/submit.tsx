/**
 * The submission form: one page. The fields of one kind only show once that kind is chosen (the form
 * script follows a change at once; without it, the "show the fields" button asks the server).
 */
import { RELATIONS, type CaseKind } from '../../domain/vocabulary.js';
import { AttachmentsField } from '../components/attachments-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Checkbox, Input, Option, Select, TextArea, type FormView } from '../components/fields.js';
import { CategorySelect, KindFieldset, ProductFields, RegionSelect } from '../components/intake-fields.js';
import type { Child } from 'hono/jsx';
import type { Choices } from '../intake/choices.js';
import { flowText } from '../intake/flow-messages.js';
import { ACTION_FIELD, KEY_FIELD, kindOnlyFields, showsFor } from '../intake/form.js';
import { Layout } from '../layout.js';

export interface SubmitPageProps {
  f: FormView;
  choices: Choices;
  onlyKind?: CaseKind | undefined;
  switchHref: string;
  /** The key filed another request already (the form comes back with a new one). */
  keyUsed?: boolean | undefined;
}

/**
 * A field of some kinds only: hidden, and disabled so that nothing typed into it is sent, until its
 * kind is chosen. A field with an error always shows, so the error can be read and fixed.
 */
function KindOnly({ f, name, children }: { f: FormView; name: keyof typeof kindOnlyFields; children: Child }) {
  const kinds = kindOnlyFields[name];
  const shown = showsFor(kinds, f.values.kind) || f.errors.has(name);
  return <fieldset class="kind-only" data-kinds={kinds.join(' ')} hidden={!shown} disabled={!shown}>{children}</fieldset>;
}

function MatterFields({ f, choices, onlyKind }: Pick<SubmitPageProps, 'f' | 'choices' | 'onlyKind'>) {
  const { t } = f;
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{t.form.matterLegend}</legend>
      <CategorySelect f={f} choices={choices} onlyKind={onlyKind} />
      <RegionSelect f={f} choices={choices} />
      <TextArea f={f} name="description" label={t.form.description} hint={t.form.descriptionHint} tag={t.required}
        required minlength={10} maxlength={5000} />
      <Input f={f} name="occurredOn" type="date" label={t.form.occurredOn} tag={t.optional} narrow />
      <KindOnly f={f} name="claim">
        <TextArea f={f} name="claim" label={t.form.claim} hint={t.form.claimHint} tag={t.form.complaintOnly} rows={3} maxlength={2000} />
      </KindOnly>
      <KindOnly f={f} name="severity">
        <Select f={f} name="severity" label={t.form.severity} tag={t.form.injuryOnly}>
          <option value="">{t.choose}</option>
          {(['minor', 'serious', 'fatal'] as const).map((s) => (
            <Option f={f} name="severity" value={s}>{t.form.severities[s]}</Option>
          ))}
        </Select>
      </KindOnly>
      <KindOnly f={f} name="reward">
        <Checkbox f={f} name="reward" label={t.form.reward} hint={t.form.rewardHint} tag={t.form.reportOnly} />
      </KindOnly>
      <KindOnly f={f} name="reporter.relation">
        <Select f={f} name="reporter.relation" label={t.form.relation} hint={t.form.relationHint} tag={t.form.reportOnly}>
          <option value="">{t.choose}</option>
          {RELATIONS.map((r) => <Option f={f} name="reporter.relation" value={r}>{t.form.relations[r]}</Option>)}
        </Select>
      </KindOnly>
    </fieldset>
  );
}

function SubjectFields({ f, choices }: { f: FormView; choices: Choices }) {
  const { t } = f;
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{t.form.subjectLegend}</legend>
      <Input f={f} name="subject.name" label={t.form.subjectName} hint={t.form.subjectNameHint} tag={t.required}
        required maxlength={200} autocomplete="off" />
      <Input f={f} name="subject.creditCode" label={t.form.creditCode} hint={t.form.creditCodeHint} tag={t.optional}
        maxlength={18} autocomplete="off" narrow />
      <Input f={f} name="subject.address" label={t.form.subjectAddress} tag={t.optional} maxlength={300} autocomplete="off" />
      <ProductFields f={f} choices={choices} />
    </fieldset>
  );
}

function ReporterFields({ f }: { f: FormView }) {
  const { t } = f;
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{t.form.reporterLegend}</legend>
      <p class="hint">{t.form.reporterIntro}</p>
      <Checkbox f={f} name="reporter.anonymous" label={t.form.anonymous} hint={t.form.anonymousHint} />
      <Input f={f} name="reporter.name" label={t.form.name} tag={t.form.requiredUnlessAnonymous} maxlength={50} autocomplete="name" />
      <Input f={f} name="reporter.phone" type="tel" label={t.form.phone} hint={t.form.phoneHint}
        tag={t.form.requiredUnlessAnonymous} maxlength={20} autocomplete="tel" narrow />
      <Input f={f} name="reporter.idNumber" label={t.form.idNumber} tag={t.optional} maxlength={18} autocomplete="off" narrow />
      <Input f={f} name="reporter.email" type="email" label={t.form.email} hint={t.form.emailHint} tag={t.optional}
        maxlength={254} autocomplete="email" />
      <Input f={f} name="reporter.address" label={t.form.address} tag={t.form.addressTag} maxlength={300} autocomplete="street-address" />
    </fieldset>
  );
}

/** The form's id: the language switch's buttons post it from the page header (layout.tsx). */
export const FORM_ID = 'intake-form';

export function SubmitPage({ f, choices, onlyKind, switchHref, keyUsed = false }: SubmitPageProps) {
  const { t } = f;
  const title = (f.errors.size > 0 ? t.errors.titlePrefix : '') + t.form.title;
  return (
    <Layout t={t} title={title} switchHref={switchHref} scripts={['/static/form.js']}
      switchForm={{ id: FORM_ID, name: ACTION_FIELD, value: 'refresh' }}>
      <h1>{t.form.title}</h1>
      {f.errors.size > 0 && <ErrorSummary f={f} />}
      <p class="lead">{t.form.intro}</p>
      {keyUsed && <p class="warning-text" role="alert"><strong>{flowText(f.lang).keyUsed}</strong></p>}
      <form class="intake-form" id={FORM_ID} method="post" action={`/submit?lang=${f.lang}`} enctype="multipart/form-data">
        <input type="hidden" name={KEY_FIELD} value={f.key ?? ''} />
        <KindFieldset f={f} />
        <MatterFields f={f} choices={choices} onlyKind={onlyKind} />
        <AttachmentsField f={f} />
        <SubjectFields f={f} choices={choices} />
        <ReporterFields f={f} />
        <p class="hint">{t.form.beforeSubmit}</p>
        <button class="button" type="submit">{t.form.submit}</button>
      </form>
    </Layout>
  );
}
