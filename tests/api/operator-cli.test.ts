/** The operator's account and legal-hold commands, run as the real CLI process over a database file. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toBase64 } from '../../server/lib/encoding.js';
import { totpCode } from '../../server/staff/totp.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

const ROOT = join(import.meta.dirname, '../..');
// The key createTestApp uses, so the CLI and the test's app read each other's sealed secrets.
const MASTER_KEY = toBase64(new Uint8Array(32).fill(7));
const PASSWORD = 'operator chosen passphrase';

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'intake-operator-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

function cli(args: string[], input = '') {
  // node --import tsx: what `npm run intake` runs, without npx's own start-up on every call.
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: ROOT, encoding: 'utf8', input,
    env: { ...process.env, NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: MASTER_KEY, INTAKE_PBKDF2_ITERATIONS: '1000' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const openApp = () => createTestApp({ filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });
const login = (t: TestApp, body: Record<string, string>) => call(t.app, 'POST', '/api/v1/staff/login', body);

describe('npm run intake -- help and usage errors', () => {
  it('prints the usage and exits 0 for --help and help; exits 2 with a clear message for bad flags, opening nothing', () => {
    for (const args of [['--help'], ['help']]) {
      const r = cli(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('user add --username U --role R');
      expect(r.stdout).toContain('hold set --case N --reason R');
    }
    const one = cli(['user', 'add', '--help']);
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/^usage: npm run intake -- user add/);

    const missing = cli(['user', 'add', '--username', 'x.admin', '--role', 'admin']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('user add: missing --password-stdin');
    const unknown = cli(['user', 'disable', '--username', 'x.admin', '--force']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--force'");
    expect(cli(['hold', 'set', '--case', 'GD1']).stderr).toContain('hold set: missing --reason');
    expect(existsSync(join(dir, 'intake.sqlite'))).toBe(false);
  }, 120_000);
});

describe('npm run intake -- user …', () => {
  it('makes the first admin with a password from stdin and its one-time code printed once; the admin signs in with both', async () => {
    const added = cli(['user', 'add', '--username', 'First.Admin', '--role', 'admin', '--password-stdin'], `${PASSWORD}\n`);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('Created first.admin (admin).');
    const secret = /otpauth:\/\/totp\/[^\s]*\?secret=([A-Z2-7]{32})&/.exec(added.stdout)?.[1];
    expect(secret).toBeTruthy();
    expect(added.stdout).not.toContain(PASSWORD);

    const t = await openApp();
    try {
      expect((await login(t, { username: 'first.admin', password: PASSWORD })).body.error.issues).toEqual([{ path: 'totp', message: 'required' }]);
      const ok = await login(t, { username: 'first.admin', password: PASSWORD, totp: await totpCode(secret!, t.clock.now()) });
      expect(ok.status).toBe(200);
      expect(ok.body.user.role).toBe('admin');
      const entry = await t.store.db.selectFrom('audit_log').select(['actor', 'action', 'detail']).where('action', '=', 'admin.user.create').executeTakeFirstOrThrow();
      expect(entry).toMatchObject({ actor: 'cli' });
      expect(entry.detail).not.toContain(secret!);
    } finally {
      await t.close();
    }
    const again = cli(['user', 'add', '--username', 'first.admin', '--role', 'auditor', '--password-stdin'], PASSWORD);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('The username first.admin is taken.');
    const short = cli(['user', 'add', '--username', 'an.auditor', '--role', 'auditor', '--password-stdin'], 'short\n');
    expect(short.status).toBe(1);
    expect(short.stderr).toContain('password: at least 12 characters');
  }, 120_000);

  it('lists, sets a password (the one-time code stays), disables, and approves a single admin\'s pending grant', async () => {
    const t = await openApp();
    const admin = await createStaff(t, { role: 'admin' });
    const handler = await createStaff(t, { role: 'handler' });
    const asked = await call(t.app, 'POST', '/api/v1/admin/users', { username: 'new.custodian', role: 'custodian', password: PASSWORD }, bearer(await admin.login()));
    expect(asked.body.user.disabled).toBe(true);
    await t.close();

    const list = cli(['user', 'list']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(new RegExp(`${admin.username}\\s+admin\\s+-\\s+active\\s+code`));
    expect(list.stdout).toMatch(/new\.custodian\s+custodian\s+-\s+disabled\s+code: enrolment pending\s+waiting: create custodian/);

    const approved = cli(['user', 'approve', '--username', 'new.custodian']);
    expect(approved.stdout).toContain(`Approved for new.custodian: create custodian (asked by ${admin.username}).`);
    expect(approved.status).toBe(0);
    expect(cli(['user', 'approve', '--username', 'new.custodian']).status).toBe(1);

    expect(cli(['user', 'password', '--username', admin.username, '--password-stdin'], `${PASSWORD}\n`).status).toBe(0);
    const disabled = cli(['user', 'disable', '--username', handler.username]);
    expect(disabled.stdout).toContain(`Disabled ${handler.username}`);
    expect(cli(['user', 'disable', '--username', 'nobody.here']).status).toBe(1);

    const t2 = await openApp();
    try {
      expect((await login(t2, { username: 'new.custodian', password: PASSWORD })).body.error.issues).toEqual([{ path: 'totp', message: 'enrolment required' }]);
      // The first app took this step's code; a new password with the next code, from the same secret.
      t2.clock.advance(30_000);
      expect((await login(t2, { username: admin.username, password: PASSWORD, totp: await totpCode(admin.totpSecret!, t2.clock.now()) })).status).toBe(200);
      expect((await login(t2, { username: handler.username, password: handler.password })).status).toBe(401);
    } finally {
      await t2.close();
    }

    // A lost authenticator: the operator forgets the code, and the owner's next sign-in enrols a new one.
    expect(cli(['user', 'reset-code', '--username', admin.username]).status).toBe(0);
    const t3 = await openApp();
    try {
      const offer = await login(t3, { username: admin.username, password: PASSWORD, totp: await totpCode(admin.totpSecret!, t3.clock.now()) });
      expect(offer.body.error.issues).toEqual([{ path: 'totp', message: 'enrolment required' }]);
      expect(offer.body.enrolment.secret).not.toBe(admin.totpSecret);
    } finally {
      await t3.close();
    }
  }, 120_000);
});

/** Starts the server in production over the test's data folder; resolves with its banner once it listens, then stops it. */
async function productionBanner(): Promise<string> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'server/node.ts'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: MASTER_KEY },
  });
  let output = '';
  server.stdout!.on('data', (c: Buffer) => { output += c.toString(); });
  server.stderr!.on('data', (c: Buffer) => { output += c.toString(); });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  try {
    for (let i = 0; i < 600 && !output.includes('Listening on:') && server.exitCode === null; i++) await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('Listening on:');
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
  return output;
}

