/**
 * The CLI's account and legal-hold commands: `user add|list|disable|password|approve` and
 * `hold set|clear`. Flags are checked before the database is opened; a bad one is a usage error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { AccountView } from '../admin/accounts.service.js';
import {
  addAccountAsOperator, approveAsOperator, disableAccountAsOperator, listAccountViews, OPERATOR, resetCodeAsOperator, setPasswordAsOperator,
} from '../admin/operator.service.js';
import { setLegalHold } from '../cases/legal-hold.service.js';
import { totpUri } from '../staff/totp.js';
import type { NodeRuntime } from './bootstrap.js';

/** Bad or missing flags: the CLI prints the message with the command's usage and exits 2. */
export class UsageError extends Error {}

export type Flags = Record<string, string | boolean | undefined>;

export interface FlagCommand {
  help: string;
  options: NonNullable<ParseArgsConfig['options']>;
  required: string[];
  run(runtime: NodeRuntime, flags: Flags): Promise<string>;
}

/** The flags after the command's name, strictly: unknown flags, stray words and missing values are refused. */
export function parseFlags(name: string, command: FlagCommand, rest: string[]): Flags {
  let values: Flags;
  try {
    values = parseArgs({ args: rest, options: command.options, allowPositionals: false, strict: true }).values as Flags;
  } catch (err) {
    throw new UsageError(`${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const missing = command.required.filter((flag) => values[flag] === undefined || values[flag] === '');
  if (missing.length > 0) throw new UsageError(`${name}: missing ${missing.map((f) => `--${f}`).join(', ')}`);
  return values;
}

/** The password piped in: everything up to EOF, without the final line break. */
async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter and Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  if (!text) throw new UsageError('no password on stdin: pipe it in, e.g. printf \'%s\\n\' \'…\' | npm run intake -- …');
  return text;
}

const str = (flags: Flags, name: string) => String(flags[name] ?? '');

function userTable(users: AccountView[]): string {
  const rows = users.map((u) => [
    u.username, u.role, u.department ?? '-', u.disabled ? 'disabled' : 'active',
    u.totpEnrolment === 'enrolled' ? 'code' : u.totpEnrolment === 'pending' ? 'code: enrolment pending' : '-',
    u.pendingGrant ? `waiting: ${u.pendingGrant.kind} ${u.pendingGrant.role} (asked by ${u.pendingGrant.requestedBy})` : '',
  ]);
  const all = [['username', 'role', 'department', 'status', 'one-time code', 'pending grant'], ...rows];
  const widths = all[0]!.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

const usernameFlag = { username: { type: 'string' } } as const;

export const accountCommands: Record<string, FlagCommand> = {
  'user add': {
    help: 'user add --username U --role R [--department CODE] [--display-name N] --password-stdin\n' +
      '                              make an account at once (roles: intake handler supervisor reward_officer reward_approver\n' +
      '                              custodian auditor admin); prints the one-time-code secret once for admin, custodian, reward_approver',
    options: { ...usernameFlag, role: { type: 'string' }, department: { type: 'string' }, 'display-name': { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    required: ['username', 'role', 'password-stdin'],
    async run({ deps }, flags) {
      const added = await addAccountAsOperator(deps, {
        username: str(flags, 'username'), role: str(flags, 'role'), department: flags.department ? str(flags, 'department') : null,
        displayName: flags['display-name'] ? str(flags, 'display-name') : undefined, password: await readPassword(),
      });
      const lines = [`Created ${added.username} (${added.role}${added.department ? `, ${added.department}` : ''}).`];
      if (added.totpSecret) {
        lines.push(
          'One-time-code secret, shown this once: give it to the account\'s owner only, for their authenticator app:',
          `  ${totpUri(added.totpSecret, added.username)}`,
        );
      }
      return lines.join('\n');
    },
  },
  'user list': {
    help: 'user list                   list the staff accounts with their status, one-time code and pending grant',
    options: {},
    required: [],
    async run({ deps }) {
      return userTable(await listAccountViews(deps));
    },
  },
  'user disable': {
    help: 'user disable --username U   disable an account and end its sessions',
    options: usernameFlag,
    required: ['username'],
    async run({ deps }, flags) {
      const r = await disableAccountAsOperator(deps, str(flags, 'username'));
      return r.changed ? `Disabled ${str(flags, 'username')}; ended ${r.sessionsEnded} sessions.` : `${str(flags, 'username')} was already disabled.`;
    },
  },
  'user password': {
    help: 'user password --username U --password-stdin   set a new password (ends the sessions; the one-time code stays)',
    options: { ...usernameFlag, 'password-stdin': { type: 'boolean' } },
    required: ['username', 'password-stdin'],
    async run({ deps }, flags) {
      const r = await setPasswordAsOperator(deps, str(flags, 'username'), await readPassword());
      return `Password of ${str(flags, 'username')} set; ended ${r.sessionsEnded} sessions.`;
    },
  },
  'user reset-code': {
    help: 'user reset-code --username U   forget the one-time-code secret (lost phone): the owner enrols a new one at the next sign-in',
    options: usernameFlag,
    required: ['username'],
    async run({ deps }, flags) {
      await resetCodeAsOperator(deps, str(flags, 'username'));
      return `One-time code of ${str(flags, 'username')} forgotten and its sessions ended: the next sign-in with the password enrols a new one. ` +
        'Set a new password first (user password) if anyone else may know it.';
    },
  },
  'user approve': {
    help: 'user approve --username U   approve the account\'s pending grant (a role only a second admin may give)',
    options: usernameFlag,
    required: ['username'],
    async run({ deps }, flags) {
      const g = await approveAsOperator(deps, str(flags, 'username'));
      return `Approved for ${g.username}: ${g.kind} ${g.role} (asked by ${g.requestedBy}).`;
    },
  },
};

const holdOptions = { case: { type: 'string' }, reason: { type: 'string' } } as const;
for (const action of ['set', 'clear'] as const) {
  accountCommands[`hold ${action}`] = {
    help: action === 'set'
      ? 'hold set --case N --reason R     put a case under legal hold: purge keeps its identity, text and attachments'
      : 'hold clear --case N --reason R   lift a case\'s legal hold',
    options: holdOptions,
    required: ['case', 'reason'],
    async run({ deps }, flags) {
      const r = await setLegalHold(deps, OPERATOR, str(flags, 'case'), action === 'set', str(flags, 'reason'));
      const state = r.legalHold ? 'under legal hold' : 'not under legal hold';
      return r.changed ? `${r.caseNumber} is now ${state} (audited).` : `${r.caseNumber} was already ${state}; nothing changed.`;
    },
  };
}
