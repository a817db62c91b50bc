import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/config.js';
import { newMasterKeyBytes } from '../../server/identity/keys.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createServerRuntime, type NodeRuntime } from '../../server/node/bootstrap.js';
import { openStore, type ServerStore } from '../../server/node/sqlite.js';
import { openStoreThread } from '../../server/node/store-thread.js';
import { startSubmissionThread } from '../../server/node/submit-thread.js';
import { createApp } from '../../server/app.js';
import { call } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';

describe('the server store in a thread of its own (Node)', () => {
  let dir: string;
  let runtime: NodeRuntime<ServerStore>;
  let logs: string[];
  let lost: string[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'store-thread-'));
    logs = [];
    lost = [];
    const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(newMasterKeyBytes()) });
    runtime = await createServerRuntime({ config, storeThread: true, log: (l) => logs.push(l), onStoreLost: (r) => lost.push(r) });
  }, 30_000);
  afterEach(async () => {
    await runtime.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('files a case through the app: written, audited, and read back from the thread', async () => {
    expect(runtime.store).not.toHaveProperty('sqlite');
    expect(runtime.store.durability).toMatch(/thread of its own/);
    const app = createApp(runtime.deps);
    const filed = await call(app, 'POST', '/api/v1/cases', complaint());
    expect(filed.status).toBe(201);
    const row = await runtime.store.db.selectFrom('cases').select(['id', 'case_number']).where('case_number', '=', filed.body.caseNumber).executeTakeFirstOrThrow();
    const audit = await runtime.store.db.selectFrom('audit_log').select('action').where('case_id', '=', row.id).execute();
    expect(audit.length).toBeGreaterThan(0);
    const followUp = await call(app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    expect(followUp.status).toBe(200);
    expect(lost).toEqual([]);
  });

  it('takes the submission thread\'s batches straight from it, not through the event loop', async () => {
    let onTheLoop = 0;
    const store = { ...runtime.store, batch: (...args: Parameters<ServerStore['batch']>) => { onTheLoop += 1; return runtime.store.batch(...args); } };
    const thread = await startSubmissionThread({ filename: runtime.store.filename, config: runtime.deps.config, store, deps: runtime.deps });
    try {
      const app = createApp({ ...runtime.deps, submitter: thread!.submit });
      const filed = await Promise.all([call(app, 'POST', '/api/v1/cases', complaint()), call(app, 'POST', '/api/v1/cases', complaint())]);
      expect(filed.map((f) => f.status)).toEqual([201, 201]);
      const rows = await runtime.store.db.selectFrom('cases').select('case_number').execute();
      expect(rows.map((r) => r.case_number).sort()).toEqual(filed.map((f) => f.body.caseNumber).sort());
      expect(onTheLoop).toBe(0);
    } finally {
      await thread?.stop();
    }
  });

  it('answers in the order sent: a read sent right after a batch, before it is answered, sees it', async () => {
    const { db, batch } = runtime.store;
    const write = batch([db.insertInto('case_sequences').values({ day: 'thread-test', last: 1 }).compile()]);
    const read = db.selectFrom('case_sequences').select('last').where('day', '=', 'thread-test').executeTakeFirst();
    const [written, seen] = await Promise.all([write, read]);
    expect(written[0]?.numAffectedRows).toBe(1n);
    expect(seen?.last).toBe(1);
  });

  it('keeps the code of a refused statement, rolls back only that batch, and refuses db.transaction()', async () => {
    const { db, batch } = runtime.store;
    await batch([db.insertInto('case_sequences').values({ day: 'thread-dup', last: 1 }).compile()]);
    const failed = batch([
      db.insertInto('case_sequences').values({ day: 'thread-other', last: 2 }).compile(),
      db.insertInto('case_sequences').values({ day: 'thread-dup', last: 3 }).compile(),
    ]);
    await expect(failed).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    const other = await db.selectFrom('case_sequences').select('day').where('day', '=', 'thread-other').execute();
    expect(other).toEqual([]);
    await expect(db.transaction().execute(async () => 1)).rejects.toThrow(/batch port/);
    // A malformed query fails alone; the thread goes on.
    await expect(db.executeQuery(CompiledQuery.raw('SELECT * FROM no_such_table'))).rejects.toThrow(/no such table/);
    expect((await db.selectFrom('case_sequences').select('last').where('day', '=', 'thread-dup').executeTakeFirst())?.last).toBe(1);
  });

  it('does not hold the event loop while a query runs for a long time', async () => {
    const { db } = runtime.store;
    const slow = sql<{ n: number }>`WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 3000000) SELECT count(*) AS n FROM c`;
    let ticks = 0;
    const timer = setInterval(() => { ticks += 1; }, 5);
    const started = performance.now();
    const result = await slow.execute(db);
    const took = performance.now() - started;
    clearInterval(timer);
    expect(result.rows[0]?.n).toBe(3_000_000);
    // On the event loop this query would have let no timer run until it was done.
    expect(took).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThan(took / 5 / 4);
  });

  it('lets the event loop turn while answers keep coming: a burst of chained queries is not run in one turn', async () => {
    const { db } = runtime.store;
    // Four requests, each a chain of 300 queries with half a millisecond of work after every answer:
    // the thread answers faster than that work, so its answers are always waiting for the event loop.
    const chain = async () => {
      for (let i = 0; i < 300; i++) {
        await db.executeQuery(CompiledQuery.raw('SELECT 1 AS one'));
        const until = performance.now() + 0.5;
        while (performance.now() < until) { /* a request's own work */ }
      }
    };
    let last = performance.now();
    let longest = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 1);
    await Promise.all([chain(), chain(), chain(), chain()]);
    clearInterval(timer);
    // Delivered as they come, a port's waiting answers (up to a thousand) all ran in one turn: 300 ms and more.
    expect(longest).toBeLessThan(150);
  });

  it('commits what it acknowledged before close, readable by a connection opened afterwards', async () => {
    const { db, batch } = runtime.store;
    await Promise.all(Array.from({ length: 20 }, (_, i) =>
      batch([db.insertInto('case_sequences').values({ day: `thread-close-${i}`, last: i }).compile()])));
    await runtime.store.close();
    const reopened = openStore(join(dir, 'intake.sqlite'), { backgroundCheckpoint: false });
    try {
      const rows = await reopened.db.selectFrom('case_sequences').select('day').where('day', 'like', 'thread-close-%').execute();
      expect(rows).toHaveLength(20);
    } finally {
      await reopened.close();
    }
    runtime = await createServerRuntime({ config: runtime.deps.config, storeThread: true, log: () => {} });
  });

  it('tells the server when the thread ends on its own, and fails what is sent after', async () => {
    const reasons: string[] = [];
    const other = await openStoreThread(join(dir, 'other.sqlite'), { log: () => {}, onLost: (r) => reasons.push(r) });
    expect(await other.db.selectFrom('regions').select('code').execute()).toEqual([]);
    await other.worker.terminate();
    await expect(other.db.selectFrom('regions').select('code').execute()).rejects.toThrow(/database thread stopped/);
    await expect(other.batch([])).rejects.toThrow(/database thread stopped/);
    expect(reasons).toHaveLength(1);
    await other.close();
  });

  it('refuses to start on a file that is not a database, with the reason', async () => {
    writeFileSync(join(dir, 'not-a-db.sqlite'), 'this is not a database '.repeat(200));
    await expect(openStoreThread(join(dir, 'not-a-db.sqlite'), { log: () => {} })).rejects.toThrow(/not a database/);
  });
});
