/**
 * The evidence file input. The metadata warning is always on the page, before the submit button,
 * so it is read without JavaScript: a PDF or MP4 keeps what it shows, and some keep their metadata.
 */
import { fieldId } from '../intake/form.js';
import { ErrorText, Tag, type FormView } from './fields.js';

// The browser's file picker offers these; the server still decides the type from the bytes.
const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,video/mp4,.jpg,.jpeg,.png,.webp,.pdf,.mp4';

export function AttachmentsField({ f }: { f: FormView }) {
  const { t } = f;
  const id = fieldId('attachments');
  const error = f.errors.get('attachments');
  // A re-shown form has lost the chosen files, whatever the error was.
  const again = f.errors.size > 0 || Boolean(f.refreshed);
  const described = [`${id}-hint`, `${id}-warning`, again ? `${id}-again` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <fieldset class="fieldset">
      <legend class="legend legend-section">{t.form.attachmentsLegend}</legend>
      <div class={error ? 'field field-error' : 'field'}>
        <label class="label" for={id}>{t.form.attachments}<Tag text={t.optional} /></label>
        <p class="hint" id={`${id}-hint`}>{t.form.attachmentsHint} {t.form.attachmentsPhotos}</p>
        <p class="warning-text" id={`${id}-warning`} role="note"><strong>{t.form.attachmentsWarning}</strong></p>
        {again && <p class="hint" id={`${id}-again`}>{t.form.attachmentsAgain}</p>}
        <ErrorText id={id} error={error} />
        <input class="file-input" id={id} name="attachments" type="file" multiple accept={ACCEPT}
          aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
      </div>
    </fieldset>
  );
}
