/** `npm run intake -- api-key add|list|revoke`, run as the real CLI process over a database file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '../../server/api-keys/api-keys.service.js';
import { AppError } from '../../server/errors.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createTestApp } from '../helpers/app.js';

const ROOT = join(import.meta.dirname, '../..');
const MASTER_KEY = toBase64(new Uint8Array(32).fill(7));

let dir: string;
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'intake-api-key-')); });
afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

function cli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: ROOT, encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: MASTER_KEY },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const openApp = () => createTestApp({ filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });

describe('npm run intake -- api-key …', () => {
  it('adds a key printed once, lists it with its use, revokes it; the revoked key is refused', async () => {
    const added = cli(['api-key', 'add', '--name', '12345 hotline']);
    expect(added.status, added.stderr).toBe(0);
    const keyLines = added.stdout.split('\n').filter((l) => l.includes('o311_'));
    expect(keyLines).toHaveLength(1);
    const key = /^key: (o311_[A-Za-z0-9_-]{43})$/.exec(keyLines[0]!)?.[1];
    expect(key).toBeDefined();
    expect(added.stderr).not.toContain(key!.slice(5));

    const t = await openApp();
    try {
      expect(await authenticateApiKey(t.deps, key)).toMatchObject({ name: '12345 hotline' });
    } finally {
      t.close();
    }

    const listed = cli(['api-key', 'list']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/name\s+created\s+by\s+last used\s+requests\s+status/);
    expect(listed.stdout).toMatch(/12345 hotline\s+\S+\s+cli\s+\S+\s+1\s+active/);
    expect(listed.stdout).not.toContain(key!.slice(5));

    const duplicate = cli(['api-key', 'add', '--name', '12345 hotline']);
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('already named 12345 hotline');
    expect(duplicate.stdout).not.toContain('o311_');

    const revoked = cli(['api-key', 'revoke', '--name', '12345 hotline']);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(revoked.stdout).toContain('Revoked API key 12345 hotline');
    expect(cli(['api-key', 'list']).stdout).toMatch(/12345 hotline.*revoked 20\d\d-/);

    const again = cli(['api-key', 'revoke', '--name', '12345 hotline']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('No active API key is named 12345 hotline');

    const t2 = await openApp();
    try {
      const err = await authenticateApiKey(t2.deps, key).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('forbidden');
      const audit = await t2.deps.db.selectFrom('audit_log').select(['action', 'actor']).where('action', 'like', 'api_key.%').orderBy('seq').execute();
      expect(audit).toEqual([{ action: 'api_key.add', actor: 'cli' }, { action: 'api_key.revoke', actor: 'cli' }]);
    } finally {
      t2.close();
    }
  }, 120_000);

  it('refuses a missing name with usage (exit 2) and an unknown name with a clear error (exit 1)', () => {
    const missing = cli(['api-key', 'add']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('api-key add: missing --name');
    const unknown = cli(['api-key', 'revoke', '--name', 'nobody']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No active API key is named nobody');
    const help = cli(['--help']);
    expect(help.stdout).toContain('api-key add --name N');
    expect(help.stdout).toContain('api-key revoke --name N');
  }, 120_000);
});
