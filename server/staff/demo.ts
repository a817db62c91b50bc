/**
 * Demo staff accounts for a newcomer's first `npm start` (NODE_ENV=development only). One shared,
 * published password and one fixed TOTP secret: these accounts are for trying the workspace out,
 * and a production start never creates them.
 */
import type { Deps } from '../deps.js';
import { hashPassword } from './password.js';
import type { Role } from './roles.js';
import { totpUri } from './totp.js';
import { countUsers, findUserByUsername, insertUserQuery } from './users.repository.js';
import { prepareUser } from './users.service.js';

export const DEMO_PASSWORD = 'demo-pass-2026';
/** Base32; add it to an authenticator app by hand or via its otpauth:// URI. */
export const DEMO_TOTP_SECRET = 'GDINTAKEDEMOTOTPSECRETFORSTAFFXX';

export interface DemoStaff { username: string; role: Role; department: string | null; displayName: string }

export const demoStaff: readonly DemoStaff[] = [
  { username: 'intake', role: 'intake', department: 'intake-440000', displayName: '受理中心调度员' },
  { username: 'tianhe.handler', role: 'handler', department: 'samr-440106', displayName: '天河区市场监管局承办人' },
  { username: 'tianhe.supervisor', role: 'supervisor', department: 'samr-440106', displayName: '天河区市场监管局督办人' },
  { username: 'guangzhou.handler', role: 'handler', department: 'samr-440100', displayName: '广州市市场监管局承办人' },
  { username: 'shenzhen.housing', role: 'handler', department: 'housing-440300', displayName: '深圳市住建局承办人' },
  { username: 'reward.officer', role: 'reward_officer', department: null, displayName: '奖励经办人' },
  { username: 'reward.approver', role: 'reward_approver', department: null, displayName: '奖励审批人' },
  { username: 'custodian', role: 'custodian', department: null, displayName: '身份信息保管人' },
  { username: 'auditor', role: 'auditor', department: null, displayName: '审计员' },
  { username: 'admin', role: 'admin', department: null, displayName: '系统管理员' },
];

/** The lines printed at start: who can sign in, with what. */
export function demoStaffNotes(): string[] {
  return [
    `Demo staff accounts (password ${DEMO_PASSWORD}; sign in at /staff/login):`,
    ...demoStaff.map((s) => `    ${s.username.padEnd(18)} ${s.role.padEnd(16)} ${s.department ?? ''}`),
    `  reward.approver, custodian and admin also need a one-time code: TOTP secret ${DEMO_TOTP_SECRET}`,
    `    (${totpUri(DEMO_TOTP_SECRET, 'custodian')})`,
  ];
}

/**
 * Creates the demo accounts, in one batch, when the database has no staff yet. Returns the lines to
 * print: the list while the demo accounts exist (a restart reminds the newcomer), else none.
 * Refuses to run in production.
 */
export async function seedDemoStaff(deps: Deps): Promise<string[]> {
  if (deps.config.NODE_ENV === 'production') throw new Error('Demo staff accounts are never created in production.');
  if ((await countUsers(deps.db)) > 0) {
    return (await findUserByUsername(deps.db, demoStaff[0]!.username)) ? demoStaffNotes() : [];
  }
  // One hash for the one shared password: ten 600,000-iteration hashes would slow the first start.
  const passwordHash = await hashPassword(DEMO_PASSWORD, deps.config.INTAKE_PBKDF2_ITERATIONS);
  const prepared = [];
  for (const s of demoStaff) {
    prepared.push(await prepareUser(deps, { ...s, password: DEMO_PASSWORD }, { passwordHash, totpSecret: DEMO_TOTP_SECRET }));
  }
  await deps.batch(prepared.map(({ row }) => insertUserQuery(deps.db, row)));
  return demoStaffNotes();
}
