/**
 * The enterprise path of the intake form (`/submit?kind=injury&as=enterprise`): the responsible
 * enterprise reports its own accident — its name and credit code (it becomes the case's subject),
 * the casualties and loss (they set the severity), and a contact person, sealed as the reporter.
 * It posts to /submit like the form for persons, with `kind=injury` and `as=enterprise` in hidden fields.
 */
import { AttachmentsField } from '../components/attachments-field.js';
import { ErrorSummary } from '../components/error-summary.js';
import { Input, TextArea, type FormView } from '../components/fields.js';
import { AccidentFields, CategorySelect, ContactFields, EnterpriseFields, RegionSelect } from '../components/intake-fields.js';
import { Layout } from '../layout.js';
import { FORM_ID } from '../pages/submit.js';
import type { Choices } from './choices.js';
import { enterpriseText } from './enterprise-messages.js';
import { flowText } from './flow-messages.js';
import { ACTION_FIELD, ENTERPRISE, KEY_FIELD } from './form.js';

export interface EnterprisePageProps {
  f: FormView;
  choices: Choices;
  switchHref: string;
  keyUsed?: boolean | undefined;
}

function AccidentMatter({ f, choices }: { f: FormView; choices: Choices }) {
  const { t } = f;
  const text = enterpriseText(f.lang);
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{text.matterLegend}</legend>
      <CategorySelect f={f} choices={choices} onlyKind="injury" fixedKind />
      {/* Without JavaScript the product's fields follow the category on this button (the form script hides it). */}
      <div class="field kind-continue">
        <input class="button button-secondary" type="submit" name={ACTION_FIELD} value={flowText(f.lang).continueKind} formnovalidate />
      </div>
      <RegionSelect f={f} choices={choices} />
      <TextArea f={f} name="description" label={t.form.description} hint={t.form.descriptionHint} tag={t.required}
        required minlength={10} maxlength={5000} />
      <Input f={f} name="occurredOn" type="date" label={t.form.occurredOn} tag={t.optional} narrow />
    </fieldset>
  );
}

export function EnterprisePage({ f, choices, switchHref, keyUsed = false }: EnterprisePageProps) {
  const { t, lang } = f;
  const text = enterpriseText(lang);
  const title = (f.errors.size > 0 ? t.errors.titlePrefix : '') + text.title;
  return (
    <Layout t={t} title={title} switchHref={switchHref} scripts={['/static/form.js']}
      switchForm={{ id: FORM_ID, name: ACTION_FIELD, value: 'refresh' }}>
      <h1>{text.title}</h1>
      {f.errors.size > 0 && <ErrorSummary f={f} />}
      <p class="lead">{text.intro}</p>
      <p><a href={`/submit?kind=injury&lang=${lang}`}>{text.citizenLink}</a></p>
      {keyUsed && <p class="warning-text" role="alert"><strong>{flowText(lang).keyUsed}</strong></p>}
      <form class="intake-form" id={FORM_ID} method="post" action={`/submit?lang=${lang}`} enctype="multipart/form-data">
        <input type="hidden" name={KEY_FIELD} value={f.key ?? ''} />
        <input type="hidden" name="kind" value="injury" />
        <input type="hidden" name="as" value={ENTERPRISE} />
        <AccidentMatter f={f} choices={choices} />
        <AccidentFields f={f} />
        <AttachmentsField f={f} />
        <EnterpriseFields f={f} choices={choices} />
        <ContactFields f={f} />
        <p class="hint">{t.form.beforeSubmit}</p>
        <button class="button" type="submit">{t.form.submit}</button>
      </form>
    </Layout>
  );
}
