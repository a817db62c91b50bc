import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalAuditText, GENESIS_HASH, type AuditRecord } from '../../server/audit/audit.js';
import { anchorAuditLog } from '../../server/audit/anchor.service.js';
import { verifyAuditChain } from '../../server/audit/audit.service.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

// An attacker with the database file can drop the append-only triggers; the keyed chain and the anchors still tell.
const DROP_TRIGGERS = 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;';

/** A few audited events: submissions, a sign-in and an action. */
async function makeHistory(t: TestApp) {
  const n = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body.caseNumber as string;
  await call(t.app, 'POST', '/api/v1/cases', report());
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'accept' }, handler);
}

/**
 * What an attacker without the key can do: rewrite entries from `fromSeq` on as unkeyed SHA-256
 * entries, each linked to the one before, as the chain was before 0014.
 */
function rechainUnkeyed(sqlite: Sqlite.Database, fromSeq: number) {
  const rows = sqlite.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(fromSeq) as AuditRecord[];
  let prev = (sqlite.prepare('SELECT hash FROM audit_log WHERE seq = ?').get(fromSeq - 1) as { hash: string } | undefined)?.hash ?? GENESIS_HASH;
  const update = sqlite.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, key_id = NULL WHERE seq = ?');
  for (const r of rows) {
    const base = { ...r, prev_hash: prev, key_id: null };
    prev = createHash('sha256').update(canonicalAuditText(base)).digest('hex');
    update.run(base.prev_hash, prev, r.seq);
  }
}

