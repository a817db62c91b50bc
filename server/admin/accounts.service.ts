/**
 * Staff accounts managed by an admin: create, disable/enable, reset a password, change a role.
 * Giving the admin, custodian or reward-approver role waits for a second admin (grants.service.ts),
 * and no one-time-code secret ever passes through here: its owner enrols it at first sign-in.
 */
import type { CompiledQuery } from 'kysely';
import { commitWithAudit } from '../audit/audit.service.js';
import type { AuditEntry } from '../audit/audit.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { hashPassword } from '../staff/password.js';
import { needsSecondAdmin, needsTotp } from '../staff/roles.js';
import { insertUserQuery } from '../staff/users.repository.js';
import type { NewUserInput } from '../staff/users.schema.js';
import { checkDepartment, prepareUser } from '../staff/users.service.js';
import {
  countSessions, deleteSessionsQuery, findAccount, listAccounts, updateAccountQuery, type AccountRow,
} from './accounts.repository.js';
import type { ChangeRole } from './admin.schema.js';
import { listPendingGrants } from './grants.repository.js';
import { grantRequest, grantView, refuseWhilePending, type GrantRequest, type GrantView } from './grants.service.js';

/** What an admin is shown: never a password hash or a TOTP secret; 'pending' = the owner enrols at first sign-in. */
export const accountView = (row: AccountRow, pendingGrant: GrantView | null = null) => ({
  username: row.username,
  role: row.role,
  department: row.department,
  displayName: row.display_name,
  disabled: row.disabled === 1,
  totp: row.totp_enabled === 1,
  totpEnrolment: row.totp_enabled === 1 ? 'enrolled' as const : needsTotp(row.role) ? 'pending' as const : 'none' as const,
  pendingGrant,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  passwordChangedAt: row.password_changed_at,
});

export type AccountView = ReturnType<typeof accountView>;

/** A change that is either done or waits for a second admin (grant). */
export interface AccountChange { user: AccountView; grant: GrantView | null }

export async function listAccountViews(deps: Deps): Promise<AccountView[]> {
  const pending = new Map((await listPendingGrants(deps.db)).map((g) => [g.user_id, grantView(g)]));
  return (await listAccounts(deps.db)).map((row) => accountView(row, pending.get(row.id) ?? null));
}

/** The account named in a path; 404 when there is none. */
export async function getAccount(deps: Deps, username: string): Promise<AccountRow> {
  const row = await findAccount(deps.db, username.trim().toLowerCase());
  if (!row) throw new AppError('not_found', `No account ${username.slice(0, 64)}.`);
  return row;
}

// An admin may not lock themselves out; so at least one enabled admin always remains.
function notSelf(actor: Actor, row: AccountRow, what: string): void {
  if (row.id === actor.userId) throw new AppError('conflict', `You cannot ${what} your own account; ask another admin.`);
}

/** The account as the admin pages show it, with its pending grant. */
export async function readAccountView(deps: Deps, username: string): Promise<AccountView> {
  const row = await getAccount(deps, username);
  return (await listAccountViews(deps)).find((a) => a.username === row.username) ?? accountView(row);
}

/** Asks for a grant instead of making the change; the account stays as it is until approved. */
async function requestGrant(deps: Deps, actor: Actor, row: AccountRow, r: GrantRequest): Promise<AccountChange> {
  await refuseWhilePending(deps, row.id, row.username);
  const { query, audit } = grantRequest(deps, actor.username, row, r);
  await commitWithAudit(deps, [query], [audit]);
  const user = await readAccountView(deps, row.username);
  return { user, grant: user.pendingGrant };
}

async function commitChange(deps: Deps, queries: CompiledQuery[], entries: AuditEntry[], username: string): Promise<AccountChange> {
  await commitWithAudit(deps, queries, entries);
  return { user: await readAccountView(deps, username), grant: null };
}

