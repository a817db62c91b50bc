/**
 * Staff sessions, looked up by the SHA-256 of their token. Writes are compiled for the batch port: on
 * Node a group commit with its fsync off the event loop, durable before the token is handed out.
 */
import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import type { Database, SessionTable } from '../../db/schema.js';

export function insertSessionQuery(db: Kysely<Database>, row: Insertable<SessionTable>): CompiledQuery {
  return db.insertInto('sessions').values(row).compile();
}

/** The session and the account it belongs to, in one query (this runs on every staff request). */
export function findSessionWithUser(db: Kysely<Database>, idHash: string) {
  return db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id_hash', 'sessions.created_at', 'sessions.last_seen_at', 'sessions.expires_at', 'sessions.csrf_token',
      'users.id', 'users.username', 'users.role', 'users.department', 'users.display_name', 'users.disabled',
      'users.password_changed_at',
    ])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

export type SessionWithUser = NonNullable<Awaited<ReturnType<typeof findSessionWithUser>>>;

export function touchSessionQuery(db: Kysely<Database>, idHash: string, at: string): CompiledQuery {
  return db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).compile();
}

export function deleteSessionQuery(db: Kysely<Database>, idHash: string): CompiledQuery {
  return db.deleteFrom('sessions').where('id_hash', '=', idHash).compile();
}

/** Removes sessions past their absolute end or idle since `idleBefore` (ISO times compare as text). */
export function deleteExpiredSessionsQuery(db: Kysely<Database>, now: string, idleBefore: string): CompiledQuery {
  return db.deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .compile();
}