describe('audit chain verification', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp();
    await makeHistory(t);
  });
  afterEach(async () => { await t.close(); });

  it('verifies an untouched log, sign-ins included, every entry keyed under the master key', async () => {
    const result = await verifyAuditChain(t.deps);
    expect(result).toEqual({ checked: 4, broken: null });
    const rows = await t.store.db.selectFrom('audit_log').select(['action', 'key_id']).orderBy('seq').execute();
    expect(rows.map((r) => r.action)).toEqual(['case.submitted', 'case.submitted', 'staff.login.success', 'case.accept']);
    expect(new Set(rows.map((r) => r.key_id))).toEqual(new Set([t.deps.keys.current.id]));
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

  it('names an entry rewritten with its hash recomputed without the key (its key id kept)', async () => {
    t.store.sqlite.exec(DROP_TRIGGERS);
    const row = t.store.sqlite.prepare('SELECT * FROM audit_log WHERE seq = 4').get() as AuditRecord;
    const forged = { ...row, actor: 'someone.else' };
    const hash = createHash('sha256').update(canonicalAuditText(forged)).digest('hex');
    t.store.sqlite.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE seq = 4').run(forged.actor, hash);
    expect((await verifyAuditChain(t.deps)).broken).toEqual({ seq: 4, reason: 'its content was changed' });
  });

  it('names the first entry of an unkeyed chain recomputed after a keyed one', async () => {
    t.store.sqlite.exec(DROP_TRIGGERS);
    t.store.sqlite.prepare("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 3").run();
    rechainUnkeyed(t.store.sqlite, 3);
    expect((await verifyAuditChain(t.deps)).broken)
      .toEqual({ seq: 3, reason: 'is not keyed, though the keyed chain began at entry 1' });
  });

  it('still verifies entries written before the chain was keyed, up to the first keyed one', async () => {
    t.store.sqlite.exec(DROP_TRIGGERS);
    rechainUnkeyed(t.store.sqlite, 1); // as a pre-0014 database: all unkeyed
    t.store.sqlite.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;");
    await call(t.app, 'POST', '/api/v1/cases', complaint()); // the keyed chain starts here, linked to the old tail
    expect(await verifyAuditChain(t.deps)).toEqual({ checked: 5, broken: null });
    expect((await t.store.db.selectFrom('audit_log').select('key_id').where('seq', '=', 5).executeTakeFirstOrThrow()).key_id)
      .toBe(t.deps.keys.current.id);
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
  let filename: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'intake-audit-'));
    filename = join(dir, 'intake.sqlite');
  });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  const runCli = (...extra: string[]) => spawnSync('npx', ['tsx', 'server/cli.ts', 'audit', 'verify', ...extra], {
    cwd: join(import.meta.dirname, '../..'),
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(new Uint8Array(32).fill(7)) },
  });

  /** Ten entries, anchored twice (after 4 and after 8) in the anchors file beside the database. */
  async function anchoredLog() {
    const t = await createTestApp({ filename, env: { INTAKE_DATA_DIR: dir } });
    await makeHistory(t);
    const first = await anchorAuditLog(t.deps);
    expect(await anchorAuditLog(t.deps)).toMatchObject({ filed: false }); // nothing new: no second line
    await makeHistory(t);
    const second = await anchorAuditLog(t.deps);
    await call(t.app, 'POST', '/api/v1/cases', complaint());
    await call(t.app, 'POST', '/api/v1/cases', report());
    await t.close();
    return { first: first.anchor!, second: second.anchor! };
  }

  const tamper = (sql: string, ...params: unknown[]) => {
    const sqlite = new Sqlite(filename);
    sqlite.exec(DROP_TRIGGERS);
    sqlite.prepare(sql).run(...params);
    return sqlite;
  };

  it('exits 0 on an intact log, naming the count and the last anchor; 1 naming the entry after tampering', async () => {
    const { second } = await anchoredLog();
    const anchors = readFileSync(join(dir, 'audit-anchors.log'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(anchors.map((a) => a.count)).toEqual([4, 8]);
    expect(statSync(join(dir, 'audit-anchors.log')).mode & 0o777).toBe(0o600);

    const ok = runCli();
    expect(ok.stdout).toContain('audit log verified: 10 entries (all keyed)');
    expect(ok.stdout).toContain(`last anchor checked: 8 entries, head ${second.head.slice(0, 16)}…`);
    expect(ok.stdout).toContain(`(2 anchors checked in ${join(dir, 'audit-anchors.log')})`);
    expect(ok.status).toBe(0);

    tamper("UPDATE audit_log SET detail = '{}' WHERE seq = 1").close();
    const broken = runCli();
    expect(broken.stderr.trim()).toBe('audit log broken at entry 1: its content was changed');
    expect(broken.status).toBe(1);
  }, 90_000);

  it('reports entries deleted from the end, below an anchored count', async () => {
    const { second } = await anchoredLog();
    // The last 5 entries go: the two after the anchor and three it covers.
    tamper('DELETE FROM audit_log WHERE seq > 5').close();
    const cut = runCli();
    expect(cut.stderr.trim()).toBe(`audit log broken at entry 6: the log ends at entry 5, but 8 entries were anchored on ${second.at} ` +
      `in ${join(dir, 'audit-anchors.log')}: entries 6–8 were deleted`);
    expect(cut.status).toBe(1);
  }, 90_000);

  it('reports a log rewritten from its first entry as an unkeyed chain: the anchored head is gone', async () => {
    const { first } = await anchoredLog();
    const sqlite = tamper("UPDATE audit_log SET actor = 'someone.else' WHERE seq = 2");
    rechainUnkeyed(sqlite, 1);
    sqlite.close();
    const rewritten = runCli();
    expect(rewritten.stderr.trim()).toBe(`audit log broken at entry 4: it is not the entry anchored on ${first.at} ` +
      `in ${join(dir, 'audit-anchors.log')}: the log was rewritten`);
    expect(rewritten.status).toBe(1);
  }, 90_000);

  it('checks an anchor given from the auditors\' mail when the file is gone', async () => {
    const { second } = await anchoredLog();
    rmSync(join(dir, 'audit-anchors.log'));
    tamper('DELETE FROM audit_log WHERE seq > 7').close();
    const unanchored = runCli();
    expect(unanchored.stdout).toContain('no anchor checked');
    expect(unanchored.status).toBe(0);
    const withMail = runCli('--anchor', `${second.count}:${second.head}`);
    expect(withMail.stderr.trim()).toContain('audit log broken at entry 8: the log ends at entry 7, but 8 entries were anchored');
    expect(withMail.status).toBe(1);
  }, 90_000);
});
