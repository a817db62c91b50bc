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
 * the callers are answered when it is done. The event loop no longer stands still for the fsync,
 * and the next group runs meanwhile. An fsync covers every frame written before it, so each group
 * answered after its own fsync is as durable as with synchronous=FULL; SQLite still syncs a new WAL
 * header itself. Every other commit on the connection keeps synchronous=FULL.
 *
 * `afterCommit` may return a pause: the checkpointer finishing a WAL so that the next commit starts it
 * again (checkpointer.ts). No group begins until the pause ends; batches that arrive meanwhile wait
 * for it in their order, and the event loop goes on. After it they run a slice at a time, at most
 * WRITE_TURN_BUDGET_MS per turn of the event loop: under load a pause of 30–100 ms gathers the
 * batches of every connection, and run at once they held the loop for 60–160 ms.
 */
import type Sqlite from 'better-sqlite3';
import type { CompiledQuery, QueryResult } from 'kysely';
import type { AuditDraft, AuditSigner } from '../audit/audit.js';
import type { Batch } from '../deps.js';
import { runBatch, type Prepare, type Statement } from './statements.js';
import { TurnSlices, WRITE_TURN_BUDGET_MS } from './turn-slices.js';

export interface GroupCommitOptions {
  /** How long a group stays open for more batches after its first one (ms). */
  windowMs: number;
  /** A group is committed at once when it holds this many batches. */
  maxBatches: number;
}

/**
 * Under load the event loop is busy, and a group holds what it runs in its window: a longer window
 * makes larger groups, and each group rewrites the tail pages of every index once, not once per
 * batch. The README's benchmark section has the measurements behind these numbers.
 */
export const GROUP_COMMIT_DEFAULTS: GroupCommitOptions = { windowMs: 10, maxBatches: 200 };


export interface GroupCommitHooks {
  /** Inside the group's transaction, before its COMMIT (and inside a batch nested in another's transaction). */
  beforeCommit?: () => void;
  /** After each commit: may return a pause during which no group begins. */
  afterCommit: () => Promise<void> | null;
  /** The WAL's fsync on the thread pool, or null to let COMMIT sync (synchronous=FULL). */
  syncWal: (() => Promise<void>) | null;
  signer: AuditSigner | undefined;
}

/** A batch that arrived during a pause, run once it is over. */
interface Held {
  queries: CompiledQuery[];
  audit?: readonly AuditDraft[];
  resolve(results: QueryResult<unknown>[]): void;
  reject(err: unknown): void;
}

interface Waiter {
  results: QueryResult<unknown>[];
  resolve(results: QueryResult<unknown>[]): void;
  reject(err: unknown): void;
}

function failGroup(waiters: Waiter[], err: unknown) {
  for (const w of waiters) w.reject(err);
}

export class GroupCommitter {
  private readonly begin: Statement;
  private readonly commit: Statement;
  private readonly rollback: Statement;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;
  private group: Waiter[] | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set while the checkpointer finishes a WAL after a commit: no new group begins until it is done. */
  private paused: Promise<void> | null = null;
  /** Batches that arrived during a pause, in their order, run after it a slice per turn. */
  private readonly held: TurnSlices<Held>;
  private readonly syncing = new Set<Promise<void>>();
  /** See openGroup: the temporary storage could not be set back to its default inside the group. */
  private tempStoreLeftInMemory = false;

  constructor(
    private readonly sqlite: Sqlite.Database,
    private readonly prepare: Prepare,
    private readonly o: GroupCommitOptions,
    private readonly hooks: GroupCommitHooks,
    turnBudgetMs = WRITE_TURN_BUDGET_MS,
  ) {
    this.begin = sqlite.prepare('BEGIN IMMEDIATE');
    this.commit = sqlite.prepare('COMMIT');
    this.rollback = sqlite.prepare('ROLLBACK');
    this.savepoint = sqlite.prepare('SAVEPOINT batch');
    this.release = sqlite.prepare('RELEASE batch');
    this.rollbackTo = sqlite.prepare('ROLLBACK TO batch');
    // A commit in a slice may begin another pause: its end resumes the rest.
    this.held = new TurnSlices<Held>(
      (h) => void this.runNow(h.queries, h.audit).then(h.resolve, h.reject),
      turnBudgetMs,
      () => this.paused !== null,
    );
  }

  /** The store's batch port. Batches wait out a pause in arrival order; the event loop goes on meanwhile. */
  readonly batch: Batch = (queries, audit) => {
    if ((this.paused && !this.group) || this.held.length > 0) {
      return new Promise((resolve, reject) => this.held.push({ queries, audit, resolve, reject }));
    }
    return this.runNow(queries, audit);
  };

