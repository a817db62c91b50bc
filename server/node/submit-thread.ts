/**
 * JSON case submissions prepared in a thread of their own. Most of a submission's time goes to work
 * that holds no lock: parsing and validating the body, routing, sealing, the receipt and its MAC,
 * building the statements. On the event loop that work capped the server's submissions, with the
 * second core idle.
 *
 * The route still runs on the event loop, with every middleware (body limit, content type, headers),
 * and hands the body's text to the thread (Deps.submitter). The thread runs the same submitJson over
 * a connection that can only read, and sends its batch to the server's connection, which still makes
 * every write, in the same group commits; a case is answered only once its commit is on disk. With the
 * store in a thread of its own (store-thread.ts) the batch goes straight there, else to the event loop.
 * Refusals come back as the AppError the route would have thrown. A submission with attachments
 * stays on the event loop (its files are written first).
 */
import { join, resolve } from 'node:path';
import { parentPort, type MessagePort, type Worker } from 'node:worker_threads';
import type { CaseLanguage } from '../../domain/vocabulary.js';
import { createCalendarCache } from '../clocks/calendar.repository.js';
import type { Config } from '../config.js';
import { systemClock, type Deps, type Submitter } from '../deps.js';
import { AppError } from '../errors.js';
import type { SubmittedCase } from '../intake/intake.schema.js';
import { submitJson } from '../intake/intake.service.js';
import { loadKeyring } from './keyfiles.js';
import { openReader, type ServerStore } from './sqlite.js';
import { batchOver } from './store-protocol.js';
import { diskStorage } from './storage.js';
import { startModuleWorker } from './ts-worker.js';
import { fromWire, toWire, type WireError } from './wire-error.js';

export interface SubmissionThread {
  /** Deps.submitter for the server's app; in place (on the event loop) if the thread is lost. */
  submit: Submitter;
  /** Ends the thread; call once no request is in flight, and before closing the store. */
  stop(): Promise<void>;
  /** The thread itself (tests end it to see what the server does without it). */
  worker: Worker;
}

interface ThreadInput {
  filename: string;
  config: Config;
  /** Straight to the store's connection (ServerStore.connect()). */
  storePort: MessagePort;
}

type ToThread =
  | { type: 'submit'; id: number; text: string; language: CaseLanguage }
  | { type: 'stop' };

type FromThread =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'submitted'; id: number; result?: SubmittedCase; error?: WireError }
  | { type: 'log'; line: string };

/** The server's side of the thread: submissions waiting for it, its batches written, its loss noticed. */
class ThreadLink {
  /** True once the thread is ready, false if it failed or stopped before. */
  readonly ready: Promise<boolean>;
  readonly exited: Promise<void>;
  private readonly pending = new Map<number, { resolve(r: SubmittedCase): void; reject(err: Error): void }>();
  private nextId = 1;
  private alive = false;
  private stopping = false;

  constructor(readonly worker: Worker, private readonly deps: Deps) {
    this.exited = new Promise<void>((done) => worker.once('exit', () => done()));
    this.ready = new Promise<boolean>((settle) => {
      worker.on('message', (m: FromThread) => this.receive(m, settle));
      worker.on('error', (err) => {
        deps.log(`Submission thread failed: ${err.message}`);
        settle(false);
        this.lose(err.message);
      });
      worker.on('exit', (code) => {
        settle(false);
        this.lose(`exit ${code}`);
      });
    });
  }

  private receive(m: FromThread, settle: (ready: boolean) => void) {
    switch (m.type) {
      case 'ready':
        this.alive = true;
        settle(true);
        break;
      case 'failed':
        this.deps.log(`Submission thread did not start: ${m.message}`);
        settle(false);
        break;
      case 'log':
        this.deps.log(m.line);
        break;
      case 'submitted': {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.result) p?.resolve(m.result);
        else p?.reject(fromWire(m.error ?? { app: false, name: 'Error', message: 'no answer' }));
        break;
      }
    }
  }

  private lose(reason: string) {
    const wasAlive = this.alive;
    this.alive = false;
    if (wasAlive && !this.stopping) this.deps.log(`Submission thread stopped (${reason}); submissions are prepared on the event loop.`);
    // Whether such a case was committed cannot be known here: its caller is told to try again.
    for (const p of this.pending.values()) p.reject(new AppError('internal', 'The submission could not be completed; please try again.'));
    this.pending.clear();
  }

  submit(text: string, language: CaseLanguage): Promise<SubmittedCase> {
    if (!this.alive) return submitJson(this.deps, text, language);
    const id = this.nextId++;
    return new Promise<SubmittedCase>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'submit', id, text, language } satisfies ToThread);
    });
  }

  async stop() {
    this.stopping = true;
    if (this.alive) this.worker.postMessage({ type: 'stop' } satisfies ToThread);
    const timeout = setTimeout(() => void this.worker.terminate(), 5_000);
    await this.exited;
    clearTimeout(timeout);
  }
}

/**
 * Starts the thread and waits until it is ready. Resolves to null (submissions then stay on the event
 * loop) if it cannot start, with the reason logged.
 */
export async function startSubmissionThread(
  options: { filename: string; config: Config; store: Pick<ServerStore, 'connect'>; deps: Deps },
): Promise<SubmissionThread | null> {
  // The built server is one bundle, and the build writes this module's own beside it: the thread loads
  // only what a submission needs (mostly zod and kysely), not every page.
  // Run through tsx, the thread imports this very module.
  const self = import.meta.url;
  const entry = self.endsWith('.ts') ? self : new URL('./submit-thread.mjs', self).href;
  // The thread's batches go to the store over a port of their own (to its thread, when it runs in one).
  const storePort = options.store.connect();
  const input: ThreadInput = { filename: options.filename, config: options.config, storePort };
  // A young generation of 24 MB, below what V8 lets it reach by default: the thread's objects live for
  // one submission, and its whole heap stays smaller with the cap.
  const worker = startModuleWorker(entry, 'runSubmissionThread', {
    workerData: input,
    transferList: [storePort],
    resourceLimits: { maxYoungGenerationSizeMb: 24 },
  });
  const link = new ThreadLink(worker, options.deps);
  if (!(await link.ready)) {
    await worker.terminate();
    return null;
  }
  return { worker, submit: (text, language) => link.submit(text, language), stop: () => link.stop() };
}

/** The thread's side: submitJson over a read-only connection, its batches written by the server. */
export async function runSubmissionThread(input: ThreadInput): Promise<void> {
  const port = parentPort!;
  const post = (m: FromThread) => port.postMessage(m);
  let reader: ReturnType<typeof openReader>;
  let deps: Deps;
  try {
    const { config } = input;
    reader = openReader(input.filename);
    deps = {
      db: reader.db,
      batch: batchOver(input.storePort),
      clock: systemClock,
      config,
      keys: await loadKeyring(config),
      mailer: { send: () => Promise.reject(new Error('mail is sent by the server, not the submission thread')) },
      storage: diskStorage(join(resolve(config.INTAKE_DATA_DIR), 'attachments')),
      calendar: createCalendarCache(reader.db),
      log: (line) => post({ type: 'log', line }),
    };
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
    return;
  }

  port.on('message', (m: ToThread) => {
    if (m.type === 'submit') {
      submitJson(deps, m.text, m.language).then(
        (result) => post({ type: 'submitted', id: m.id, result }),
        (err: unknown) => post({ type: 'submitted', id: m.id, error: toWire(err) }),
      );
    } else if (m.type === 'stop') {
      void reader.close().finally(() => {
        input.storePort.close();
        port.close();
      });
    }
  });
  post({ type: 'ready' });
}
