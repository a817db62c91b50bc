/** Staff accounts for tests: cheap hashes, known passwords, a login that returns the token. */
import { hashPassword } from '../../server/staff/password.js';
import { needsTotp, type Role } from '../../server/staff/roles.js';
import { newToken } from '../../server/staff/tokens.js';
import { totpCode } from '../../server/staff/totp.js';
import { addUser } from '../../server/staff/users.service.js';
import { call, type TestApp } from './app.js';

/** Far below production's 600,000: hashing strength is not what these tests are about. */
export const TEST_ITERATIONS = 1_000;

export interface StaffOptions {
  role: Role;
  /** Defaults to samr-440106 (天河区 SAMR) for handlers and supervisors, else none. */
  department?: string | null;
  username?: string;
  /** Turn TOTP on for a role that does not require it (admin, custodian and reward_approver always have it). */
  totp?: boolean;
  /** A role that needs a code gets no secret: it enrols at its first sign-in (as an admin-made account does). */
  enrolLater?: boolean;
}

export interface TestStaff {
  id: string;
  username: string;
  password: string;
  role: Role;
  department: string | null;
  totpSecret?: string;
  /** The one-time code at the test clock's time. */
  code(): Promise<string>;
  /** Logs in through the API; returns the token. A TOTP user needs a new 30 s step for each login. */
  login(): Promise<string>;
}

let counter = 0;

export async function createStaff(t: TestApp, options: StaffOptions): Promise<TestStaff> {
  const department = options.department !== undefined
    ? options.department
    : options.role === 'handler' || options.role === 'supervisor' ? 'samr-440106' : null;
  const username = options.username ?? `${options.role.replace('_', '-')}.${++counter}`;
  const password = `pw-${newToken()}`;
  const added = await addUser(t.deps, { username, role: options.role, department, password }, {
    passwordHash: await hashPassword(password, TEST_ITERATIONS),
    ...(options.totp || (needsTotp(options.role) && !options.enrolLater) ? { totp: true } : {}),
  });
  const totpSecret = added.totpSecret ?? undefined;
  const code = async () => (totpSecret ? totpCode(totpSecret, t.clock.now()) : '');
  const login = async () => {
    const res = await call(t.app, 'POST', '/api/v1/staff/login', { username, password, ...(totpSecret ? { totp: await code() } : {}) });
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${res.status} ${res.text}`);
    return res.body.token as string;
  };
  return { id: added.id, username, password, role: added.role, department, ...(totpSecret ? { totpSecret } : {}), code, login };
}

/** Request headers for a token. */
export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
