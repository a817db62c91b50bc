/** Reads and writes the legal hold flag of cases. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function findCaseHold(db: Kysely<Database>, caseNumber: string) {
  return db.selectFrom('cases').select(['id', 'case_number', 'status', 'legal_hold', 'purged_at'])
    .where('case_number', '=', caseNumber).executeTakeFirst();
}

export function setLegalHoldQuery(db: Kysely<Database>, caseId: string, hold: boolean): CompiledQuery {
  return db.updateTable('cases').set({ legal_hold: hold ? 1 : 0 }).where('id', '=', caseId).compile();
}

export function listHeldCases(db: Kysely<Database>) {
  return db.selectFrom('cases').select(['case_number', 'status', 'closed_at', 'purged_at'])
    .where('legal_hold', '=', 1).orderBy('case_number').execute();
}
