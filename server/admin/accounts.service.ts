/** Staff accounts managed by an admin: create, disable/enable, reset a password, change a role. */
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { seal } from '../identity/seal.js';
import type { Actor } from '../staff/actor.js';
import { hashPassword } from '../staff/password.js';
import { needsTotp } from '../staff/roles.js';
import { newTotpSecret } from '../staff/totp.js';
import { insertUserQuery } from '../staff/users.repository.js';
import type { NewUserInput } from '../staff/users.schema.js';
import { checkDepartment, prepareUser, totpContext } from '../staff/users.service.js';
import {
  countSessions, deleteSessionsQuery, findAccount, listAccounts, updateAccountQuery, type AccountRow,
} from './accounts.repository.js';
import type { ChangeRole } from './admin.schema.js';

/** What an admin is shown about an account: never a password hash or a TOTP secret. */
export const accountView = (row: AccountRow) => ({
  username: row.username,
  role: row.role,
  department: row.department,
  displayName: row.display_name,
  disabled: row.disabled === 1,
  totp: row.totp_enabled === 1,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  passwordChangedAt: row.password_changed_at,
});

export type AccountView = ReturnType<typeof accountView>;

export async function listAccountViews(deps: Deps): Promise<AccountView[]> {
  return (await listAccounts(deps.db)).map(accountView);
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

async function reread(deps: Deps, username: string): Promise<AccountView> {
  return accountView(await getAccount(deps, username));
}

/** Creates an account with addUser's validation; a TOTP role's secret is returned once, here only. */
export async function createAccount(deps: Deps, actor: Actor, input: NewUserInput) {
  const { row, added } = await prepareUser(deps, input);
  const detail = { username: added.username, role: added.role, department: added.department, displayName: added.displayName };
  try {
    await commitWithAudit(deps, [insertUserQuery(deps.db, row)], [{ actor: actor.username, action: 'admin.user.create', detail }]);
  } catch (err) {
    // Two admins creating the same name at once: the second insert loses on the unique index.
    if (err instanceof Error && /UNIQUE constraint failed: users\.username/.test(err.message)) {
      throw new AppError('conflict', `The username ${added.username} is taken.`);
    }
    throw err;
  }
  return { user: await reread(deps, added.username), totpSecret: added.totpSecret };
}

/** Disabling also ends the account's sessions, so re-enabling it later does not revive them. */
export async function setAccountDisabled(deps: Deps, actor: Actor, username: string, disabled: boolean): Promise<AccountView> {
  const row = await getAccount(deps, username);
  if (disabled) notSelf(actor, row, 'disable');
  if ((row.disabled === 1) === disabled) return accountView(row);
  const sessionsEnded = disabled ? await countSessions(deps.db, row.id) : 0;
  const queries = [updateAccountQuery(deps.db, row.id, { disabled: disabled ? 1 : 0, updated_at: toShanghaiIso(deps.clock.now()) })];
  if (disabled) queries.push(deleteSessionsQuery(deps.db, row.id));
  await commitWithAudit(deps, queries, [{
    actor: actor.username, action: disabled ? 'admin.user.disable' : 'admin.user.enable', detail: { username: row.username, sessionsEnded },
  }]);
  return reread(deps, row.username);
}

/** Sets a new password and ends every session of the account; the audit entry names no password. */
export async function resetAccountPassword(deps: Deps, actor: Actor, username: string, password: string): Promise<AccountView> {
  const row = await getAccount(deps, username);
  const at = toShanghaiIso(deps.clock.now());
  const sessionsEnded = await countSessions(deps.db, row.id);
  await commitWithAudit(deps, [
    updateAccountQuery(deps.db, row.id, { password_hash: await hashPassword(password, deps.config.INTAKE_PBKDF2_ITERATIONS), password_changed_at: at, updated_at: at }),
    deleteSessionsQuery(deps.db, row.id),
  ], [{ actor: actor.username, action: 'admin.user.password_reset', detail: { username: row.username, sessionsEnded } }]);
  return reread(deps, row.username);
}

/**
 * Changes role and department. A role that needs a second factor gets a fresh TOTP secret if the
 * account has none (returned once), because such a role cannot sign in without one.
 */
export async function changeAccountRole(deps: Deps, actor: Actor, username: string, input: ChangeRole) {
  const row = await getAccount(deps, username);
  notSelf(actor, row, 'change the role of');
  await checkDepartment(deps, input.role, input.department);
  if (row.role === input.role && row.department === input.department) return { user: accountView(row), totpSecret: null };
  const totpSecret = needsTotp(input.role) && row.totp_enabled !== 1 ? newTotpSecret() : null;
  const sealed = totpSecret ? JSON.stringify(await seal(deps.keys, totpSecret, totpContext(row.id))) : null;
  const set = {
    role: input.role, department: input.department, updated_at: toShanghaiIso(deps.clock.now()),
    ...(sealed ? { totp_secret: sealed, totp_enabled: 1, totp_last_step: null } : {}),
  };
  await commitWithAudit(deps, [updateAccountQuery(deps.db, row.id, set)], [{
    actor: actor.username, action: 'admin.user.role', detail: {
      username: row.username, from: { role: row.role, department: row.department },
      to: { role: input.role, department: input.department }, totpIssued: totpSecret !== null,
    },
  }]);
  return { user: await reread(deps, row.username), totpSecret };
}
