/**
 * The two-admin rule: giving the admin, custodian or reward-approver role (a new account, a role
 * change, a re-enable, a password reset) is asked for by one admin and takes effect only when a
 * different admin approves it. With a single admin only the server's CLI, run by the operator, can
 * approve. The account does not change while its grant waits.
 */
import { nanoid } from 'nanoid';
import type { AccountGrantTable } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Role } from '../staff/roles.js';
import { checkDepartment } from '../staff/users.service.js';
import { deleteSessionsQuery } from './accounts.repository.js';
import {
  applyGrantQuery, decideGrantQuery, findGrant, findPendingGrantOf, insertGrantQuery, listPendingGrants, type GrantRow,
} from './grants.repository.js';

export type GrantKind = AccountGrantTable['kind'];

/** The approver of a grant: an admin by username, or the operator at the server's CLI. */
export type Decider = { username: string } | 'cli';
const deciderName = (d: Decider) => (d === 'cli' ? 'cli' : d.username);

export const grantView = (g: GrantRow) => ({
  id: g.id, username: g.username, kind: g.kind, role: g.role, department: g.department,
  requestedBy: g.requested_by, requestedAt: g.requested_at, status: g.status,
  decidedBy: g.decided_by, decidedAt: g.decided_at,
});

export type GrantView = ReturnType<typeof grantView>;

export async function listGrantViews(deps: Deps): Promise<GrantView[]> {
  return (await listPendingGrants(deps.db)).map(grantView);
}

/** One question at a time per account: a change asked while a grant waits would race its approval. */
export async function refuseWhilePending(deps: Deps, userId: string, username: string): Promise<void> {
  if (await findPendingGrantOf(deps.db, userId)) {
    throw new AppError('conflict', `A grant for ${username} waits for a second admin: approve or deny it first.`);
  }
}

export interface GrantRequest {
  kind: GrantKind;
  role: Role;
  department: string | null;
  passwordHash?: string | null;
}

/** The insert and the audit entry of a new pending grant, for the caller's batch. */
export function grantRequest(deps: Deps, requestedBy: string, user: { id: string; username: string }, r: GrantRequest) {
  const id = nanoid();
  const at = toShanghaiIso(deps.clock.now());
  const query = insertGrantQuery(deps.db, {
    id, user_id: user.id, kind: r.kind, role: r.role, department: r.department, password_hash: r.passwordHash ?? null,
    requested_by: requestedBy, requested_at: at, decided_by: null, decided_at: null,
  });
  const audit = { actor: requestedBy, action: 'admin.grant.request', detail: { grant: id, username: user.username, kind: r.kind, role: r.role, department: r.department } };
  const view: GrantView = {
    id, username: user.username, kind: r.kind, role: r.role, department: r.department, requestedBy, requestedAt: at,
    status: 'pending', decidedBy: null, decidedAt: null,
  };
  return { query, audit, view };
}

async function pendingGrant(deps: Deps, id: string) {
  const grant = await findGrant(deps.db, id);
  if (!grant) throw new AppError('not_found', `No grant ${id.slice(0, 64)}.`);
  if (grant.status !== 'pending') throw new AppError('conflict', `The grant was already ${grant.status}.`);
  return grant;
}

/** Applies a pending grant; refused to the admin who asked for it and to the account it is for. */
export async function approveGrant(deps: Deps, by: Decider, id: string): Promise<GrantView> {
  const grant = await pendingGrant(deps, id);
  const name = deciderName(by);
  if (by !== 'cli' && grant.requested_by === by.username) {
    throw new AppError('forbidden', 'You asked for this grant: a second admin must approve it.');
  }
  if (by !== 'cli' && grant.username === by.username) throw new AppError('forbidden', 'A grant to your own account is approved by another admin.');
  const at = toShanghaiIso(deps.clock.now());
  const queries = [];
  if (grant.kind === 'create' || grant.kind === 'enable') {
    queries.push(applyGrantQuery(deps.db, grant.id, grant.user_id, { disabled: 0, updated_at: at }));
  } else if (grant.kind === 'role') {
    await checkDepartment(deps, grant.role, grant.department);
    queries.push(applyGrantQuery(deps.db, grant.id, grant.user_id, { role: grant.role, department: grant.department, updated_at: at }));
  } else {
    queries.push(
      applyGrantQuery(deps.db, grant.id, grant.user_id, { password_hash: grant.password_hash!, password_changed_at: at, updated_at: at }),
      deleteSessionsQuery(deps.db, grant.user_id),
    );
  }
  queries.push(decideGrantQuery(deps.db, grant.id, 'approved', name, at));
  const results = await commitWithAudit(deps, queries, [{
    actor: name, action: 'admin.grant.approve',
    detail: { grant: grant.id, username: grant.username, kind: grant.kind, role: grant.role, department: grant.department, requestedBy: grant.requested_by },
  }]);
  // The decision is the batch's last statement: no row changed means another decision came first.
  if (Number(results.at(-1)?.numAffectedRows ?? 1) === 0) throw new AppError('conflict', 'The grant was decided meanwhile.');
  return { ...grantView(grant), status: 'approved', decidedBy: name, decidedAt: at };
}

/** Withdraws or refuses a pending grant; any admin may, the one who asked included. */
export async function denyGrant(deps: Deps, by: Decider, id: string): Promise<GrantView> {
  const grant = await pendingGrant(deps, id);
  const name = deciderName(by);
  const at = toShanghaiIso(deps.clock.now());
  await commitWithAudit(deps, [decideGrantQuery(deps.db, grant.id, 'denied', name, at)], [{
    actor: name, action: 'admin.grant.deny', detail: { grant: grant.id, username: grant.username, kind: grant.kind, role: grant.role },
  }]);
  return { ...grantView(grant), status: 'denied', decidedBy: name, decidedAt: at };
}

/** The pending grant of an account (the CLI's `user approve`). */
export async function pendingGrantIdOf(deps: Deps, userId: string): Promise<string | null> {
  return (await findPendingGrantOf(deps.db, userId))?.id ?? null;
}
