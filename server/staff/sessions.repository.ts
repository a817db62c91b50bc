/** Staff sessions, looked up by the SHA-256 of their token. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, SessionTable } from '../../db/schema.js';

export async function insertSession(db: Kysely<Database>, row: Insertable<SessionTable>): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
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

export async function touchSession(db: Kysely<Database>, idHash: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(db: Kysely<Database>, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Removes sessions past their absolute end or idle since `idleBefore` (ISO times compare as text). */
export async function deleteExpiredSessions(db: Kysely<Database>, now: string, idleBefore: string): Promise<void> {
  await db.deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', idleBefore)]))
    .execute();
}