  /** Commits the open group (one fsync) and answers its callers. */
  readonly flush = (): void => {
    clearTimeout(this.timer);
    this.timer = undefined;
    const waiters = this.group;
    this.group = null;
    if (!waiters) return;
    try {
      this.hooks.beforeCommit?.();
      this.commit.run();
    } catch (err) {
      try {
        if (this.sqlite.inTransaction) this.rollback.run();
      } finally {
        this.restoreAfterGroup();
        failGroup(waiters, err);
      }
      return;
    }
    this.restoreAfterGroup();
    const pause = this.hooks.afterCommit();
    if (pause) {
      // A pause that fails ends as one that is done: the held batches must not wait for ever.
      this.paused = pause.catch(() => undefined).then(() => {
        this.paused = null;
        this.held.resume();
      });
    }
    this.answer(waiters);
  };

  /** Resolves once every commit made so far is on disk and its callers answered. */
  readonly settled = async (): Promise<void> => {
    if (this.paused || this.held.length > 0) {
      // Batches held by a pause run after it: their commits are among those to wait for.
      while (this.paused || this.held.length > 0) await new Promise((resolve) => setTimeout(resolve, 1));
      this.flush();
    }
    await Promise.all(this.syncing);
  };

  /** Answers a committed group's callers: at once, or once the WAL's fsync is done. */
  private answer(waiters: Waiter[]) {
    const { syncWal } = this.hooks;
    if (!syncWal) {
      for (const w of waiters) w.resolve(w.results);
      return;
    }
    const synced = syncWal().then(
      () => { for (const w of waiters) w.resolve(w.results); },
      (err: unknown) => failGroup(waiters, err),
    );
    this.syncing.add(synced);
    void synced.finally(() => this.syncing.delete(synced));
  }

  private setTempStore(mode: 'MEMORY' | 'DEFAULT'): boolean {
    try {
      this.sqlite.exec(`PRAGMA temp_store = ${mode}`);
      return true;
    } catch {
      // Refused inside a transaction once the connection holds temporary tables (it makes none).
      return false;
    }
  }

  // The safety level can change only between transactions: lowered before a group begins, and back
  // to FULL as soon as it has ended, so a write outside any group still waits for its own fsync
  // (and the temporary storage back to its default, should it have been left in memory).
  // (Run with exec each time: SQLite applies this pragma when the statement is compiled.)
  private restoreAfterGroup() {
    if (this.hooks.syncWal && !this.sqlite.inTransaction) this.sqlite.exec('PRAGMA synchronous = FULL');
    if (this.tempStoreLeftInMemory && !this.sqlite.inTransaction) this.tempStoreLeftInMemory = !this.setTempStore('DEFAULT');
  }

  /**
   * Begins a group's transaction. Each batch's savepoint journals the pages it changes. On file temp
   * storage (better-sqlite3's build default) that journal spills to a temporary file past 64 KiB, many
   * write calls per submission; in memory it costs a copy, and it is emptied at each RELEASE. SQLite
   * fixes where the journal lives when the transaction begins, so memory is asked for only around the
   * BEGIN: the queries that run while a group is open (a long overview's sorts) keep spilling to disk.
   */
  private openGroup() {
    if (this.hooks.syncWal) this.sqlite.exec('PRAGMA synchronous = NORMAL');
    this.setTempStore('MEMORY');
    try {
      this.begin.run();
    } finally {
      this.tempStoreLeftInMemory = !this.setTempStore('DEFAULT');
    }
  }

  private runInSavepoint(queries: CompiledQuery[], audit?: readonly AuditDraft[]): QueryResult<unknown>[] {
    this.savepoint.run();
    try {
      const results = runBatch(this.prepare, queries, audit, this.hooks.signer);
      this.release.run();
      return results;
    } catch (err) {
      // Some errors (disk full, I/O) end the whole transaction; then the group is lost with it.
      if (this.sqlite.inTransaction) {
        this.rollbackTo.run();
        this.release.run();
      } else if (this.group) {
        const lost = this.group;
        this.group = null;
        clearTimeout(this.timer);
        this.restoreAfterGroup();
        failGroup(lost, err);
      }
      throw err;
    }
  }

  private readonly runNow: Batch = (queries, audit) => new Promise((resolve, reject) => {
    if (!this.group) {
      // Someone else's transaction is open on this connection: nest in it, as better-sqlite3 would.
      if (this.sqlite.inTransaction) {
        try {
          resolve(this.sqlite.transaction(() => {
            const results = runBatch(this.prepare, queries, audit, this.hooks.signer);
            this.hooks.beforeCommit?.();
            return results;
          })());
        } catch (err) { reject(err); }
        return;
      }
      try {
        this.openGroup();
      } catch (err) {
        this.restoreAfterGroup();
        reject(err);
        return;
      }
      this.group = [];
      this.timer = setTimeout(this.flush, this.o.windowMs);
    }
    let results: QueryResult<unknown>[];
    try {
      results = this.runInSavepoint(queries, audit);
    } catch (err) {
      reject(err);
      if (this.group && this.group.length === 0 && this.sqlite.inTransaction) {
        // Nothing else in the group: end the empty transaction now rather than at the timer.
        this.flush();
      }
      return;
    }
    this.group!.push({ results, resolve, reject });
    if (this.group!.length >= this.o.maxBatches) this.flush();
  });
}
