/** Reads and writes staff accounts. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database, NewUser } from '../../db/schema.js';

export function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
}

export function insertUserQuery(db: Kysely<Database>, row: NewUser): CompiledQuery {
  return db.insertInto('users').values(row).compile();
}


export async function countUsers(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Records the step of an accepted one-time code. Conditional, so of two logins racing with the
 * same code only one wins; returns false for the loser (a replay).
 */
/** Claims a TOTP step for the account (a code is used once): one row changed when it was not used yet. */
export function claimTotpStepQuery(db: Kysely<Database>, userId: string, step: number): CompiledQuery {
  return db.updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .compile();
}

/** Keeps a sealed secret offered at sign-in; replaces any earlier offer. */
export function storeTotpOfferQuery(db: Kysely<Database>, userId: string, sealed: string, at: string): CompiledQuery {
  return db.updateTable('users').set({ totp_pending_secret: sealed, totp_pending_at: at })
    .where('id', '=', userId).where('totp_enabled', '=', 0).compile();
}

/**
 * Makes the offered secret the account's own. Conditional on the very offer that was checked, so
 * a newer offer or an enrolment that won a race is never overwritten; false when it lost.
 */
export function acceptTotpOfferQuery(db: Kysely<Database>, userId: string, sealed: string, step: number, at: string): CompiledQuery {
  return db.updateTable('users')
    .set({ totp_secret: sealed, totp_enabled: 1, totp_last_step: step, totp_pending_secret: null, totp_pending_at: null, updated_at: at })
    .where('id', '=', userId).where('totp_enabled', '=', 0).where('totp_pending_secret', '=', sealed)
    .compile();
}

/** Enabled admin accounts: none means the operator must make the first one at the CLI. */
export async function countEnabledAdmins(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'admin').where('disabled', '=', 0).executeTakeFirstOrThrow();
  return Number(row.n);
}
