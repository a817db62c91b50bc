/** The retention purge's reads and deletes (docs/protection.md: identity, original text and attachments with their sent names go; the case stays). */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** Reward states in which the payee details are still needed. */
const UNSETTLED_REWARDS = ['requested', 'eligible', 'proposed', 'notified', 'claimed'] as const;

/**
 * Payee details on purged cases whose reward is settled (paid, expired, …). While a reward is on its
 * way to payment they are kept, or the payout would have no one to pay; each purge run takes the rest.
 */
function settledPayees(db: Kysely<Database>) {
  return db.selectFrom('reward_payees')
    .where('case_id', 'in', db.selectFrom('cases').select('id').where('purged_at', 'is not', null).where('legal_hold', '=', 0))
    .where('case_id', 'not in', db.selectFrom('rewards').select('case_id').where('status', 'in', UNSETTLED_REWARDS));
}

export async function countSettledPayees(db: Kysely<Database>): Promise<number> {
  const row = await settledPayees(db).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
  return Number(row?.n ?? 0);
}

export function purgeSettledPayeesQuery(db: Kysely<Database>): CompiledQuery {
  return db.deleteFrom('reward_payees')
    .where('case_id', 'in', settledPayees(db).select('case_id'))
    .compile();
}

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
    db.deleteFrom('sealed_attachment_names')
      .where('attachment_id', 'in', db.selectFrom('attachments').select('id').where('case_id', '=', caseId))
      .where((eb) => eb.exists(stillExpired))
      .compile(),
    db.deleteFrom('attachments').where('case_id', '=', caseId).where((eb) => eb.exists(stillExpired)).compile(),
    db.updateTable('cases').set({ purged_at: at }).where('id', 'in', stillExpired).compile(),
    // A rating comment's sealed original (0026); after the case's own row, so the counts above keep their places.
    db.deleteFrom('sealed_satisfaction').where('case_id', '=', caseId).where((eb) => eb.exists(stillExpired)).compile(),
  ];
}
