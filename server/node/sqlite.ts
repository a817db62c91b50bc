/**
 * Node adapter: better-sqlite3 behind Kysely, plus the atomic batch port. On a database file the
 * batch port commits in groups: a batch runs at once inside the group's open transaction (in its own
 * savepoint), and its caller is answered only after the group's commit is durable.
 */
import { open } from 'node:fs/promises';
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery, type QueryResult, type SqliteDatabase } from 'kysely';
import { applyMigrations } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import { linkRecords, type AuditDraft, type AuditSigner } from '../audit/audit.js';
import type { Batch } from '../deps.js';
import { buildPendingIndexes } from './bulk-indexes.js';
import { startCheckpointer, type CheckpointerOptions } from './checkpointer.js';

export interface NodeStore {
  sqlite: Sqlite.Database;
  db: Kysely<Database>;
  batch: Batch;
  /** What makes an acknowledged batch durable, for operators and the benchmark. */
  durability: string;
  /** Commits the open group now (nothing to do without group commit). */
  flush(): void;
  /** Commits what is pending, then closes the database. */
  close(): Promise<void>;
}

export interface GroupCommitOptions {
  /** How long a group stays open for more batches after its first one (ms). */
  windowMs: number;
  /** A group is committed at once when it holds this many batches. */
  maxBatches: number;
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
}

/**
 * 10 ms: under load the event loop is busy, and a group holds what it runs in its window. With 4 ms,
 * groups of about five submissions each rewrote the tail pages of some twenty indexes: 20 WAL frames
 * a submission, against 9 in groups of fifty. At 100,000 cases 10 ms took 1,215 submissions a second
 * where 4 ms took 994 (one run each).
 */
export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { windowMs: 10, maxBatches: 200 };

// Statements are prepared once per SQL text: preparing costs more than running most of them.
const STATEMENT_CACHE_SIZE = 500;

type Statement = Sqlite.Statement<unknown[]>;

function statementCache(sqlite: Sqlite.Database) {
  const cache = new Map<string, Statement>();
  return (sql: string): Statement => {
    const cached = cache.get(sql);
    // A statement still iterating (Kysely's stream()) cannot run again: such a caller gets a fresh one.
    if (cached && !cached.busy) {
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const stmt = sqlite.prepare(sql) as Statement;
    if (!cached) {
      cache.set(sql, stmt);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  };
}

/** Kysely over a connection, its statements prepared once through the cache above. */
function kyselyOver(sqlite: Sqlite.Database) {
  const prepare = statementCache(sqlite);
  const database: SqliteDatabase = { prepare: (sql) => prepare(sql), close: () => sqlite.close() };
  return { prepare, db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }) };
}

/**
 * Appends audit drafts after the chain's last entry. Called inside the batch's transaction, where
 * better-sqlite3 runs synchronously: no other writer can read the same tail in between.
 */
function appendAudit(prepare: (sql: string) => Statement, drafts: readonly AuditDraft[] | undefined, signer: AuditSigner | undefined): void {
  if (!drafts || drafts.length === 0) return;
  if (!signer) throw new Error('the audit log is keyed: this store was opened without the audit key');
  const last = prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const insert = prepare('INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of linkRecords(last, drafts, signer)) insert.run(r.seq, r.at, r.actor, r.action, r.case_id, r.detail, r.prev_hash, r.hash, r.key_id);
}

/** A batch's statements, then its audit entries. */
function runBatch(prepare: (sql: string) => Statement, queries: CompiledQuery[], audit?: readonly AuditDraft[], signer?: AuditSigner) {
  const results = queries.map((q) => runCompiled(prepare, q));
  appendAudit(prepare, audit, signer);
  return results;
}

function runCompiled(prepare: (sql: string) => Statement, query: CompiledQuery): QueryResult<unknown> {
  const stmt = prepare(query.sql);
  const params = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(...params) };
  const info = stmt.run(...params);
  return { rows: [], numAffectedRows: BigInt(info.changes), insertId: BigInt(info.lastInsertRowid) };
}

