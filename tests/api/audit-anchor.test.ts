import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../server/audit/verify.service.js';
import { parseConfig } from '../../server/config.js';
import type { Deps } from '../../server/deps.js';
import { importMasterKey } from '../../server/identity/keys.js';
import { rotateMasterKey } from '../../server/identity/rotation.service.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createNodeRuntime } from '../../server/node/bootstrap.js';
import { startWorkerLoop } from '../../server/node/worker-loop.js';
import { composeMail } from '../../server/notify/message.js';
import { runScheduled } from '../../server/worker/scheduled.js';
import { call, createTestApp, TestClock, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';

let t: TestApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const AUDITORS = 'audit.one@example.org, audit.two@example.org';
const submit = async (app: TestApp['app'], body: object = complaint()) => expect((await call(app, 'POST', '/api/v1/cases', body)).status).toBe(201);
const anchorMails = (deps: Deps) => deps.db.selectFrom('outbox').select(['id', 'recipient_type', 'recipient_ref', 'params'])
  .where('template', '=', 'audit_anchor').orderBy('created_at').orderBy('id').execute();

describe('the auditors\' daily anchor mail', () => {
  it('is queued once a day per address, however often the cron runs, and carries the count and head', async () => {
    t = await createTestApp({ env: { INTAKE_AUDITOR_MAIL: AUDITORS } });
    await submit(t.app);
    await submit(t.app, report());
    await runScheduled(t.deps, '* * * * *');
    await runScheduled(t.deps, '* * * * *');
    await runScheduled({ ...t.deps }, '* * * * *'); // another process, the same day: the rows' ids make it a no-op
    const today = await anchorMails(t.deps);
    expect(today.map((r) => [r.recipient_type, r.recipient_ref])).toEqual(expect.arrayContaining([
      ['address', 'audit.one@example.org'], ['address', 'audit.two@example.org'],
    ]));
    expect(today).toHaveLength(2);
    const tail = await t.deps.db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(JSON.parse(today[0]!.params)).toMatchObject({ day: '2026-11-26', count: tail.seq, head: tail.hash });

    t.clock.advance(24 * 3600_000);
    await runScheduled(t.deps, '* * * * *');
    expect(await anchorMails(t.deps)).toHaveLength(4);

    // The cron sent them (it drains the outbox after the sweep); each rendered as it went out:
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('template', '=', 'audit_anchor').execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    const mails = await Promise.all(rows.map((r) => composeMail(t!.deps, r)));
    expect(mails.map((m) => m.to).sort()).toEqual(['audit.one@example.org', 'audit.one@example.org', 'audit.two@example.org', 'audit.two@example.org']);
    const first = mails.find((m) => m.messageId.includes('2026-11-26'))!;
    expect(first.subject).toBe(`2026-11-26 审计日志锚点：共 ${tail.seq} 条`);
    expect(first.text).toContain(`npm run intake -- audit verify --anchor ${tail.seq}:${tail.hash}`);
    expect(first.html).toContain(tail.hash);
  });

  it('is not queued without INTAKE_AUDITOR_MAIL, and a bad address is refused at start', async () => {
    t = await createTestApp();
    await submit(t.app);
    await runScheduled(t.deps, '* * * * *');
    expect(await anchorMails(t.deps)).toEqual([]);
    expect(() => parseConfig({ INTAKE_AUDITOR_MAIL: 'audit.one@example.org, not-an-address' })).toThrow(/INTAKE_AUDITOR_MAIL/);
  });
});

describe('the anchors file beside the database', () => {
  it('gets a line from the Node worker loop whenever the log has grown', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-anchors-'));
    t = await createTestApp({ filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });
    const file = join(dir, 'audit-anchors.log');
    const lines = () => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { at: string; count: number; head: string });
    const round = () => startWorkerLoop(t!.deps, { drainEveryMs: 60_000 }).stop(); // one round: it sweeps at once

    await submit(t.app);
    await round();
    expect(lines().map((a) => a.count)).toEqual([1]);
    await round();
    expect(lines()).toHaveLength(1); // nothing new in the log: no new anchor
    await submit(t.app, report());
    await round();
    expect(lines().map((a) => a.count)).toEqual([1, 2]);
    const head = await t.deps.db.selectFrom('audit_log').select('hash').where('seq', '=', 2).executeTakeFirstOrThrow();
    expect(lines()[1]!.head).toBe(head.hash);
    expect((await verifyAuditLog(t.deps)).anchors).toMatchObject({ checked: 2, where: file, unreadable: 0 });

    // Whoever holds the database file drops the last entry: the anchor of two entries remembers it.
    t.store.sqlite.exec('DROP TRIGGER audit_log_no_delete');
    t.store.sqlite.prepare('DELETE FROM audit_log WHERE seq = 2').run();
    expect((await verifyAuditLog(t.deps)).broken).toEqual({
      seq: 2, reason: `the log ends at entry 1, but 2 entries were anchored on ${lines()[1]!.at} in ${file}: entry 2 was deleted`,
    });
  });
});

describe('keys rotate', () => {
  it('keeps the log verifiable while the old key is loaded, and names the key when it is not', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-rotate-'));
    const filename = join(dir, 'intake.sqlite');
    const oldRaw = new Uint8Array(32).fill(7);
    const newRaw = new Uint8Array(32).fill(9);
    const runtime = async (raw: Uint8Array<ArrayBuffer>, previous?: Uint8Array) => {
      const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir!, ...(previous ? { INTAKE_PREVIOUS_MASTER_KEYS: toBase64(previous) } : {}) });
      return createNodeRuntime({ config, filename, clock: new TestClock(new Date('2026-11-26T10:00:00+08:00')), masterKey: await importMasterKey(raw), log: () => {} });
    };
    t = await createTestApp({ filename, env: { INTAKE_DATA_DIR: dir } });
    await submit(t.app);
    const oldId = t.deps.keys.current.id;
    await rotateMasterKey(t.deps, await importMasterKey(newRaw));
    await t.close();
    t = undefined;

    const after = await runtime(newRaw, oldRaw);
    await after.deps.batch([], [{ at: '2026-11-26T10:05:00.000+08:00', actor: 'cli', action: 'test.after_rotation', case_id: null, detail: null }]);
    const keyIds = await after.deps.db.selectFrom('audit_log').select('key_id').orderBy('seq').execute();
    expect(keyIds.map((r) => r.key_id)).toEqual([oldId, oldId, after.deps.keys.current.id]);
    expect((await verifyAuditLog(after.deps)).broken).toBeNull();
    await after.store.close();

    const withoutOld = await runtime(newRaw);
    expect((await verifyAuditLog(withoutOld.deps)).broken).toEqual({
      seq: 1, reason: `was keyed under master key ${oldId}, which is not loaded (INTAKE_PREVIOUS_MASTER_KEYS)`,
    });
    await withoutOld.store.close();
  });
});
