/**
 * Staff downloads of attachments: the case page's visibility, every download audited, the file named
 * attachment-N.<type> as on the case page, never by the name it was sent under (docs/protection.md).
 */
import { recordAudit } from '../audit/audit.service.js';
import { findVisibleCase } from '../cases/visibility.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { listAttachments } from './attachments.repository.js';
import { contentDisposition } from './display-name.js';
import type { AttachmentMime } from './sniff.js';
import { namesOf } from './views.js';

export interface Download { bytes: Uint8Array; type: AttachmentMime; disposition: string }

/** One attachment for a staff member who may see the case (else 404), audited as `attachment.download`. */
export async function downloadAttachment(deps: Deps, actor: Actor, caseNumber: string, id: string): Promise<Download> {
  const { row } = await findVisibleCase(deps, actor, caseNumber);
  const rows = await listAttachments(deps.db, row.id);
  const index = rows.findIndex((a) => a.id === id);
  const attachment = rows[index];
  if (!attachment) throw new AppError('not_found', `No attachment ${id} on case ${caseNumber}.`);
  const bytes = await deps.storage.get(attachment.storage_key);
  if (!bytes) {
    deps.log(`attachment ${id} has a row but no stored bytes`);
    throw new AppError('not_found', `The attachment ${id} is no longer stored.`);
  }
  // Audited before the bytes leave: a download whose audit entry failed does not happen.
  await recordAudit(deps, [{
    actor: actor.username, action: 'attachment.download', caseId: row.id, detail: { attachment: id, sha256: attachment.sha256 },
  }]);
  return { bytes, type: attachment.type, disposition: contentDisposition(namesOf(rows)[index]!, null) };
}
