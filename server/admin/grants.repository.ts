/** Role grants waiting for a second admin; writes are compiled for one audited batch. */
import type { CompiledQuery, Insertable, Kysely, Updateable } from 'kysely';
import type { Database, AccountGrantTable, UserTable } from '../../db/schema.js';

const grantColumns = [
  'g.id', 'g.user_id', 'g.kind', 'g.role', 'g.department', 'g.requested_by', 'g.requested_at',
  'g.status', 'g.decided_by', 'g.decided_at', 'u.username',
] as const;

function grants(db: Kysely<Database>) {
  return db.selectFrom('account_grants as g').innerJoin('users as u', 'u.id', 'g.user_id');
}

export function listPendingGrants(db: Kysely<Database>) {
  return grants(db).select(grantColumns).where('g.status', '=', 'pending').orderBy('g.requested_at').execute();
}

export type GrantRow = Awaited<ReturnType<typeof listPendingGrants>>[number];

/** With the new password hash: only the approval reads it. */
export function findGrant(db: Kysely<Database>, id: string) {
  return grants(db).select([...grantColumns, 'g.password_hash']).where('g.id', '=', id).executeTakeFirst();
}

export function findPendingGrantOf(db: Kysely<Database>, userId: string) {
  return grants(db).select([...grantColumns, 'g.password_hash'])
    .where('g.user_id', '=', userId).where('g.status', '=', 'pending').executeTakeFirst();
}

export function insertGrantQuery(db: Kysely<Database>, row: Insertable<AccountGrantTable>): CompiledQuery {
  return db.insertInto('account_grants').values(row).compile();
}

/** Changes the account only while the grant is still pending: a grant decided twice at once applies once. */
export function applyGrantQuery(db: Kysely<Database>, grantId: string, userId: string, set: Updateable<UserTable>): CompiledQuery {
  return db.updateTable('users').set(set).where('id', '=', userId)
    .where(({ exists, selectFrom }) => exists(selectFrom('account_grants').select('id')
      .where('id', '=', grantId).where('status', '=', 'pending')))
    .compile();
}

export function decideGrantQuery(db: Kysely<Database>, id: string, status: 'approved' | 'denied', by: string, at: string): CompiledQuery {
  // A decided reset's hash is of no further use: not kept beside the account's own.
  return db.updateTable('account_grants').set({ status, decided_by: by, decided_at: at, password_hash: null })
    .where('id', '=', id).where('status', '=', 'pending').compile();
}
