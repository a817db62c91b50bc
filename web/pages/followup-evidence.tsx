/**
 * Evidence on the follow-up page: the files the reporter sent (the neutral name staff see, the name
 * they sent it under, size, date) and a form that adds more, without JavaScript.
 */
import { attachmentTypes } from '../../server/attachments/sniff.js';
import { formatAt } from '../followup/format.js';
import type { Lang, Messages } from '../i18n.js';
import { formatSize } from '../staff/format.js';
import type { followupView } from '../../server/followup/followup.service.js';

// The browser's file picker offers these; the server still decides the type from the bytes.
const ACCEPT = [...Object.keys(attachmentTypes), ...Object.values(attachmentTypes).map((type) => `.${type.ext}`), '.jpeg'].join(',');

/** A refused upload: the form is shown again with this message (the chosen files are lost). */
export interface EvidenceError { error: string }

type View = Awaited<ReturnType<typeof followupView>>;
type Files = View['attachments'];
type Props = { t: Messages; lang: Lang; files: Files; state: View['evidence']; evidence?: EvidenceError | undefined };

function EvidenceList({ t, lang, files }: { t: Messages; lang: Lang; files: Files }) {
  const e = t.followup.evidence;
  if (files.length === 0) return <p>{e.none}</p>;
  return (
    <ul class="evidence-list">
      {files.map((file) => (
        <li class="evidence-item">
          <strong class="evidence-name">{file.name}</strong>
          {file.sentAs && <span class="evidence-sent-as">{e.sentAs(file.sentAs)}</span>}
          <span class="evidence-meta">
            {formatSize(file.size)} · <time datetime={file.at}>{formatAt(file.at, lang)}</time>
            {file.addedAfterFiling && ` · ${e.afterFiling}`}
            {!file.metadataRemoved && ` · ${e.metadataKept}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

function EvidenceForm({ t, lang, room, error }: { t: Messages; lang: Lang; room: number; error: string | undefined }) {
  const e = t.followup.evidence;
  const id = 'evidence-files';
  const described = [`${id}-hint`, `${id}-warning`, error ? `${id}-again ${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <form class="followup-form" method="post" action={`/followup/case/attachments?lang=${lang}`} enctype="multipart/form-data">
      <p>{e.intro}</p>
      <div class={error ? 'field field-error' : 'field'}>
        <label class="label" for={id}>{e.label}</label>
        <p class="hint" id={`${id}-hint`}>{e.hint(room)} {t.form.attachmentsPhotos}</p>
        <p class="warning-text" id={`${id}-warning`} role="note"><strong>{t.form.attachmentsWarning}</strong></p>
        {error && <p class="hint" id={`${id}-again`}>{t.form.attachmentsAgain}</p>}
        {error && <p class="error-message" id={`${id}-error`}>{error}</p>}
        <input class="file-input" id={id} name="attachments" type="file" multiple required accept={ACCEPT}
          aria-describedby={described} aria-invalid={error ? 'true' : undefined} />
      </div>
      <button class="button" type="submit">{e.submit}</button>
    </form>
  );
}

export function EvidenceSection({ t, lang, files, state, evidence }: Props) {
  const e = t.followup.evidence;
  return (
    <section aria-labelledby="evidence-title">
      <h2 id="evidence-title">{e.heading}</h2>
      <p class="hint">{e.neutral}</p>
      <EvidenceList t={t} lang={lang} files={files} />
      {state.open
        ? <EvidenceForm t={t} lang={lang} room={state.room} error={evidence?.error} />
        : <p class="hint evidence-closed">{e[state.reason]}</p>}
    </section>
  );
}
