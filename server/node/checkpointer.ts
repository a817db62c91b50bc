/**
 * WAL checkpoints in a worker thread. SQLite's automatic checkpoint runs inside a writer's COMMIT,
 * on the event loop: every few hundred submissions one of them waited while thousands of pages were
 * copied into the database file and synced. Here a second connection, in its own thread, copies them
 * (PASSIVE: it never blocks the writer or readers), and the server's connection no longer checkpoints
 * while the worker keeps up.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface CheckpointerOptions {
  /** How often the worker checkpoints (ms). */
  intervalMs: number;
  /**
   * The WAL size (frames) beyond which the writer checkpoints for itself again, as SQLite does by
   * default: if the worker falls behind, the WAL (and every read through it) must not grow without end.
   */
  maxWalFrames: number;
}

export const CHECKPOINTER_DEFAULTS: CheckpointerOptions = { intervalMs: 250, maxWalFrames: 50_000 };

export interface Checkpointer {
  /** True while the WAL is beyond maxWalFrames: the writer should checkpoint itself. */
  behind(): boolean;
  /** Runs a last checkpoint and closes the worker's connection. */
  stop(): Promise<void>;
}

// Plain JavaScript: a worker does not inherit the TypeScript loader, and this needs none.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('synchronous = FULL');
const checkpoint = () => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ walFrames: r.log, checkpointed: r.checkpointed });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err) });
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m !== 'stop') return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

export function startCheckpointer(filename: string, options: Partial<CheckpointerOptions> = {}, log: (line: string) => void = () => {}): Checkpointer {
  const o = { ...CHECKPOINTER_DEFAULTS, ...options };
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { filename, driver, intervalMs: o.intervalMs } });
  let walFrames = 0;
  let lastError = '';
  worker.on('message', (m: { walFrames?: number; error?: string }) => {
    if (typeof m.walFrames === 'number') walFrames = m.walFrames;
    if (m.error && m.error !== lastError) log(`background checkpoint failed: ${m.error}`);
    lastError = m.error ?? '';
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.on('error', (err) => log(`the checkpoint worker stopped: ${err.message}`));
  // After the listeners: adding a 'message' listener refs the worker again. Unref'd, the worker never
  // keeps a process alive that has nothing else to do.
  worker.unref();
  let stopped = false;
  return {
    behind: () => stopped || walFrames > o.maxWalFrames,
    stop: async () => {
      if (stopped) return exited;
      stopped = true;
      // Kept alive until the worker has closed its connection, or the process could end first.
      worker.ref();
      worker.postMessage('stop');
      await exited;
    },
  };
}
