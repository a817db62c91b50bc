/**
 * Account changes made by the operator at the server's CLI. The operator runs the server and holds
 * its master key, so the two-admin rule does not bind them: this is how the first admin is made, and
 * how a single admin's request for a custodian gets approved.
 */
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { hashPassword } from '../staff/password.js';
import { needsTotp } from '../staff/roles.js';
import { countEnabledAdmins, insertUserQuery } from '../staff/users.repository.js';
import { newUserSchema, type NewUserInput } from '../staff/users.schema.js';
import { prepareUser } from '../staff/users.service.js';
import { countSessions, deleteSessionsQuery, updateAccountQuery } from './accounts.repository.js';
import { getAccount, listAccountViews } from './accounts.service.js';
import { approveGrant, pendingGrantIdOf, type GrantView } from './grants.service.js';

/** The audit log's name for the operator at the CLI. */
export const OPERATOR = 'cli';

/** Creates an account in effect at once; a role that needs a one-time code gets its secret now, for the operator to hand over. */
export async function addAccountAsOperator(deps: Deps, input: NewUserInput) {
  const role = newUserSchema.shape.role.safeParse(input.role);
  const { row, added } = await prepareUser(deps, input, { totp: role.success && needsTotp(role.data) });
  const detail = { username: added.username, role: added.role, department: added.department, totp: added.totpSecret !== null };
  await commitWithAudit(deps, [insertUserQuery(deps.db, row)], [{ actor: OPERATOR, action: 'admin.user.create', detail }]);
  return added;
}

export async function disableAccountAsOperator(deps: Deps, username: string): Promise<{ changed: boolean; sessionsEnded: number }> {
  const row = await getAccount(deps, username);
  if (row.disabled === 1) return { changed: false, sessionsEnded: 0 };
  const sessionsEnded = await countSessions(deps.db, row.id);
  await commitWithAudit(deps, [
    updateAccountQuery(deps.db, row.id, { disabled: 1, updated_at: toShanghaiIso(deps.clock.now()) }),
    deleteSessionsQuery(deps.db, row.id),
  ], [{ actor: OPERATOR, action: 'admin.user.disable', detail: { username: row.username, sessionsEnded } }]);
  return { changed: true, sessionsEnded };
}

/** Sets a password and ends the account's sessions; its one-time-code secret stays as it is. */
export async function setPasswordAsOperator(deps: Deps, username: string, password: string): Promise<{ sessionsEnded: number }> {
  const row = await getAccount(deps, username);
  const { password: checked } = newUserSchema.pick({ password: true }).parse({ password });
  const at = toShanghaiIso(deps.clock.now());
  const sessionsEnded = await countSessions(deps.db, row.id);
  await commitWithAudit(deps, [
    updateAccountQuery(deps.db, row.id, {
      password_hash: await hashPassword(checked, deps.config.INTAKE_PBKDF2_ITERATIONS), password_changed_at: at, updated_at: at,
    }),
    deleteSessionsQuery(deps.db, row.id),
  ], [{ actor: OPERATOR, action: 'admin.user.password_reset', detail: { username: row.username, sessionsEnded } }]);
  return { sessionsEnded };
}

/**
 * Forgets the account's one-time-code secret (a lost authenticator): its owner enrols a new one at
 * the next sign-in. The operator only: an admin who could do this could enrol someone else's code.
 */
export async function resetCodeAsOperator(deps: Deps, username: string): Promise<void> {
  const row = await getAccount(deps, username);
  await commitWithAudit(deps, [
    updateAccountQuery(deps.db, row.id, {
      totp_secret: null, totp_enabled: 0, totp_last_step: null, totp_pending_secret: null, totp_pending_at: null,
      updated_at: toShanghaiIso(deps.clock.now()),
    }),
    deleteSessionsQuery(deps.db, row.id),
  ], [{ actor: OPERATOR, action: 'admin.user.totp_reset', detail: { username: row.username } }]);
}

/** Approves the account's pending grant as the operator. */
export async function approveAsOperator(deps: Deps, username: string): Promise<GrantView> {
  const row = await getAccount(deps, username);
  const id = await pendingGrantIdOf(deps, row.id);
  if (!id) throw new AppError('not_found', `Nothing waits for approval for ${row.username}.`);
  return approveGrant(deps, OPERATOR, id);
}

export { listAccountViews };

/** The start banner's lines when no admin can sign in: the exact command that makes the first one. */
export async function firstAdminHint(deps: Deps): Promise<string[]> {
  if ((await countEnabledAdmins(deps.db)) > 0) return [];
  return [
    'No admin account yet. Make the first one (same settings as the server; the password is read from stdin):',
    `    printf '%s\\n' '<a passphrase of 12+ characters>' | npm run intake -- user add --username admin --role admin --password-stdin`,
    '  It prints the one-time-code secret for the admin\'s authenticator app once (see README "First production start").',
  ];
}
