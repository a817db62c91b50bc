/** Reads and writes staff accounts. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database, NewUser } from '../../db/schema.js';

export function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function insertUserQuery(db: Kysely<Database>, row: NewUser): CompiledQuery {
  return db.insertInto('users').values(row).compile();
}

export async function insertUser(db: Kysely<Database>, row: NewUser): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Records the step of an accepted one-time code. Conditional, so of two logins racing with the
 * same code only one wins; returns false for the loser (a replay).
 */
export async function claimTotpStep(db: Kysely<Database>, userId: string, step: number): Promise<boolean> {
  const result = await db.updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
