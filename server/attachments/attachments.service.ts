/**
 * Attachments of a case: checked and stripped on submission, stored behind the storage port under
 * random keys in the same batch as the case itself. Downloads: download.service.ts.
 */
import type { CompiledQuery } from 'kysely';
import { nanoid } from 'nanoid';
import { newRowId } from '../lib/ids.js';
import type { NewAttachment } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { seal } from '../identity/seal.js';
import { toHex } from '../lib/encoding.js';
import { insertAttachmentQueries } from './attachments.repository.js';
import { attachmentNameContext, displayName } from './display-name.js';
import { AttachmentRefusal, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from './limits.js';
import { sniffType, type AttachmentMime } from './sniff.js';
import { MalformedFile, stripMetadata } from './strip.js';

/** A file ready to store: type from its bytes, images already without metadata. */
export interface PreparedAttachment {
  /** The row id, made before storing so the submission's answer can name the file. */
  id: string;
  type: AttachmentMime;
  bytes: Uint8Array<ArrayBuffer>;
  sha256: string;
  /** The name as sent, without a path or invisible characters; sealed, never shown to staff. */
  name: string | null;
  metadataRemoved: boolean;
}

/** A browser sends an untouched file input as an empty part without a name: that is no file. */
/** What a submission's file must offer: a browser's File, or the reader's ReceivedFile (incoming-file.ts). */
export type AttachmentPart = Pick<File, 'name' | 'size' | 'arrayBuffer'>;

const isUnchosen = (part: string | AttachmentPart) => typeof part !== 'string' && part.size === 0 && part.name === '';

/** Counts and sizes are checked before any bytes are read. */
function checkParts(parts: (string | AttachmentPart)[]): AttachmentPart[] {
  const files = parts.filter((p) => !isUnchosen(p));
  if (files.length > MAX_ATTACHMENTS) {
    throw new AttachmentRefusal('too_many', `At most ${MAX_ATTACHMENTS} attachments may be sent; there were ${files.length}.`);
  }
  return files.map((file, i) => {
    if (typeof file === 'string') throw new AttachmentRefusal('not_a_file', `Attachment ${i + 1} is text, not a file.`, i);
    if (file.size === 0) throw new AttachmentRefusal('empty', `Attachment ${i + 1} is empty.`, i);
    if (file.size > MAX_ATTACHMENT_BYTES) {
      throw new AttachmentRefusal('too_large', `Attachment ${i + 1} is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB.`, i);
    }
    return file;
  });
}

async function prepareOne(file: AttachmentPart, i: number): Promise<PreparedAttachment> {
  const sent = new Uint8Array(await file.arrayBuffer());
  const type = sniffType(sent);
  if (!type) {
    throw new AttachmentRefusal('unsupported', `Attachment ${i + 1} is not a JPEG, PNG, WebP, PDF or MP4 file.`, i);
  }
  try {
    const { bytes, metadataRemoved } = stripMetadata(type, sent);
    const sha256 = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
    return { id: newRowId(), type, bytes, sha256, name: displayName(file.name, type), metadataRemoved };
  } catch (err) {
    if (err instanceof MalformedFile) throw new AttachmentRefusal('damaged', `Attachment ${i + 1} is ${err.message}.`, i);
    throw err;
  }
}

/** Checks the `attachments` parts of a submission and prepares them; throws AttachmentRefusal. */
export async function prepareAttachments(parts: (string | AttachmentPart)[]): Promise<PreparedAttachment[]> {
  const files = checkParts(parts);
  const prepared: PreparedAttachment[] = [];
  for (const [i, file] of files.entries()) prepared.push(await prepareOne(file, i));
  return prepared;
}

async function deleteStored(deps: Deps, keys: string[]): Promise<void> {
  for (const key of keys) {
    // A leftover file is unreachable without its row; the key says nothing about the reporter.
    await deps.storage.delete(key).catch((err: unknown) => deps.log(`could not delete attachment ${key}: ${String(err)}`));
  }
}

/** The case the files join, and when. Their names need no redaction: they are sealed, never shown to staff. */
export interface AttachmentOwner { caseId: string; at: string }

/**
 * Stores the bytes first, then runs `commit` with the attachment rows' queries (the sent names sealed
 * beside them) so they land in the case's own batch; if that fails, the stored bytes are deleted again.
 */
export async function withStoredAttachments<T>(
  deps: Deps, owner: AttachmentOwner, attachments: PreparedAttachment[], commit: (queries: CompiledQuery[]) => Promise<T>,
): Promise<T> {
  const rows: Omit<NewAttachment, 'display_name'>[] = [];
  try {
    for (const a of attachments) {
      const row = attachmentRow(owner, a);
      rows.push(row);
      await deps.storage.put(row.storage_key, a.bytes, a.type);
    }
    return await commit(insertAttachmentQueries(deps.db, rows, await sealedNames(deps, attachments)));
  } catch (err) {
    await deleteStored(deps, rows.map((r) => r.storage_key));
    throw err;
  }
}

/** Sealed like a reporter's message: the sent name can name the reporter ("张三工牌.jpg"). */
async function sealedNames(deps: Deps, attachments: PreparedAttachment[]) {
  const named = attachments.filter((a): a is PreparedAttachment & { name: string } => a.name !== null);
  return Promise.all(named.map(async (a) => {
    const box = await seal(deps.keys, a.name, attachmentNameContext(a.id));
    return { attachment_id: a.id, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext };
  }));
}

function attachmentRow(owner: AttachmentOwner, a: PreparedAttachment): Omit<NewAttachment, 'display_name'> {
  return {
    id: a.id, case_id: owner.caseId, storage_key: nanoid(), type: a.type, size: a.bytes.length, sha256: a.sha256,
    metadata_removed: a.metadataRemoved ? 1 : 0, created_at: owner.at,
  };
}

/** What an answer says of a stored file: metadataRemoved false when its metadata is still in it. */
export const attachmentAnswer = (a: PreparedAttachment) => ({ id: a.id, type: a.type, size: a.bytes.length, metadataRemoved: a.metadataRemoved });

export { attachmentUrl, attachmentViews } from './views.js';