interface Waiter {
  results: QueryResult<unknown>[];
  resolve(results: QueryResult<unknown>[]): void;
  reject(err: unknown): void;
}

/**
 * Group commit. With synchronous=FULL every COMMIT waits for an fsync of the WAL, and one fsync per
 * submission caps throughput at the disk's fsync rate. Here batches arriving within a short window
 * share one transaction and so one fsync. Each batch still runs at once, in its own savepoint:
 * a failing batch is rolled back alone and its caller rejected at once, the others go on; and a
 * read right after a batch (the audit chain's last entry, a case number) sees it, as before.
 * Nothing is answered before the COMMIT that contains it is on disk, so an acknowledged batch
 * survives a crash or a power loss exactly as with one transaction per batch. (A write made directly
 * through `db` while a group is open joins that group: it becomes durable with the group's commit.)
 *
 * With `syncWal`, the group's COMMIT writes its WAL frames without waiting for the disk
 * (synchronous=NORMAL while a group is open), and `syncWal` fsyncs the WAL file on the thread pool:
 * the callers are answered when it is done. The event loop no longer stands still for the fsync
 * (a fifth of a submission's time at 1,000,000 cases), and the next group runs meanwhile. An fsync
 * covers every frame written before it, so each group answered after its own fsync is as durable as
 * with synchronous=FULL; SQLite still syncs a new WAL header itself. Every other commit on the
 * connection keeps synchronous=FULL.
 *
 * `afterCommit` may return a pause: the checkpointer finishing a WAL so that the next commit starts it
 * again (checkpointer.ts). No group begins until the pause ends; batches that arrive meanwhile wait
 * for it in their order, and the event loop goes on.
 */
