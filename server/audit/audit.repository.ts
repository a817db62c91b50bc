/** Reads the audit log (entries are appended by the batch port: see server/deps.ts). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function listAuditRecords(db: Kysely<Database>, afterSeq = 0, limit = 10_000) {
  return db.selectFrom('audit_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute();
}

/** The chain's last entry: its seq is the number of entries. */
export function findAuditTail(db: Kysely<Database>) {
  return db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
}

export interface AuditLogFilter {
  action?: string | undefined;
  actor?: string | undefined;
  caseId?: string | undefined;
  /** [from, to) on `at`, Asia/Shanghai ISO text. */
  from?: string | undefined;
  to?: string | undefined;
  /** Keyset: entries strictly older than this (at, seq), newest first. */
  before?: { at: string; seq: number } | undefined;
}

/**
 * A page of the log, newest first by (at, seq). Equality filters ride the indexes of 0014, each
 * (column, at) with seq as rowid at its end, so a page is one index range whatever the log's size.
 */
export function searchAuditLog(db: Kysely<Database>, f: AuditLogFilter, limit: number) {
  let q = db.selectFrom('audit_log').select(['seq', 'at', 'actor', 'action', 'case_id', 'detail', 'key_id']);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.caseId) q = q.where('case_id', '=', f.caseId);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.before) {
    const { at, seq } = f.before;
    // The plain bound is what the index can range on; the OR only settles ties within one instant.
    q = q.where('at', '<=', at).where((eb) => eb.or([eb('at', '<', at), eb.and([eb('at', '=', at), eb('seq', '<', seq)])]));
  }
  return q.orderBy('at', 'desc').orderBy('seq', 'desc').limit(limit).execute();
}

/** The newest entry with this action (the last verification), by the (action, at) index. */
export function findLatestByAction(db: Kysely<Database>, action: string) {
  return db.selectFrom('audit_log').select(['seq', 'at', 'actor', 'detail']).where('action', '=', action)
    .orderBy('at', 'desc').orderBy('seq', 'desc').limit(1).executeTakeFirst();
}
