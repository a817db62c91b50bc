/**
 * The server's store in a thread of its own. SQLite answers from its page cache in microseconds, but
 * a page it does not hold is read from the OS, and on a large database under writes such a read can
 * wait for the disk behind the checkpoint's writes: 100–300 ms with the event loop's thread asleep in
 * `pread`, every request standing still (README, "Benchmark"). Here the connection, its group commit
 * and the checkpointer's cue live in a worker thread (openStore, unchanged); the event loop sends each
 * query and batch as a message and goes on while the thread waits for the disk.
 *
 * Nothing changes for the app: `db` is Kysely over a driver that posts each compiled query, `batch`
 * posts a batch, and the answers come back in order — a read sent after a batch was answered sees it.
 * A batch is answered once its group's commit is durable, as before; errors cross with their codes
 * (wire-error.ts). Transactions through `db` are refused: every write goes through `batch`. Another
 * thread (the submission thread) can be given a port of its own to the store (`connect()`), so its
 * batches do not pass through the event loop. The messages are in store-protocol.ts.
 */
import { MessageChannel, parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import {
  Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler,
  type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult,
} from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Batch } from '../deps.js';
import type { Keyring } from '../identity/keys.js';
import { auditSignerFor } from './audit-hash.js';
import { openStore, type NodeStore, type ServerStore } from './sqlite.js';
import { startModuleWorker } from './ts-worker.js';
import { compiled, settleAnswer, wire, type Call, type FromStore, type ToStore, type Waiting } from './store-protocol.js';
import { unpackRows, type PackedRows } from './statements.js';
import { toWire } from './wire-error.js';

export interface StoreThreadOptions {
  /** The audit key the batches' entries are linked with; without keys they are refused. */
  keys?: Keyring;
  backgroundCheckpoint?: boolean;
  /** Where the thread's lines (the quality signals' failures) are told. */
  log: (line: string) => void;
  /** Called if the thread ends on its own: every call after it fails. */
  onLost?: (reason: string) => void;
}

interface StoreThreadInput {
  filename: string;
  backgroundCheckpoint: boolean;
  audit: { keyId: string; key: Uint8Array } | null;
}

/** How long close() waits for the thread's last commit and checkpoint before ending it. */
const CLOSE_TIMEOUT_MS = 30_000;

/**
 * How long answers may run the requests they wake in one turn of the event loop (ms). A port delivers
 * every message waiting for it in one turn (up to a thousand), and the thread answers a query in tens
 * of microseconds: each answer's request runs on to its next query, whose answer is back before the
 * turn ends. Ten statistics requests at once went on that way for 500 ms without the loop turning.
 */
export const ANSWER_TURN_BUDGET_MS = 8;

/** The event loop's side: calls waiting for their answer, in the order they were sent. */
class StoreLink {
  private readonly pending: Waiting = new Map();
  private nextId = 1;
  private lost: string | null = null;
  private closing = false;
  readonly exited: Promise<void>;
  /** When the answers of this turn began to run, or -1 between turns. */
  private turnStart = -1;
  /** Answers past the turn's budget, in their order: run one a turn until none is left. */
  private readonly later: Extract<FromStore, { type: 'done' }>[] = [];

  constructor(readonly worker: Worker, private readonly options: StoreThreadOptions) {
    this.exited = new Promise<void>((done) => worker.once('exit', () => done()));
    worker.on('error', (err) => this.lose(err.message));
    worker.on('exit', (code) => this.lose(`exit ${code}`));
  }

  /** Resolves with the thread's durability line once its store is open; rejects if it could not open. */
  ready(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.worker.on('message', (m: FromStore) => {
        if (m.type === 'ready') resolve(m.durability);
        else if (m.type === 'failed') reject(new Error(m.message));
        else if (m.type === 'log') this.options.log(m.line);
        else this.answer(m);
      });
      void this.exited.then(() => reject(new Error(`the database thread stopped (${this.lost ?? 'exit'})`)));
    });
  }

  /**
   * Each answer is a message; the microtasks it starts (its request going on) run before the next
   * message is delivered, so the time since the turn's first answer counts their work. Past the budget,
   * answers wait in order and run one a turn (an immediate set from an immediate runs in the next turn).
   * Not a TurnSlices (turn-slices.ts): that times the work its items do synchronously, and an answer's
   * work is the microtasks it starts, which run only after the slice.
   */
  private answer(m: Extract<FromStore, { type: 'done' }>) {
    const now = performance.now();
    if (this.turnStart < 0) {
      this.turnStart = now;
      setImmediate(() => { this.turnStart = -1; });
    }
    if (this.later.length === 0 && now - this.turnStart < ANSWER_TURN_BUDGET_MS) {
      this.settle(m);
      return;
    }
    this.later.push(m);
    if (this.later.length === 1) setImmediate(this.runLater);
  }

  private readonly runLater = () => {
    const m = this.later.shift();
    if (m) this.settle(m);
    if (this.later.length > 0) setImmediate(this.runLater);
  };

  private settle(m: Extract<FromStore, { type: 'done' }>) {
    settleAnswer(this.pending, m);
  }

  call<T>(message: Call): Promise<T> {
    if (this.lost) return Promise.reject(new Error(`the database thread stopped (${this.lost})`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id } as ToStore);
    });
  }

  post(message: Extract<ToStore, { type: 'flush' }>) {
    if (!this.lost) this.worker.postMessage(message);
  }

  private lose(reason: string) {
    if (this.lost) return;
    this.lost = reason;
    // Whether a batch in flight was committed cannot be known here: its caller fails, as on a crash.
    for (const p of this.pending.values()) p.reject(new Error(`the database thread stopped (${reason})`));
    this.pending.clear();
    if (!this.closing) this.options.onLost?.(reason);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (!this.lost) {
      const timeout = setTimeout(() => void this.worker.terminate(), CLOSE_TIMEOUT_MS);
      try {
        await this.call({ type: 'close' });
      } finally {
        clearTimeout(timeout);
      }
    }
    await this.exited;
  }
}

