/** Attachment rows: written in the batch of their case, read for the case page and downloads. */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database, NewAttachment } from '../../db/schema.js';

export function insertAttachmentQueries(db: Kysely<Database>, rows: NewAttachment[]): CompiledQuery[] {
  return rows.map((row) => db.insertInto('attachments').values(row).compile());
}

/** A case's attachments in the order they were sent. */
export function listAttachments(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy(sql`rowid`).execute();
}

export function findAttachment(db: Kysely<Database>, caseId: string, id: string) {
  return db.selectFrom('attachments').selectAll().where('case_id', '=', caseId).where('id', '=', id).executeTakeFirst();
}