function groupCommitBatch(
  sqlite: Sqlite.Database, prepare: (sql: string) => Statement, o: GroupCommitOptions, afterCommit: () => Promise<void> | null,
  syncWal: (() => Promise<void>) | null, signer: AuditSigner | undefined,
) {
  const begin = sqlite.prepare('BEGIN IMMEDIATE');
  const commit = sqlite.prepare('COMMIT');
  const rollback = sqlite.prepare('ROLLBACK');
  const savepoint = sqlite.prepare('SAVEPOINT batch');
  const release = sqlite.prepare('RELEASE batch');
  const rollbackTo = sqlite.prepare('ROLLBACK TO batch');
  let group: Waiter[] | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** Set while the checkpointer finishes a WAL after a commit: no new group begins until it is done. */
  let paused: Promise<void> | null = null;
  const syncing = new Set<Promise<void>>();
  // Each batch's savepoint journals the pages it changes. On file temp storage (better-sqlite3's
  // build default) that journal spills to a temporary file past 64 KiB, about 90 write calls per
  // submission; in memory it costs a copy, and it is emptied at each RELEASE. SQLite fixes where the
  // journal lives when the transaction begins, so memory is asked for only around the BEGIN: the
  // queries that run while a group is open (a long overview's sorts) keep spilling to disk.
  let tempStoreLeftInMemory = false;
  const setTempStore = (mode: 'MEMORY' | 'DEFAULT') => {
    try {
      sqlite.exec(`PRAGMA temp_store = ${mode}`);
      return true;
    } catch {
      // Refused inside a transaction once the connection holds temporary tables (it makes none).
      return false;
    }
  };

  // The safety level can change only between transactions: lowered before a group begins, and back
  // to FULL as soon as it has ended, so a write outside any group still waits for its own fsync
  // (and the temporary storage back to its default, should it have been left in memory).
  // (Run with exec each time: SQLite applies this pragma when the statement is compiled.)
  const restoreAfterGroup = () => {
    if (syncWal && !sqlite.inTransaction) sqlite.exec('PRAGMA synchronous = FULL');
    if (tempStoreLeftInMemory && !sqlite.inTransaction) tempStoreLeftInMemory = !setTempStore('DEFAULT');
  };

  function failGroup(waiters: Waiter[], err: unknown) {
    for (const w of waiters) w.reject(err);
  }

  /** Commits the open group (one fsync) and answers its callers. */
  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const waiters = group;
    group = null;
    if (!waiters) return;
    try {
      commit.run();
    } catch (err) {
      try {
        if (sqlite.inTransaction) rollback.run();
      } finally {
        restoreAfterGroup();
        failGroup(waiters, err);
      }
      return;
    }
    restoreAfterGroup();
    const pause = afterCommit();
    if (pause) paused = pause.finally(() => { paused = null; });
    if (!syncWal) {
      for (const w of waiters) w.resolve(w.results);
      return;
    }
    const synced = syncWal().then(
      () => { for (const w of waiters) w.resolve(w.results); },
      (err: unknown) => failGroup(waiters, err),
    );
    syncing.add(synced);
    void synced.finally(() => syncing.delete(synced));
  }

  /** Resolves once every commit made so far is on disk and its callers answered. */
  const settled = async () => {
    await Promise.all(syncing);
  };

  function runInSavepoint(queries: CompiledQuery[], audit?: readonly AuditDraft[]): QueryResult<unknown>[] {
    savepoint.run();
    try {
      const results = runBatch(prepare, queries, audit, signer);
      release.run();
      return results;
    } catch (err) {
      // Some errors (disk full, I/O) end the whole transaction; then the group is lost with it.
      if (sqlite.inTransaction) {
        rollbackTo.run();
        release.run();
      } else if (group) {
        const lost = group;
        group = null;
        clearTimeout(timer);
        restoreAfterGroup();
        failGroup(lost, err);
      }
      throw err;
    }
  }

  const batch: Batch = (queries, audit) => {
    // Batches wait out a pause in arrival order; the event loop goes on meanwhile.
    if (paused && !group) return paused.then(() => batch(queries, audit));
    return runNow(queries, audit);
  };

  const runNow: Batch = (queries, audit) => new Promise((resolve, reject) => {
    if (!group) {
      // Someone else's transaction is open on this connection: nest in it, as better-sqlite3 would.
      if (sqlite.inTransaction) {
        try { resolve(sqlite.transaction(() => runBatch(prepare, queries, audit, signer))()); } catch (err) { reject(err); }
        return;
      }
      try {
        if (syncWal) sqlite.exec('PRAGMA synchronous = NORMAL');
        setTempStore('MEMORY');
        try {
          begin.run();
        } finally {
          tempStoreLeftInMemory = !setTempStore('DEFAULT');
        }
      } catch (err) {
        restoreAfterGroup();
        reject(err);
        return;
      }
      group = [];
      timer = setTimeout(flush, o.windowMs);
    }
    let results: QueryResult<unknown>[];
    try {
      results = runInSavepoint(queries, audit);
    } catch (err) {
      reject(err);
      if (group && group.length === 0 && sqlite.inTransaction) {
        // Nothing else in the group: end the empty transaction now rather than at the timer.
        flush();
      }
      return;
    }
    group!.push({ results, resolve, reject });
    if (group!.length >= o.maxBatches) flush();
  });

  return { batch, flush, settled };
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

/** Opens (and migrates) a database file, or ':memory:' for tests. */
export function openStore(filename: string, options: StoreOptions = {}): NodeStore {
  const sqlite = new Sqlite(filename);
  const onDisk = filename !== ':memory:';
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
    // submission's dozen index inserts stop reading pages back from the OS (15 % faster at 100,000 cases).
    sqlite.pragma('cache_size = -32768');
  }
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

  const grouped = options.groupCommit ?? onDisk;
  let flush = () => {};
  let settled = async () => {};
  let batch: Batch = async (queries, audit) => {
    const results = sqlite.transaction(() => runBatch(prepare, queries, audit, options.auditSigner))();
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
    ({ batch, flush, settled } = groupCommitBatch(sqlite, prepare, o, afterCommit, syncWal, options.auditSigner));
    durability = `synchronous=FULL (WAL fsync at every commit), group commit: batches within ${o.windowMs} ms (at most ${o.maxBatches}) share one commit` +
      (syncWal ? ', whose WAL fsync runs on the thread pool before its batches are answered' : '');
  }
  return {
    sqlite,
    db,
    batch,
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
