/** Creating staff accounts (the CLI's `user add`, demo seeding, tests) and reading their TOTP secret. */
import { nanoid } from 'nanoid';
import type { NewUser, UserRow } from '../../db/schema.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { findDepartment } from '../directory/directory.repository.js';
import { AppError } from '../errors.js';
import { seal, unseal, type Sealed } from '../identity/seal.js';
import { hashPassword } from './password.js';
import { needsDepartment, needsTotp, type Role } from './roles.js';
import { newTotpSecret } from './totp.js';
import { findUserByUsername, insertUserQuery } from './users.repository.js';
import { newUserSchema, type NewUserInput } from './users.schema.js';

export interface AddUserOptions {
  /** A ready hash: demo seeding hashes its one shared password once; tests use few iterations. */
  passwordHash?: string;
  /** A known TOTP secret (base32) for a role that needs one (the demo accounts). */
  totpSecret?: string;
  /**
   * Issues the secret now, to be shown to the owner by the caller (the CLI operator, tests); also
   * turns TOTP on for a role that does not require it. Without it a role that needs a code enrols
   * its own at the first sign-in (enrolment.service.ts), so an admin never holds the secret.
   */
  totp?: boolean;
}

export interface AddedUser {
  id: string;
  username: string;
  role: Role;
  department: string | null;
  displayName: string;
  /** Issued with the account (options.totp / totpSecret): shown once, to the owner only. */
  totpSecret: string | null;
}

/** The associated data a user's sealed TOTP secret is bound to. */
export const totpContext = (userId: string) => `users/${userId}/totp`;

/** Handlers and supervisors belong to an existing department; other roles to none or the intake centre. */
export async function checkDepartment(deps: Deps, role: Role, department: string | null): Promise<void> {
  const fail = (message: string) => new AppError('validation_failed', 'The account is not valid.', [{ path: 'department', message }]);
  const intakeCentre = `intake-${deps.config.INTAKE_PROVINCE}`;
  if (needsDepartment(role)) {
    if (!department) throw fail(`a ${role} needs a department`);
    const found = await findDepartment(deps.db, department);
    if (!found || !found.active) throw fail(`no active department ${department}`);
  } else if (department !== null && department !== intakeCentre) {
    throw fail(`a ${role} belongs to no department or to ${intakeCentre}`);
  }
}

/** Validates and builds the row (hashing, sealing) without writing it, so seeding can batch many. */
export async function prepareUser(deps: Deps, input: NewUserInput, options: AddUserOptions = {}) {
  const v = newUserSchema.parse(input);
  await checkDepartment(deps, v.role, v.department);
  if (await findUserByUsername(deps.db, v.username)) throw new AppError('conflict', `The username ${v.username} is taken.`);
  const id = nanoid();
  const at = toShanghaiIso(deps.clock.now());
  const issue = options.totp === true || (needsTotp(v.role) && options.totpSecret !== undefined);
  const totpSecret = issue ? (options.totpSecret ?? newTotpSecret()) : null;
  const row: NewUser = {
    id, username: v.username, role: v.role, department: v.department, display_name: v.displayName ?? v.username,
    password_hash: options.passwordHash ?? (await hashPassword(v.password, deps.config.INTAKE_PBKDF2_ITERATIONS)),
    totp_secret: totpSecret ? JSON.stringify(await seal(deps.keys, totpSecret, totpContext(id))) : null,
    totp_enabled: totpSecret ? 1 : 0,
    created_at: at, updated_at: at, password_changed_at: at,
  };
  const added: AddedUser = { id, username: v.username, role: v.role, department: v.department, displayName: row.display_name, totpSecret };
  return { row, added };
}

/** Creates one staff account; throws validation_failed or conflict. */
export async function addUser(deps: Deps, input: NewUserInput, options: AddUserOptions = {}): Promise<AddedUser> {
  const { row, added } = await prepareUser(deps, input, options);
  await deps.batch([insertUserQuery(deps.db, row)]);
  return added;
}

/** The account's TOTP secret, unsealed, or null when it has none. */
export async function readTotpSecret(deps: Deps, user: Pick<UserRow, 'id' | 'totp_secret'>): Promise<string | null> {
  if (!user.totp_secret) return null;
  return unseal<string>(deps.keys, JSON.parse(user.totp_secret) as Sealed, totpContext(user.id));
}
