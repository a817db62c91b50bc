/** Reads and appends the audit log. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { AuditRecord } from './audit.js';

export function lastAuditEntry(db: Kysely<Database>) {
  return db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export function insertAuditQuery(db: Kysely<Database>, record: AuditRecord): CompiledQuery {
  return db.insertInto('audit_log').values(record).compile();
}

export function listAuditRecords(db: Kysely<Database>, afterSeq = 0, limit = 10_000) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export function listAuditForCase(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('audit_log').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}
