/** The admin part of the audit log, newest first. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function listAdminAudit(db: Kysely<Database>, limit: number, beforeSeq?: number) {
  let query = db.selectFrom('audit_log').select(['seq', 'at', 'actor', 'action', 'detail'])
    // Every action starting 'admin.': '/' is the character after '.', and LIKE would also ignore case.
    .where('action', '>=', 'admin.').where('action', '<', 'admin/');
  if (beforeSeq !== undefined) query = query.where('seq', '<', beforeSeq);
  return query.orderBy('seq', 'desc').limit(limit).execute();
}
