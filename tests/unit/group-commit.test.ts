import { mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GroupCommitter } from '../../server/node/group-commit.js';
import { openStore, type NodeStore } from '../../server/node/sqlite.js';
import { kyselyOver } from '../../server/node/statements.js';

const insert = (v: string) => CompiledQuery.raw('INSERT INTO t (v) VALUES (?)', [v]);

describe('group commit (Node batch port on a file)', () => {
  let dir: string;
  let file: string;
  let store: NodeStore;
  let other: Sqlite.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'group-commit-'));
    file = join(dir, 'intake.sqlite');
    store = openStore(file, { groupCommit: { windowMs: 20, maxBatches: 50 } });
    store.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    // Another connection sees only what is committed.
    other = new Sqlite(file);
  });
  afterEach(async () => {
    other.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const committed = () => (other.prepare('SELECT v FROM t ORDER BY id').all() as { v: string }[]).map((r) => r.v);

  it('answers a batch only once the commit that holds it is done, and commits concurrent batches together', async () => {
    const batches = ['a', 'b', 'c'].map((v) => store.batch([insert(v)]));
    // Run already (inside the open group), not yet committed: nobody has been answered.
    expect(committed()).toEqual([]);
    let answered = 0;
    batches.forEach((b) => void b.then(() => { answered += 1; }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(0);
    const results = await Promise.all(batches);
    expect(committed()).toEqual(['a', 'b', 'c']);
    expect(results.map((r) => r[0]!.numAffectedRows)).toEqual([1n, 1n, 1n]);
  });

  it('rolls back a failing batch alone: the others in its group are committed', async () => {
    const ok1 = store.batch([insert('x1'), insert('x2')]);
    // The second statement breaks the UNIQUE constraint: the whole batch, its first row too, is undone.
    const bad = store.batch([insert('y1'), insert('x1')]);
    const ok2 = store.batch([insert('z1')]);
    await expect(bad).rejects.toThrow(/UNIQUE constraint failed/);
    await Promise.all([ok1, ok2]);
    expect(committed()).toEqual(['x1', 'x2', 'z1']);
  });

  it('shows a batch to the next read on the same connection at once, before its commit', async () => {
    const pending = store.batch([insert('seen')]);
    const row = await store.db.selectFrom('t' as never).selectAll().executeTakeFirst();
    expect(row).toMatchObject({ v: 'seen' });
    expect(committed()).toEqual([]);
    await pending;
    expect(committed()).toEqual(['seen']);
  });

  it('commits at once when the group is full, without waiting for the window', async () => {
    const big = openStore(join(dir, 'full.sqlite'), { groupCommit: { windowMs: 60_000, maxBatches: 3 } });
    big.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    const started = Date.now();
    await Promise.all(['1', '2', '3'].map((v) => big.batch([insert(v)])));
    expect(Date.now() - started).toBeLessThan(5_000);
    await big.close();
  });

  it('commits what is pending when the store is closed', async () => {
    const pending = store.batch([insert('last')]);
    await store.close();
    await expect(pending).resolves.toHaveLength(1);
    expect(committed()).toEqual(['last']);
    store = openStore(file);
  });

  it('answers a group after the WAL fsync, which runs off the event loop; writes outside a group keep synchronous=FULL', async () => {
    const calls: string[] = [];
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const watched = openStore(join(dir, 'watched.sqlite'), {
      groupCommit: { windowMs: 5, maxBatches: 50 }, backgroundCheckpoint: false,
      fsync: async (path) => { calls.push(path); await gate; },
    });
    try {
      watched.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
      const FULL = 2;
      const NORMAL = 1;
      expect(watched.sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
      let answered = false;
      const pending = watched.batch([insert('w')]).then((r) => { answered = true; return r; });
      // The group is open: its commit will not wait for the disk.
      expect(watched.sqlite.pragma('synchronous', { simple: true })).toBe(NORMAL);
      const reader = new Sqlite(join(dir, 'watched.sqlite'));
      try {
        const seen = () => reader.prepare('SELECT v FROM t').all();
        for (let i = 0; i < 100 && calls.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
        // Committed, the fsync asked for, and the event loop free: but the caller not yet answered.
        expect(calls).toEqual([join(dir, 'watched.sqlite-wal')]);
        expect(seen()).toEqual([{ v: 'w' }]);
        expect(watched.sqlite.pragma('synchronous', { simple: true })).toBe(FULL);
        await new Promise((resolve) => setTimeout(resolve, 20));
        expect(answered).toBe(false);
        open();
        await expect(pending).resolves.toHaveLength(1);
      } finally {
        reader.close();
      }
    } finally {
      open();
      await watched.close();
    }
  });

  it('fails the batches of a group whose fsync fails', async () => {
    const failing = openStore(join(dir, 'failing.sqlite'), {
      groupCommit: { windowMs: 5, maxBatches: 50 }, backgroundCheckpoint: false,
      fsync: async () => { throw Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }); },
    });
    try {
      failing.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
      await expect(Promise.all([failing.batch([insert('a')]), failing.batch([insert('b')])])).rejects.toThrow(/EIO/);
    } finally {
      await failing.close();
    }
  });

  it("keeps a group's savepoint journal in memory, and temporary storage on disk for the queries run meanwhile", async () => {
    // SQLite's temporary files are unlinked as soon as they are opened; the open descriptor remains.
    const tempFiles = () => readdirSync('/proc/self/fd').flatMap((fd) => {
      try {
        return /etilqs_/.test(readlinkSync(`/proc/self/fd/${fd}`)) ? [fd] : [];
      } catch {
        return [];
      }
    });
    const before = tempFiles().length;
    // 300 rows of 2 KB in one batch: far past the 64 KiB a statement journal keeps before it spills.
    const rows = Array.from({ length: 300 }, (_, i) => CompiledQuery.raw('INSERT INTO t (v) VALUES (?)', [`${i}:${'x'.repeat(2000)}`]));
    await store.batch(rows.slice(0, 150));
    // The rows just written are changed again inside the next group's savepoint: each page is journaled.
    const pending = store.batch([CompiledQuery.raw("UPDATE t SET v = v || '!'", []), ...rows.slice(150)]);
    expect(store.sqlite.inTransaction).toBe(true);
    expect(tempFiles().length).toBe(before);
    // Anything else run while the group is open keeps the default, file, temporary storage.
    const DEFAULT = 0;
    expect(store.sqlite.pragma('temp_store', { simple: true })).toBe(DEFAULT);
    await pending;
    expect(committed()).toHaveLength(300);
  });

  it('runs the batches held by a pause after it, in their order, a slice per turn of the event loop', async () => {
    const sqlite = new Sqlite(join(dir, 'held.sqlite'));
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    let endPause!: () => void;
    let commits = 0;
    // Each batch is a group of its own (maxBatches 1); the first commit pauses; a budget of 0 ms: one batch per turn.
    const committer = new GroupCommitter(sqlite, kyselyOver(sqlite).prepare, { windowMs: 5, maxBatches: 1 }, {
      afterCommit: () => (commits++ === 0 ? new Promise<void>((resolve) => (endPause = resolve)) : null),
      syncWal: null,
      signer: undefined,
    }, 0);
    try {
      await committer.batch([insert('first')]);
      const held = Array.from({ length: 20 }, (_, i) => committer.batch([insert(`h${i}`)]));
      const rows = () => (sqlite.prepare('SELECT v FROM t ORDER BY id').all() as { v: string }[]).map((r) => r.v);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(rows()).toEqual(['first']);
      // The rows written at each turn of the event loop once the pause is over.
      const perTurn: number[] = [];
      let last = 1;
      const watched = new Promise<void>((done) => {
        const watch = () => {
          const n = rows().length;
          perTurn.push(n - last);
          last = n;
          if (n < 22) setImmediate(watch);
          else done();
        };
        endPause();
        setImmediate(watch);
      });
      await new Promise((resolve) => setImmediate(resolve));
      // A batch arriving while held ones still wait goes after them.
      const late = committer.batch([insert('late')]);
      await Promise.all([...held, late, watched]);
      expect(rows()).toEqual(['first', ...Array.from({ length: 20 }, (_, i) => `h${i}`), 'late']);
      expect(Math.max(...perTurn)).toBe(1);
      await committer.settled();
    } finally {
      sqlite.close();
    }
  });

  it('runs the batches held by a pause that fails once it has failed', async () => {
    const sqlite = new Sqlite(join(dir, 'failed-pause.sqlite'));
    sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    let failPause!: (err: Error) => void;
    let commits = 0;
    const committer = new GroupCommitter(sqlite, kyselyOver(sqlite).prepare, { windowMs: 5, maxBatches: 1 }, {
      afterCommit: () => (commits++ === 0 ? new Promise<void>((_, reject) => (failPause = reject)) : null),
      syncWal: null,
      signer: undefined,
    });
    try {
      await committer.batch([insert('first')]);
      const held = committer.batch([insert('held')]);
      failPause(new Error('the checkpoint worker is gone'));
      await expect(held).resolves.toHaveLength(1);
      expect(sqlite.prepare('SELECT v FROM t ORDER BY id').all()).toEqual([{ v: 'first' }, { v: 'held' }]);
    } finally {
      sqlite.close();
    }
  });

  it('keeps one transaction per batch in memory, answered at once', async () => {
    const memory = openStore(':memory:');
    memory.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    await memory.batch([insert('m')]);
    expect(memory.sqlite.inTransaction).toBe(false);
    expect(memory.durability).toMatch(/memory/);
    await memory.close();
  });
});
