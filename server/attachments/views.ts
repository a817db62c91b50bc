/** How a case's attachments are listed: staff see neutral names only; the reporter also the names they sent. */
import type { AttachmentRow } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { unseal } from '../identity/seal.js';
import { caseReceivedAt, listAttachments, listSealedNames } from './attachments.repository.js';
import { attachmentNameContext, neutralName } from './display-name.js';

export const attachmentUrl = (caseNumber: string, id: string) => `/api/v1/staff/cases/${caseNumber}/attachments/${id}`;

/** Rows written before names were numbered at insert may lack one: their place in the list names them. */
export const namesOf = (rows: AttachmentRow[]) => rows.map((a, i) => a.display_name ?? neutralName(i + 1, a.type));

/**
 * The case page's list; `url` downloads for a member of the case's departments. `addedAfterFiling`:
 * sent from the follow-up after the case was filed.
 */
export async function attachmentViews(deps: Deps, caseId: string, caseNumber: string) {
  const [rows, filedAt] = await Promise.all([listAttachments(deps.db, caseId), caseReceivedAt(deps.db, caseId)]);
  const names = namesOf(rows);
  return rows.map((a, i) => ({
    id: a.id, type: a.type, size: a.size, url: attachmentUrl(caseNumber, a.id),
    name: names[i]!, metadataRemoved: a.metadata_removed === 1, sha256: a.sha256, at: a.created_at,
    addedAfterFiling: filedAt !== undefined && a.created_at > filedAt,
  }));
}

/** The reporter's list on the follow-up: the neutral name staff use, and the name they sent it under. */
export async function reporterAttachmentViews(deps: Deps, caseId: string, receivedAt: string) {
  const [rows, sealed] = await Promise.all([listAttachments(deps.db, caseId), listSealedNames(deps.db, caseId)]);
  const sent = new Map<string, string>();
  for (const s of sealed) {
    const box = { keyId: s.key_id, wrappedKey: s.wrapped_key, iv: s.iv, ciphertext: s.ciphertext };
    sent.set(s.attachment_id, await unseal<string>(deps.keys, box, attachmentNameContext(s.attachment_id)));
  }
  const names = namesOf(rows);
  return rows.map((a, i) => ({
    id: a.id, name: names[i]!, sentAs: sent.get(a.id) ?? null, type: a.type, size: a.size, at: a.created_at,
    metadataRemoved: a.metadata_removed === 1, addedAfterFiling: a.created_at > receivedAt,
  }));
}
