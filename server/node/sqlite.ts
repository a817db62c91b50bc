/**
 * Node adapter: better-sqlite3 behind Kysely, plus the atomic batch port. On a database file the
 * batch port commits in groups: a batch runs at once inside the group's open transaction (in its own
 * savepoint), and its caller is answered only after the group's commit is durable.
 */
import { open } from 'node:fs/promises';
import type { MessagePort } from 'node:worker_threads';
import Sqlite from 'better-sqlite3';
import type { CompiledQuery, Kysely, QueryResult } from 'kysely';
import { applyMigrations } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import type { AuditSigner } from '../audit/audit.js';
import type { Batch } from '../deps.js';
import { buildPendingIndexes } from './bulk-indexes.js';
import { startCheckpointer, type CheckpointerOptions } from './checkpointer.js';
import { GROUP_COMMIT_DEFAULTS, GroupCommitter, type GroupCommitOptions } from './group-commit.js';
import { signalSettler } from './signal-settle.js';
import { serveBatchesHere } from './store-protocol.js';
import { kyselyOver, runBatch, runCompiledPacked, type PackedRows } from './statements.js';

/** What the server needs of a store, wherever its connection runs (here, or store-thread.ts). */
export interface ServerStore {
  /** The database file, or ':memory:'. */
  filename: string;
  db: Kysely<Database>;
  batch: Batch;
  /** What makes an acknowledged batch durable, for operators and the benchmark. */
  durability: string;
  /** Commits the open group now (nothing to do without group commit). */
  flush(): void;
  /** Commits what is pending, then closes the database. */
  close(): Promise<void>;
  /**
   * A port over which another thread (the submission thread) sends batches straight to the store's
   * connection: to the thread it runs in (store-thread.ts), or to this one (store-protocol.ts).
   */
  connect(): MessagePort;
}

export interface NodeStore extends ServerStore {
  sqlite: Sqlite.Database;
  /** Runs one compiled query at once on the store's connection, a reader's rows packed (the store thread's reads). */
  runPacked(query: CompiledQuery): QueryResult<unknown> | { packed: PackedRows };
}

export interface StoreOptions {
  /** false: one transaction (and one fsync) per batch. Default: on for files, off for ':memory:'. */
  groupCommit?: boolean | Partial<GroupCommitOptions>;
  /** WAL checkpoints in a worker thread (see checkpointer.ts). Default: on for files. */
  backgroundCheckpoint?: boolean | Partial<CheckpointerOptions>;
  /** The fsync a group commit runs on the thread pool (tests watch it). */
  fsync?: (path: string) => Promise<void>;
  /** Keys the audit entries the batches append (server/node/audit-hash.ts); without it they are refused. */
  auditSigner?: AuditSigner;
  /** Where a failure of the quality signals' counting is told (the batches commit regardless). */
  log?: (line: string) => void;
}

/** fsync of a file, on the thread pool. A read-only descriptor will do: fsync flushes the file, not the descriptor. */
async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The WAL's fsync; without a WAL (its last connection closed and removed it), everything is in the database file. */
const walSyncer = (filename: string, sync: (path: string) => Promise<void>) => () =>
  sync(`${filename}-wal`).catch((err: NodeJS.ErrnoException) => {
    if (err?.code === 'ENOENT') return sync(filename);
    throw err;
  });

/**
 * A second connection to a store's file that can only read (query_only): for a thread that prepares
 * writes and hands them to the store's own connection. It sees what that connection has committed.
 */
export function openReader(filename: string): { db: Kysely<Database>; close(): Promise<void> } {
  const sqlite = new Sqlite(filename, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('query_only = ON');
  const { db } = kyselyOver(sqlite);
  return { db, close: () => db.destroy() };
}

/** The store's connection: its pragmas, the migrations, and any indexes a bulk load left to build. */
function openConnection(filename: string, onDisk: boolean): Sqlite.Database {
  const sqlite = new Sqlite(filename);
  if (onDisk) sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged case must survive a power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  applyMigrations(sqlite);
  // Indexes a bulk load set aside and did not get to build again (a stopped demo-data run). If a load
  // is still writing, the database is busy: that load builds them when it ends, or the next start does.
  try {
    buildPendingIndexes(sqlite);
  } catch (err) {
    if ((err as { code?: string }).code !== 'SQLITE_BUSY') throw err;
  }
  if (onDisk) {
    // A WAL file left larger than this by a burst is cut back once it has been checkpointed.
    sqlite.pragma('journal_size_limit = 67108864');
    // 32 MB of pages (the default is 2 MB): the upper levels of every index stay in memory, and a
    // submission's dozen index inserts stop reading pages back from the OS.
    sqlite.pragma('cache_size = -32768');
  }
  return sqlite;
}

/** Opens (and migrates) a database file, or ':memory:' for tests. */
export function openStore(filename: string, options: StoreOptions = {}): NodeStore {
  const onDisk = filename !== ':memory:';
  const sqlite = openConnection(filename, onDisk);
  const background = onDisk ? options.backgroundCheckpoint ?? true : false;
  const checkpointer = background ? startCheckpointer(filename, typeof background === 'object' ? background : {}) : null;
  /** The writer checkpoints only if the worker is not running or has fallen behind. */
  let selfCheckpointing = true;
  const adjustCheckpointing = () => {
    const self = !checkpointer || checkpointer.behind();
    if (self === selfCheckpointing) return;
    selfCheckpointing = self;
    sqlite.pragma(`wal_autocheckpoint = ${self ? 1000 : 0}`);
  };
  adjustCheckpointing();
  const { prepare, db } = kyselyOver(sqlite);
  // The cases a transaction queued for the quality signals are counted before it commits.
  const beforeCommit = signalSettler(sqlite, prepare, options.log);

  const grouped = options.groupCommit ?? onDisk;
  let flush = () => {};
  let settled = async () => {};
  let batch: Batch = async (queries, audit) => {
    const results = sqlite.transaction(() => {
      const r = runBatch(prepare, queries, audit, options.auditSigner);
      beforeCommit();
      return r;
    })();
    adjustCheckpointing();
    return results;
  };
  let durability = onDisk ? 'synchronous=FULL (WAL fsync at every commit), one commit per batch' : 'in memory (not durable)';
  if (grouped) {
    const o = { ...GROUP_COMMIT_DEFAULTS, ...(typeof grouped === 'object' ? grouped : {}) };
    const syncWal = onDisk ? walSyncer(filename, options.fsync ?? fsyncFile) : null;
    // After a group's commit: the checkpoint mode, and a pause when the checkpointer can restart the WAL.
    const afterCommit = () => {
      adjustCheckpointing();
      return checkpointer?.takeRestartCue() ? checkpointer.finish() : null;
    };
    ({ batch, flush, settled } = new GroupCommitter(sqlite, prepare, o, { beforeCommit, afterCommit, syncWal, signer: options.auditSigner }));
    durability = `synchronous=FULL (WAL fsync at every commit), group commit: batches within ${o.windowMs} ms (at most ${o.maxBatches}) share one commit` +
      (syncWal ? ', whose WAL fsync runs on the thread pool before its batches are answered' : '');
  }
  return {
    filename,
    sqlite,
    db,
    runPacked: (query) => runCompiledPacked(prepare, query),
    batch,
    connect: () => serveBatchesHere((queries, audit) => batch(queries, audit)),
    durability,
    flush: () => flush(),
    close: async () => {
      if (sqlite.open) flush();
      await settled();
      // The worker's connection first: the last one to close checkpoints and removes the WAL.
      await checkpointer?.stop();
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}