/** Creates an account with addUser's validation; a role a second admin must grant starts disabled. */
export async function createAccount(deps: Deps, actor: Actor, input: NewUserInput): Promise<AccountChange> {
  const { row, added } = await prepareUser(deps, input);
  const detail = { username: added.username, role: added.role, department: added.department, displayName: added.displayName };
  const queries = [];
  const entries: AuditEntry[] = [{ actor: actor.username, action: 'admin.user.create', detail }];
  if (needsSecondAdmin(added.role)) {
    row.disabled = 1;
    const grant = grantRequest(deps, actor.username, added, { kind: 'create', role: added.role, department: added.department });
    queries.push(insertUserQuery(deps.db, row), grant.query);
    entries.push(grant.audit);
  } else {
    queries.push(insertUserQuery(deps.db, row));
  }
  try {
    await commitWithAudit(deps, queries, entries);
  } catch (err) {
    // Two admins creating the same name at once: the second insert loses on the unique index.
    if (err instanceof Error && /UNIQUE constraint failed: users\.username/.test(err.message)) {
      throw new AppError('conflict', `The username ${added.username} is taken.`);
    }
    throw err;
  }
  const user = await readAccountView(deps, added.username);
  return { user, grant: user.pendingGrant };
}

/** Disabling is immediate and ends the account's sessions; re-enabling a granted role waits for a second admin. */
export async function setAccountDisabled(deps: Deps, actor: Actor, username: string, disabled: boolean): Promise<AccountChange> {
  const row = await getAccount(deps, username);
  if (disabled) notSelf(actor, row, 'disable');
  if ((row.disabled === 1) === disabled) return { user: await readAccountView(deps, row.username), grant: null };
  if (!disabled && needsSecondAdmin(row.role)) return requestGrant(deps, actor, row, { kind: 'enable', role: row.role, department: row.department });
  if (!disabled) await refuseWhilePending(deps, row.id, row.username);
  const sessionsEnded = disabled ? await countSessions(deps.db, row.id) : 0;
  const queries = [updateAccountQuery(deps.db, row.id, { disabled: disabled ? 1 : 0, updated_at: toShanghaiIso(deps.clock.now()) })];
  if (disabled) queries.push(deleteSessionsQuery(deps.db, row.id));
  return commitChange(deps, queries, [{
    actor: actor.username, action: disabled ? 'admin.user.disable' : 'admin.user.enable', detail: { username: row.username, sessionsEnded },
  }], row.username);
}

/**
 * Sets a new password and ends every session of the account; the audit entry names no password.
 * The one-time-code secret stays the owner's: a reset never lets the admin enrol one.
 */
export async function resetAccountPassword(deps: Deps, actor: Actor, username: string, password: string): Promise<AccountChange> {
  const row = await getAccount(deps, username);
  const passwordHash = await hashPassword(password, deps.config.INTAKE_PBKDF2_ITERATIONS);
  if (needsSecondAdmin(row.role) && row.id !== actor.userId) {
    return requestGrant(deps, actor, row, { kind: 'password', role: row.role, department: row.department, passwordHash });
  }
  await refuseWhilePending(deps, row.id, row.username);
  const at = toShanghaiIso(deps.clock.now());
  const sessionsEnded = await countSessions(deps.db, row.id);
  return commitChange(deps, [
    updateAccountQuery(deps.db, row.id, { password_hash: passwordHash, password_changed_at: at, updated_at: at }),
    deleteSessionsQuery(deps.db, row.id),
  ], [{ actor: actor.username, action: 'admin.user.password_reset', detail: { username: row.username, sessionsEnded } }], row.username);
}

/**
 * Changes role and department. Giving a role a second admin must grant waits for one; a role that
 * needs a one-time code and has none is enrolled by its owner at the next sign-in.
 */
export async function changeAccountRole(deps: Deps, actor: Actor, username: string, input: ChangeRole): Promise<AccountChange> {
  const row = await getAccount(deps, username);
  notSelf(actor, row, 'change the role of');
  await checkDepartment(deps, input.role, input.department);
  if (row.role === input.role && row.department === input.department) return { user: await readAccountView(deps, row.username), grant: null };
  if (row.role !== input.role && needsSecondAdmin(input.role)) {
    return requestGrant(deps, actor, row, { kind: 'role', role: input.role, department: input.department });
  }
  await refuseWhilePending(deps, row.id, row.username);
  const set = { role: input.role, department: input.department, updated_at: toShanghaiIso(deps.clock.now()) };
  return commitChange(deps, [updateAccountQuery(deps.db, row.id, set)], [{
    actor: actor.username, action: 'admin.user.role', detail: {
      username: row.username, from: { role: row.role, department: row.department }, to: { role: input.role, department: input.department },
    },
  }], row.username);
}
