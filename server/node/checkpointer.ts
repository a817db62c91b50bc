/**
 * WAL checkpoints in a worker thread. SQLite's automatic checkpoint runs inside a writer's COMMIT,
 * on the event loop: every few hundred submissions one of them waited while thousands of pages were
 * copied into the database file and synced. Here a second connection, in its own thread, copies them
 * (PASSIVE: it never blocks the writer or readers), and the server's connection no longer checkpoints
 * while the worker keeps up.
 *
 * A WAL starts again from its top only when a writer begins while every frame is already copied,
 * which under steady writes never happens after the worker's own checkpoint: new frames have come
 * in meanwhile. Left alone, the WAL grew to maxWalFrames, the writer took over, and each round ended
 * in a checkpoint of thousands of frames and the WAL cut back to journal_size_limit, stalling the
 * event loop every few seconds. So once the worker has copied a WAL of
 * restartFrames nearly to its end, it cues the writer, which pauses between two transactions while
 * the worker copies the last frames (finish()): the writer's next transaction then starts the WAL
 * again, and the event loop never waits for the copy or its fsync.
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
  /** The WAL size (frames) from which the writer finishes a checkpoint the worker has nearly done. */
  restartFrames: number;
}

export const CHECKPOINTER_DEFAULTS: CheckpointerOptions = { intervalMs: 250, maxWalFrames: 50_000, restartFrames: 8_192 };

/** The longest a writer waits for finish(): a stuck worker must not hold up writes. */
const FINISH_TIMEOUT_MS = 250;

/** Frames the worker may have left to copy when it cues the writer. */
const RESTART_SLACK = 1_000;

export interface Checkpointer {
  /** True while the WAL is beyond maxWalFrames: the writer should checkpoint itself. */
  behind(): boolean;
  /**
   * True at most once per worker checkpoint, when that checkpoint left a WAL of restartFrames or more
   * with no more than a few frames still to copy: the writer should pause and call finish().
   */
  takeRestartCue(): boolean;
  /**
   * Has the worker checkpoint at once; resolves when it is done (or after FINISH_TIMEOUT_MS). While
   * the writer makes no new commit, the checkpoint copies every frame, and the next commit restarts the WAL.
   */
  finish(): Promise<void>;
  /** Runs a last checkpoint and closes the worker's connection. */
  stop(): Promise<void>;
}

// Plain JavaScript: a worker does not inherit the TypeScript loader, and this needs none.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('synchronous = FULL');
const checkpoint = (finished) => {
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ walFrames: r.log, checkpointed: r.checkpointed, finished });
  } catch (err) {
    parentPort.postMessage({ error: String(err && err.message || err), finished });
  }
};
const timer = setInterval(() => checkpoint(false), workerData.intervalMs);
parentPort.on('message', (m) => {
  if (m === 'finish') return checkpoint(true);
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
  let cue = false;
  let lastError = '';
  let finished: (() => void) | null = null;
  worker.on('message', (m: { walFrames?: number; checkpointed?: number; error?: string; finished?: boolean }) => {
    if (m.finished) finished?.();
    if (typeof m.walFrames === 'number') {
      walFrames = m.walFrames;
      // A finishing checkpoint's own report is no cue: the writer's next commit restarts that WAL.
      cue = !m.finished && walFrames >= o.restartFrames && walFrames - (m.checkpointed ?? 0) <= RESTART_SLACK;
    }
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
    takeRestartCue: () => {
      const taken = cue && !stopped && !finished;
      cue = false;
      return taken;
    },
    finish: () => new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        finished = null;
        resolve();
      };
      const timer = setTimeout(done, FINISH_TIMEOUT_MS);
      finished = done;
      worker.postMessage('finish');
    }),
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
