import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'better-sqlite3';
import { CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../server/node/checkpointer.js';
import { openStore, type NodeStore } from '../../server/node/sqlite.js';

const insert = (v: string) => CompiledQuery.raw('INSERT INTO t (v) VALUES (?)', [v]);
const until = async (check: () => boolean, ms = 5_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('WAL checkpoints in a worker thread', () => {
  let dir: string;
  let file: string;
  let store: NodeStore | null = null;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'checkpointer-'));
    file = join(dir, 'intake.sqlite');
  });
  afterEach(async () => {
    await store?.close();
    store = null;
    rmSync(dir, { recursive: true, force: true });
  });

  /** Frames in the WAL and frames already copied into the database, as another connection sees them. */
  const walState = () => {
    const other = new Sqlite(file);
    try {
      const [r] = other.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[];
      return r!;
    } catch {
      // Older SQLite has no NOOP mode: a passive checkpoint only copies, so the counts still tell.
      const [r] = other.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
      return r!;
    } finally {
      other.close();
    }
  };

  it('copies committed pages into the database while the writer never checkpoints', async () => {
    store = openStore(file, { backgroundCheckpoint: { intervalMs: 25 } });
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    store.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    await Promise.all(Array.from({ length: 200 }, (_, i) => store!.batch([insert(`row ${i} ${'x'.repeat(500)}`)])));
    // Each frame the writer appended is copied by the worker, not by a COMMIT on the event loop.
    await until(() => {
      const s = walState();
      return s.log > 0 && s.checkpointed === s.log;
    });
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 200 });
  });

  it('hands checkpointing back to the writer when the worker falls behind', async () => {
    store = openStore(file, { backgroundCheckpoint: { intervalMs: 25, maxWalFrames: 1 } });
    store.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    for (let i = 0; i < 20 && store.sqlite.pragma('wal_autocheckpoint', { simple: true }) === 0; i++) {
      await store.batch([insert(`row ${i}`)]);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    expect(store.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('closes leaving no WAL behind', async () => {
    store = openStore(file);
    store.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    await store.batch([insert('a')]);
    await store.close();
    store = null;
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Sqlite(file, { readonly: true });
    expect(reopened.prepare('SELECT v FROM t').all()).toEqual([{ v: 'a' }]);
    reopened.close();
  });

  it('cues the writer once it has copied a large WAL, and finishes it so the next commit starts the WAL again', async () => {
    const writer = new Sqlite(file);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const write = (n: number) => {
      const add = writer.prepare('INSERT INTO t (v) VALUES (?)');
      for (let i = 0; i < n; i++) add.run('x'.repeat(3000));
    };
    write(100);
    const checkpointer = startCheckpointer(file, { intervalMs: 20, restartFrames: 50 });
    try {
      await until(() => checkpointer.takeRestartCue());
      // One cue per report: taken, it is gone until the worker's next checkpoint.
      expect(checkpointer.takeRestartCue()).toBe(false);
      write(5);
      const before = walState();
      expect(before.checkpointed).toBeLessThan(before.log);
      await checkpointer.finish();
      const finished = walState();
      expect(finished.checkpointed).toBe(finished.log);
      // The writer's next transaction starts the WAL from its top.
      write(1);
      expect(walState().log).toBeLessThan(finished.log);
    } finally {
      await checkpointer.stop();
      writer.close();
    }
  });

  it('keeps the WAL of a store under steady writes from growing: it keeps starting again', async () => {
    store = openStore(file, { groupCommit: { windowMs: 5, maxBatches: 50 }, backgroundCheckpoint: { intervalMs: 20, restartFrames: 100 } });
    store.sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const deadline = Date.now() + 1_500;
    let written = 0;
    // Eight clients, each sending its next batch as soon as the last is answered: the writer never idles.
    await Promise.all(Array.from({ length: 8 }, async () => {
      while (Date.now() < deadline) {
        await store!.batch([insert('y'.repeat(3000))]);
        written += 1;
      }
    }));
    expect(store.sqlite.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: written });
    // Each row takes at least one frame: without restarts the WAL would hold them all.
    expect(written).toBeGreaterThan(400);
    expect(walState().log).toBeLessThan(written / 2);
  });

  it('does not keep alive a process that opened the database and has nothing left to do', () => {
    const script = `import('./server/node/sqlite.ts').then((m) => { m.openStore(${JSON.stringify(file)}); console.log('opened'); });`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', timeout: 30_000,
    });
    expect(run.stdout.trim()).toBe('opened');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
  }, 40_000);
});
