/** Reads the audit log (entries are appended by the batch port: see server/deps.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function listAuditRecords(db: Kysely<Database>, afterSeq = 0, limit = 10_000) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

export function listAuditForCase(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('audit_log').selectAll().where('case_id', '=', caseId).orderBy('seq').execute();
}