describe('npm start in production', () => {
  it('prints the exact user add command while no admin exists, and stops printing it once one does', async () => {
    const before = await productionBanner();
    expect(before).toContain('No admin account yet.');
    expect(before).toContain("printf '%s\\n' '<a passphrase of 12+ characters>' | npm run intake -- user add --username admin --role admin --password-stdin");
    expect(cli(['user', 'add', '--username', 'admin', '--role', 'admin', '--password-stdin'], PASSWORD).status).toBe(0);
    expect(await productionBanner()).not.toContain('No admin account yet.');
  }, 120_000);
});

describe('npm run intake -- hold set|clear', () => {
  it('sets and clears a legal hold with the reason in the audit log', async () => {
    const t = await openApp();
    const caseNumber = (await call(t.app, 'POST', '/api/v1/cases', report())).body.caseNumber as string;
    await t.close();

    const set = cli(['hold', 'set', '--case', caseNumber, '--reason', '法院调取证据通知书（2026）粤0106协字第12号']);
    expect(set.stdout.trim()).toBe(`${caseNumber} is now under legal hold (audited).`);
    expect(set.status).toBe(0);
    expect(cli(['hold', 'set', '--case', caseNumber, '--reason', 'again, the same order']).stdout).toContain('was already under legal hold');
    expect(cli(['hold', 'set', '--case', 'GD000000000000', '--reason', 'no such case']).status).toBe(1);

    const held = await openApp();
    try {
      expect((await held.store.db.selectFrom('cases').select('legal_hold').where('case_number', '=', caseNumber).executeTakeFirstOrThrow()).legal_hold).toBe(1);
    } finally {
      await held.close();
    }
    expect(cli(['hold', 'clear', '--case', caseNumber, '--reason', '案件已审结，保全解除']).status).toBe(0);

    const t2 = await openApp();
    try {
      expect((await t2.store.db.selectFrom('cases').select('legal_hold').where('case_number', '=', caseNumber).executeTakeFirstOrThrow()).legal_hold).toBe(0);
      const entries = await t2.store.db.selectFrom('audit_log').select(['actor', 'action', 'detail']).where('action', 'like', 'case.legal_hold.%').orderBy('seq').execute();
      expect(entries.map((e) => [e.actor, e.action])).toEqual([['cli', 'case.legal_hold.set'], ['cli', 'case.legal_hold.clear']]);
      expect(JSON.parse(entries[0]!.detail!)).toEqual({ caseNumber, reason: '法院调取证据通知书（2026）粤0106协字第12号' });
    } finally {
      await t2.close();
    }
  }, 120_000);
});
