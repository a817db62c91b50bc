/** Attachment rows and their sealed names: written in the batch of their case, read for the case page, the follow-up and downloads. */
import { sql, type CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type { Database, NewAttachment, SealedAttachmentNameTable } from '../../db/schema.js';
import { attachmentTypes } from './sniff.js';

/**
 * Each row is named after the case's attachments already stored (attachment-N.<type>), counted inside
 * the batch, so two uploads to one case never share a number. The sealed names follow their rows.
 */
export function insertAttachmentQueries(
  db: Kysely<Database>, rows: Omit<NewAttachment, 'display_name'>[], names: Insertable<SealedAttachmentNameTable>[],
): CompiledQuery[] {
  return [
    ...rows.map((row) => db.insertInto('attachments').values({
      ...row,
      display_name: sql<string>`'attachment-' || ((SELECT count(*) FROM attachments WHERE case_id = ${row.case_id}) + 1) || ${`.${attachmentTypes[row.type].ext}`}`,
    }).compile()),
    ...names.map((name) => db.insertInto('sealed_attachment_names').values(name).compile()),
  ];
}

/** A case's attachments in the order they were sent. */
export function listAttachments(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy(sql`rowid`).execute();
}

export async function countAttachments(db: Kysely<Database>, caseId: string): Promise<number> {
  const row = await db.selectFrom('attachments').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The sealed names of a case's attachments (the reporter's follow-up reads them back). */
export function listSealedNames(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('sealed_attachment_names')
    .innerJoin('attachments', 'attachments.id', 'sealed_attachment_names.attachment_id')
    .select(['sealed_attachment_names.attachment_id', 'sealed_attachment_names.key_id', 'sealed_attachment_names.wrapped_key',
      'sealed_attachment_names.iv', 'sealed_attachment_names.ciphertext'])
    .where('attachments.case_id', '=', caseId)
    .execute();
}

/** When the case was filed: attachments after it came from the follow-up. */
export async function caseReceivedAt(db: Kysely<Database>, caseId: string): Promise<string | undefined> {
  return (await db.selectFrom('cases').select('received_at').where('id', '=', caseId).executeTakeFirst())?.received_at;
}
