/** The auditors' daily anchor mail in the outbox. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

/** One auditor's anchor mail of a day; its id (day and address) makes a second one a no-op. */
export function anchorMailQuery(db: Kysely<Database>, id: string, address: string, params: Record<string, unknown>, at: string): CompiledQuery {
  return db.insertInto('outbox').values({
    id, case_id: null, template: 'audit_anchor', recipient_type: 'address', recipient_ref: address,
    params: JSON.stringify(params), next_attempt_at: at, message_id: `<${id}@intake>`, created_at: at,
  }).onConflict((oc) => oc.column('id').doNothing()).compile();
}