/** Kysely over the link: one "connection", every query a message. */
function threadDriver(link: StoreLink): Driver {
  const connection: DatabaseConnection = {
    executeQuery: async <R>(query: CompiledQuery) => {
      const result = await link.call<QueryResult<R> | { packed: PackedRows }>({ type: 'query', query: wire(query) });
      return 'packed' in result ? { rows: unpackRows(result.packed) as R[] } : result;
    },
    streamQuery: () => { throw new Error('streaming is not available over the store thread'); },
  };
  const refuse = () => Promise.reject(new Error('a transaction through db is refused: every write goes through the batch port, one atomic batch'));
  return {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: refuse,
    commitTransaction: refuse,
    rollbackTransaction: refuse,
    releaseConnection: async () => {},
    destroy: async () => {},
  };
}

/** Opens (and migrates) a database file in a thread of its own; resolves once it is open. */
export async function openStoreThread(filename: string, options: StoreThreadOptions): Promise<ServerStore & { worker: Worker }> {
  // Run through tsx, the thread imports this very module; the build writes its bundle beside the server's.
  const self = import.meta.url;
  const entry = self.endsWith('.ts') ? self : new URL('./store-thread.mjs', self).href;
  const current = options.keys?.current;
  const input: StoreThreadInput = {
    filename,
    backgroundCheckpoint: options.backgroundCheckpoint ?? true,
    audit: current ? { keyId: current.id, key: current.auditKey } : null,
  };
  const link = new StoreLink(startModuleWorker(entry, 'runStoreThread', { workerData: input }), options);
  let durability: string;
  try {
    durability = await link.ready();
  } catch (err) {
    await link.worker.terminate();
    throw err;
  }
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => threadDriver(link),
      createIntrospector: (k) => new SqliteIntrospector(k),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
  const batch: Batch = (queries, audit) => link.call({ type: 'batch', queries: queries.map(wire), audit });
  return {
    filename,
    worker: link.worker,
    db,
    batch,
    durability: `${durability}; the connection in a thread of its own`,
    flush: () => link.post({ type: 'flush' }),
    connect: () => {
      const { port1, port2 } = new MessageChannel();
      link.worker.postMessage({ type: 'connect', port: port1 } satisfies ToStore, [port1]);
      return port2;
    },
    close: async () => {
      await link.close();
      await db.destroy();
    },
  };
}

/** The thread's side: openStore as on the event loop, each message run in the order it came. */
export function runStoreThread(input: StoreThreadInput): void {
  const port = parentPort!;
  const post = (m: FromStore) => port.postMessage(m);
  let store: NodeStore;
  try {
    store = openStore(input.filename, {
      backgroundCheckpoint: input.backgroundCheckpoint,
      auditSigner: input.audit ? auditSignerFor(input.audit.keyId, input.audit.key) : undefined,
      log: (line) => post({ type: 'log', line }),
    });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }
  // The parent's port and those connected since (connect()): all closed once the store is.
  const ports = new Set<MessagePort>();
  const serve = (on: MessagePort) => {
    ports.add(on);
    on.on('message', (m: ToStore) => serveMessage(store, m, (r) => on.postMessage(r), { serve, closeAll: () => ports.forEach((p) => p.close()) }));
  };
  serve(port);
  post({ type: 'ready', durability: store.durability });
}

/** One message to the store thread, answered on the port it came by (`reply`). */
function serveMessage(
  store: NodeStore, m: ToStore, reply: (m: FromStore) => void,
  ports: { serve(port: MessagePort): void; closeAll(): void },
): void {
  if (m.type === 'flush') {
    store.flush();
    return;
  }
  if (m.type === 'connect') {
    ports.serve(m.port);
    return;
  }
  const ok = (value: unknown) => reply({ type: 'done', id: m.id, value });
  const fail = (err: unknown) => reply({ type: 'done', id: m.id, error: toWire(err) });
  if (m.type === 'query') {
    let result: unknown;
    try {
      result = store.runPacked(compiled(m.query));
    } catch (err) {
      fail(err);
      return;
    }
    ok(result);
  } else if (m.type === 'batch') {
    store.batch(m.queries.map(compiled), m.audit).then(ok, fail);
  } else {
    store.close().then(() => {
      ok(undefined);
      ports.closeAll();
    }, fail);
  }
}
