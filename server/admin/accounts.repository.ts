/** Staff accounts as an admin reads and changes them; writes are compiled for one audited batch. */
import type { CompiledQuery, Kysely, Updateable } from 'kysely';
import type { Database, UserTable } from '../../db/schema.js';

// Never password_hash or totp_secret: nothing an admin is shown needs them.
const accountColumns = [
  'id', 'username', 'role', 'department', 'display_name', 'disabled', 'totp_enabled',
  'created_at', 'updated_at', 'password_changed_at',
] as const;

export function listAccounts(db: Kysely<Database>) {
  return db.selectFrom('users').select(accountColumns).orderBy('username').execute();
}

export function findAccount(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').select(accountColumns).where('username', '=', username).executeTakeFirst();
}

export type AccountRow = NonNullable<Awaited<ReturnType<typeof findAccount>>>;

export function updateAccountQuery(db: Kysely<Database>, id: string, set: Updateable<UserTable>): CompiledQuery {
  return db.updateTable('users').set(set).where('id', '=', id).compile();
}

/** Ends every session of an account: the next request with any of its tokens is unauthenticated. */
export function deleteSessionsQuery(db: Kysely<Database>, userId: string): CompiledQuery {
  return db.deleteFrom('sessions').where('user_id', '=', userId).compile();
}

export async function countSessions(db: Kysely<Database>, userId: string): Promise<number> {
  const row = await db.selectFrom('sessions').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).executeTakeFirstOrThrow();
  return Number(row.n);
}
