/** Follow-up sessions, reporter messages, satisfaction and a reward claim's sealed payee. */
import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import type { CaseMessageTable, Database, RewardPayeeTable, SealedMessageTable } from '../../db/schema.js';

export function findCaseByReceiptHashes(db: Kysely<Database>, hashes: string[]) {
  return db.selectFrom('cases').select(['id', 'case_number']).where('receipt_hash', 'in', hashes).executeTakeFirst();
}

/** Compiled for the batch port (a group commit on Node, durable before the token is handed out). */
export function insertFollowupSessionQuery(db: Kysely<Database>, row: { id_hash: string; case_id: string; created_at: string; expires_at: string }): CompiledQuery {
  return db.insertInto('followup_sessions').values(row).compile();
}

export function findFollowupSession(db: Kysely<Database>, idHash: string) {
  return db.selectFrom('followup_sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
}

/** At most `limit` of the follow-up sessions ended before `now` (the sweep repeats it until fewer go). */
export function deleteExpiredFollowupSessionsQuery(db: Kysely<Database>, now: string, limit: number): CompiledQuery {
  return db.deleteFrom('followup_sessions')
    .where('id_hash', 'in', db.selectFrom('followup_sessions').select('id_hash').where('expires_at', '<', now).limit(limit))
    .compile();
}

export function deleteFollowupSessionQuery(db: Kysely<Database>, idHash: string): CompiledQuery {
  return db.deleteFrom('followup_sessions').where('id_hash', '=', idHash).compile();
}

export function insertMessageQueries(
  db: Kysely<Database>,
  message: Insertable<CaseMessageTable>,
  sealed: Insertable<SealedMessageTable> | null,
): CompiledQuery[] {
  return [
    db.insertInto('case_messages').values(message).compile(),
    ...(sealed ? [db.insertInto('sealed_messages').values(sealed).compile()] : []),
  ];
}

export function listSealedMessages(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('sealed_messages').innerJoin('case_messages', 'case_messages.id', 'sealed_messages.message_id')
    .select(['sealed_messages.message_id', 'sealed_messages.key_id', 'sealed_messages.wrapped_key', 'sealed_messages.iv', 'sealed_messages.ciphertext'])
    .where('case_messages.case_id', '=', caseId)
    .execute();
}

export function findSatisfaction(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('satisfaction').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

export function findSealedIdentity(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('sealed_records').selectAll().where('case_id', '=', caseId).where('purpose', '=', 'identity').executeTakeFirst();
}

/** The sealed payee details of a claim, written in the claim's batch. */
export function insertRewardPayeeQuery(db: Kysely<Database>, row: Insertable<RewardPayeeTable>): CompiledQuery {
  // A claim racing another finds the row there and is refused by the claim itself, not by this insert.
  return db.insertInto('reward_payees').values(row).onConflict((oc) => oc.column('case_id').doNothing()).compile();
}

/** The history entry of evidence sent after filing: staff and the reporter see it; `count` files. */
export function evidenceEventQuery(db: Kysely<Database>, e: { id: string; caseId: string; at: string; attachments: string[] }): CompiledQuery {
  return db.insertInto('case_events').values({
    id: e.id, case_id: e.caseId, at: e.at, event: 'evidence_added', actor: 'reporter', note: null,
    data: JSON.stringify({ count: e.attachments.length, attachments: e.attachments }), public: 1,
  }).compile();
}
