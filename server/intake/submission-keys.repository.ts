/** The rows of submission_keys (0017): claimed in a case's batch, read back for a repeated post. */
import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import type { Database, SubmissionKeyTable } from '../../db/schema.js';

export function insertKeyQuery(db: Kysely<Database>, row: Insertable<SubmissionKeyTable>): CompiledQuery {
  return db.insertInto('submission_keys').values(row).compile();
}

/** A key's row with its case number, built once for a direct read or a read inside a batch. */
function keyRowQuery(db: Kysely<Database>, keyHash: string) {
  return db.selectFrom('submission_keys').innerJoin('cases', 'cases.id', 'submission_keys.case_id')
    .select([
      'submission_keys.fingerprint', 'submission_keys.key_id', 'submission_keys.wrapped_key', 'submission_keys.iv',
      'submission_keys.ciphertext', 'submission_keys.view_hash', 'submission_keys.expires_at', 'cases.case_number',
    ])
    .where('submission_keys.key_hash', '=', keyHash);
}

export type KeyRow = Awaited<ReturnType<ReturnType<typeof keyRowQuery>['executeTakeFirstOrThrow']>>;

export function findKeyRow(db: Kysely<Database>, keyHash: string): Promise<KeyRow | undefined> {
  return keyRowQuery(db, keyHash).executeTakeFirst();
}

/** The same read as a statement for the batch port: answered only once what it saw is durable. */
export function findKeyRowQuery(db: Kysely<Database>, keyHash: string): CompiledQuery {
  return keyRowQuery(db, keyHash).compile();
}

/**
 * A confirmation page's one showing, in one batch: the sealed answer as it was (if not yet shown
 * and still within its window), then the row marked shown and its answer removed.
 */
export function takeViewQueries(db: Kysely<Database>, viewHash: string, now: string, since: string): CompiledQuery[] {
  return [
    db.selectFrom('submission_keys').innerJoin('cases', 'cases.id', 'submission_keys.case_id')
      .select([
        'submission_keys.key_hash', 'submission_keys.key_id', 'submission_keys.wrapped_key', 'submission_keys.iv',
        'submission_keys.ciphertext', 'cases.case_number',
      ])
      .where('submission_keys.view_hash', '=', viewHash).where('submission_keys.viewed_at', 'is', null)
      .where('submission_keys.created_at', '>=', since)
      .compile(),
    db.updateTable('submission_keys')
      .set({ viewed_at: now, key_id: null, wrapped_key: null, iv: null, ciphertext: null })
      .where('view_hash', '=', viewHash).where('viewed_at', 'is', null)
      .compile(),
  ];
}

/** Keys past their lifetime go; a form's answer not shown within its window is removed. */
export function sweepKeyQueries(db: Kysely<Database>, now: string, viewBefore: string): CompiledQuery[] {
  return [
    db.deleteFrom('submission_keys').where('expires_at', '<', now).compile(),
    db.updateTable('submission_keys').set({ key_id: null, wrapped_key: null, iv: null, ciphertext: null })
      .where('view_hash', 'is not', null).where('created_at', '<', viewBefore).where('ciphertext', 'is not', null)
      .compile(),
  ];
}
