/**
 * The case page's attachments (downloads through the staff API, which the session cookie opens) and
 * documents. Files are listed under their neutral names (attachment-N): never the name they were sent under.
 */
import type { CaseView } from '../../server/cases/case-page.service.js';
import type { StaffView } from './context.js';
import { formatSize, formatTime } from './format.js';

/** 'image/png' → 'PNG': the type was read from the bytes at intake, not from the file name. */
const typeLabel = (mime: string) => (mime.split('/')[1] ?? mime).toUpperCase();

export function AttachmentsSection({ v, c }: { v: StaffView; c: CaseView }) {
  const a = v.t.staff.reporter.attachments;
  return (
    <section aria-labelledby="attachments-title">
      <h2 id="attachments-title">{a.title}</h2>
      {c.attachments.length === 0 ? <p>{a.none}</p> : (
        <>
          <p class="hint">{a.hint}</p>
          <div class="table-scroll">
            <table class="table attachments">
              <thead>
                <tr>
                  <th scope="col">{a.name}</th><th scope="col">{a.type}</th><th scope="col">{a.size}</th>
                  <th scope="col">{a.sent}</th><th scope="col">{a.metadata}</th>
                </tr>
              </thead>
              <tbody>
                {c.attachments.map((file, i) => (
                  <tr>
                    <th scope="row">
                      <a href={file.url} class="attachment-link" aria-label={a.download(file.name ?? a.unnamed(i + 1))}>{file.name ?? a.unnamed(i + 1)}</a>
                    </th>
                    <td>{typeLabel(file.type)} <span class="hint">({file.type})</span></td>
                    <td class="nowrap">{formatSize(file.size)}</td>
                    <td>
                      <time datetime={file.at}>{formatTime(file.at)}</time>
                      {file.addedAfterFiling && <> <span class="badge attachment-added">{a.afterFiling}</span></>}
                    </td>
                    <td>
                      <span class={file.metadataRemoved ? 'badge badge-ok' : 'badge badge-soon'}>
                        {file.metadataRemoved ? a.removed : a.kept}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** The printable hand-over form (移送单): pseudonym only, so it may leave the system. */
export function DocumentsSection({ v, c }: { v: StaffView; c: CaseView }) {
  const r = v.t.staff.reporter;
  return (
    <section aria-labelledby="documents-title" class="panel">
      <h2 id="documents-title">{r.documents}</h2>
      <p><a href={`/staff/cases/${c.caseNumber}/handover`} class="handover-link">{r.handover}</a></p>
      <p class="hint">{r.handoverHint}</p>
    </section>
  );
}
