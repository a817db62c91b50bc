/** The submission form: one page, every field visible, notes on the fields that apply to one kind. */
import { RELATIONS, type CaseKind } from '../../domain/vocabulary.js';
import { AttachmentsField } from '../components/attachments-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Checkbox, Input, Option, Select, TextArea, type FormView } from '../components/fields.js';
import { CategorySelect, KindFieldset, RegionSelect } from '../components/intake-fields.js';
import type { Choices } from '../intake/choices.js';
import { Layout } from '../layout.js';

export interface SubmitPageProps {
  f: FormView;
  choices: Choices;
  onlyKind?: CaseKind | undefined;
  switchHref: string;
}

function MatterFields({ f, choices, onlyKind }: Omit<SubmitPageProps, 'switchHref'>) {
  const { t } = f;
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{t.form.matterLegend}</legend>
      <CategorySelect f={f} choices={choices} onlyKind={onlyKind} />
      <RegionSelect f={f} choices={choices} />
      <TextArea f={f} name="description" label={t.form.description} hint={t.form.descriptionHint} tag={t.required}
        required minlength={10} maxlength={5000} />
      <Input f={f} name="occurredOn" type="date" label={t.form.occurredOn} tag={t.optional} narrow />
      <TextArea f={f} name="claim" label={t.form.claim} hint={t.form.claimHint} tag={t.form.complaintOnly} rows={3} maxlength={2000} />
      <Select f={f} name="severity" label={t.form.severity} tag={t.form.injuryOnly}>
        <option value="">{t.choose}</option>
        {(['minor', 'serious', 'fatal'] as const).map((s) => (
          <Option f={f} name="severity" value={s}>{t.form.severities[s]}</Option>
        ))}
      </Select>
      <Checkbox f={f} name="reward" label={t.form.reward} hint={t.form.rewardHint} tag={t.form.reportOnly} />
      <Select f={f} name="reporter.relation" label={t.form.relation} hint={t.form.relationHint} tag={t.form.reportOnly}>
        <option value="">{t.choose}</option>
        {RELATIONS.map((r) => <Option f={f} name="reporter.relation" value={r}>{t.form.relations[r]}</Option>)}
      </Select>
    </fieldset>
  );
}

function SubjectFields({ f }: { f: FormView }) {
  const { t } = f;
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{t.form.subjectLegend}</legend>
      <Input f={f} name="subject.name" label={t.form.subjectName} hint={t.form.subjectNameHint} tag={t.required}
        required maxlength={200} autocomplete="off" />
      <Input f={f} name="subject.creditCode" label={t.form.creditCode} hint={t.form.creditCodeHint} tag={t.optional}
        maxlength={18} autocomplete="off" narrow />
      <Input f={f} name="subject.address" label={t.form.subjectAddress} tag={t.optional} maxlength={300} autocomplete="off" />
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

export function SubmitPage({ f, choices, onlyKind, switchHref }: SubmitPageProps) {
  const { t } = f;
  const title = (f.errors.size > 0 ? t.errors.titlePrefix : '') + t.form.title;
  return (
    <Layout t={t} title={title} switchHref={switchHref} scripts={['/static/form.js']}>
      <h1>{t.form.title}</h1>
      {f.errors.size > 0 && <ErrorSummary f={f} />}
      <p class="lead">{t.form.intro}</p>
      <form class="intake-form" method="post" action={`/submit?lang=${f.lang}`} enctype="multipart/form-data">
        <KindFieldset f={f} />
        <MatterFields f={f} choices={choices} onlyKind={onlyKind} />
        <AttachmentsField f={f} />
        <SubjectFields f={f} />
        <ReporterFields f={f} />
        <p class="hint">{t.form.beforeSubmit}</p>
        <button class="button" type="submit">{t.form.submit}</button>
      </form>
    </Layout>
  );
}
