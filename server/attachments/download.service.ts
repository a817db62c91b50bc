/** Staff downloads of attachments: the case page's visibility, every download audited (docs/protection.md). */
import { recordAudit } from '../audit/audit.service.js';
import { findVisibleCase } from '../cases/visibility.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { findAttachment } from './attachments.repository.js';
import { contentDisposition } from './display-name.js';
import { attachmentTypes, type AttachmentMime } from './sniff.js';

export interface Download { bytes: Uint8Array; type: AttachmentMime; disposition: string }

/** One attachment for a staff member who may see the case (else 404), audited as `attachment.download`. */
export async function downloadAttachment(deps: Deps, actor: Actor, caseNumber: string, id: string): Promise<Download> {
  const { row } = await findVisibleCase(deps, actor, caseNumber);
  const attachment = await findAttachment(deps.db, row.id, id);
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
  const fallback = `${row.case_number}-${id.slice(0, 8)}.${attachmentTypes[attachment.type].ext}`;
  return { bytes, type: attachment.type, disposition: contentDisposition(fallback, attachment.display_name) };
}
