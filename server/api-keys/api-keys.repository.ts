/** Reads and writes API clients' keys (table api_keys, migration 0023). */
import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import type { ApiKeyTable, Database } from '../../db/schema.js';

/** The active key with this hash. The match is the unique index's: no comparison of secrets in code. */
export function findActiveKeyByHash(db: Kysely<Database>, keyHash: string) {
  return db.selectFrom('api_keys').select(['id', 'name']).where('key_hash', '=', keyHash)
    .where('revoked_at', 'is', null).executeTakeFirst();
}

export function findActiveKeyByName(db: Kysely<Database>, name: string) {
  return db.selectFrom('api_keys').select(['id', 'name']).where('name', '=', name)
    .where('revoked_at', 'is', null).executeTakeFirst();
}

export function listKeyRows(db: Kysely<Database>) {
  return db.selectFrom('api_keys')
    .select(['id', 'name', 'created_at', 'created_by', 'revoked_at', 'revoked_by', 'last_used_at', 'request_count'])
    .orderBy('revoked_at', 'asc').orderBy('created_at', 'desc').execute();
}

export function insertKeyQuery(db: Kysely<Database>, row: Insertable<ApiKeyTable>): CompiledQuery {
  return db.insertInto('api_keys').values(row).compile();
}

/** Revokes the key only while it is active, so of two revocations one changes the row. */
export function revokeKeyQuery(db: Kysely<Database>, id: string, at: string, by: string): CompiledQuery {
  return db.updateTable('api_keys').set({ revoked_at: at, revoked_by: by })
    .where('id', '=', id).where('revoked_at', 'is', null).compile();
}

/** Adds requests counted in memory since the last flush. */
export function addKeyUsageQuery(db: Kysely<Database>, id: string, requests: number, lastUsedAt: string): CompiledQuery {
  return db.updateTable('api_keys')
    .set((eb) => ({ request_count: eb('request_count', '+', requests), last_used_at: lastUsedAt }))
    .where('id', '=', id).compile();
}
