/** The retention purge's reads and deletes (docs/protection.md: identity, original text and attachments go; the case stays). */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Closed cases past the cut-off, not yet purged, split by legal hold. */
export function listExpiredCases(db: Kysely<Database>, closedBefore: string) {
  return db.selectFrom('cases')
    .select(['id', 'case_number', 'closed_at', 'legal_hold'])
    .where('status', '=', 'closed')
    .where('closed_at', 'is not', null)
    .where('closed_at', '<=', closedBefore)
    .where('purged_at', 'is', null)
    .orderBy('closed_at')
    .execute();
}

export async function listAttachmentKeys(db: Kysely<Database>, caseId: string): Promise<string[]> {
  const rows = await db.selectFrom('attachments').select('storage_key').where('case_id', '=', caseId).execute();
  return rows.map((r) => r.storage_key);
}

/**
 * The batch that empties a case of everything that could name its reporter. Each statement checks
 * again that the case is still closed and not held, so a re-opening or a legal hold set since the
 * listing wins; the last statement's count says whether the purge happened.
 */
export function purgeCaseQueries(db: Kysely<Database>, caseId: string, closedBefore: string, at: string): CompiledQuery[] {
  const stillExpired = db.selectFrom('cases').select('id')
    .where('id', '=', caseId)
    .where('status', '=', 'closed')
    .where('closed_at', '<=', closedBefore)
    .where('legal_hold', '=', 0);
  return [
    db.deleteFrom('sealed_records').where('case_id', '=', caseId).where((eb) => eb.exists(stillExpired)).compile(),
    db.deleteFrom('sealed_messages')
      .where('message_id', 'in', db.selectFrom('case_messages').select('id').where('case_id', '=', caseId))
      .where((eb) => eb.exists(stillExpired))
      .compile(),
    db.deleteFrom('attachments').where('case_id', '=', caseId).where((eb) => eb.exists(stillExpired)).compile(),
    db.updateTable('cases').set({ purged_at: at }).where('id', 'in', stillExpired).compile(),
  ];
}
