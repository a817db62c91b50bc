import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/audit/audit.service.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

// An attacker with the database file can drop the append-only triggers; the hash chain still tells.
const DROP_TRIGGERS = 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;';

/** A few audited events: submissions, a sign-in and an action. */
async function makeHistory(t: TestApp) {
  const n = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body.caseNumber as string;
  await call(t.app, 'POST', '/api/v1/cases', report());
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'accept' }, handler);
}

describe('audit chain verification', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await makeHistory(t);
  });
  afterEach(async () => { await t.close(); });

  it('verifies an untouched log, sign-ins included', async () => {
    const result = await verifyAuditChain(t.deps);
    expect(result).toEqual({ checked: 4, broken: null });
    const actions = (await t.store.db.selectFrom('audit_log').select('action').orderBy('seq').execute()).map((r) => r.action);
    expect(actions).toEqual(['case.submitted', 'case.submitted', 'staff.login.success', 'case.accept']);
  });

  it('refuses edits while the triggers stand', () => {
    expect(() => t.store.sqlite.exec("UPDATE audit_log SET actor = 'x' WHERE seq = 2")).toThrow(/append-only/);
  });

  it('names the entry whose content was edited', async () => {
    t.store.sqlite.exec(DROP_TRIGGERS);
    t.store.sqlite.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 2").run();
    const { broken } = await verifyAuditChain(t.deps);
    expect(broken).toEqual({ seq: 2, reason: 'its content was changed' });
  });

  it('names the entry that was deleted', async () => {
    t.store.sqlite.exec(DROP_TRIGGERS);
    t.store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const { broken } = await verifyAuditChain(t.deps);
    expect(broken).toEqual({ seq: 3, reason: 'entry 3 is missing' });
  });

  it('records failed sign-ins without the password, and unknown names as "unknown"', async () => {
    const member = await createStaff(t, { role: 'handler' });
    await call(t.app, 'POST', '/api/v1/staff/login', { username: member.username, password: 'wrong-secret-1' });
    await call(t.app, 'POST', '/api/v1/staff/login', { username: 'wrong-secret-2', password: 'x' });
    const rows = await t.store.db.selectFrom('audit_log').select(['actor', 'action', 'detail']).where('action', '=', 'staff.login.failure').execute();
    expect(rows).toEqual([
      { actor: member.username, action: 'staff.login.failure', detail: '{"reason":"invalid"}' },
      { actor: 'unknown', action: 'staff.login.failure', detail: '{"reason":"invalid"}' },
    ]);
    expect(JSON.stringify(await t.store.db.selectFrom('audit_log').selectAll().execute())).not.toMatch(/wrong-secret/);
  });
});

describe('npm run intake -- audit verify', () => {
  let dir: string;
  beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'intake-audit-')); });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  const runCli = () => spawnSync('npx', ['tsx', 'server/cli.ts', 'audit', 'verify'], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(new Uint8Array(32).fill(7)) },
  });

  it('exits 0 on an intact log and 1 naming the entry after tampering', async () => {
    const filename = join(dir, 'intake.sqlite');
    const t = await createTestApp({ filename, env: { INTAKE_DATA_DIR: dir } });
    await makeHistory(t);
    await t.close();

    const ok = runCli();
    expect(ok.stdout.trim()).toBe('audit log verified: 4 entries');
    expect(ok.status).toBe(0);

    const sqlite = new Sqlite(filename);
    sqlite.exec(DROP_TRIGGERS);
    sqlite.prepare("UPDATE audit_log SET detail = '{}' WHERE seq = 1").run();
    sqlite.close();

    const broken = runCli();
    expect(broken.stderr.trim()).toBe('audit log broken at entry 1: its content was changed');
    expect(broken.status).toBe(1);
  }, 60_000);
});
