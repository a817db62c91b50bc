/**
 * Shares: the days are dealt out to planning threads, each planning its cases with a connection that
 * can only read; the calling thread writes what they plan. On ':memory:' one share is planned here.
 */
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { parentPort } from 'node:worker_threads';
import type { Database } from '../../db/schema.js';
import type { CalendarData } from '../../server/clocks/calendar.js';
import { loadCalendar } from '../../server/clocks/calendar.repository.js';
import type { Deps } from '../../server/deps.js';
import { nodeKeys, randomPool } from '../../server/node/crypto.js';
import { startModuleWorker } from '../../server/node/ts-worker.js';
import { planCase } from './case-plan.js';
import type { PlanContext, PlannedCase } from './case-record.js';
import { loadDirectory } from './directory.js';
import { seededRng, timesOfDay } from './distributions.js';
import { flatten, type PlannedChunk } from './writer.js';

/** What a share needs; plain data, so it can be handed to a worker thread. */
export interface ShareInput {
  filename: string;
  days: { day: string; count: number }[];
  seed: number;
  share: number;
  masterKey: Uint8Array;
  nowMs: number;
  province: string;
}

// Cases per chunk handed to the writer, and chunks a planning thread may have ahead of it.
const CASES_PER_CHUNK = 2_000;
const CHUNKS_AHEAD = 2;

/** Plans one share of the days, handing each chunk to `emit` (which may make it wait). */
async function planShare(input: ShareInput, db: Kysely<Database>, calendar: CalendarData, emit: (chunk: PlannedChunk) => void | Promise<void>): Promise<void> {
  const now = new Date(input.nowMs);
  // The businesses come from the common seed, so every share names the same companies.
  const dir = await loadDirectory(db, input.province, seededRng(input.seed));
  const rng = seededRng(input.seed + 7919 * (input.share + 1));
  const ctx: PlanContext = { rng, random: randomPool(), keys: nodeKeys(input.masterKey), dir, calendar, now, dueMemo: new Map() };
  let chunk: PlannedCase[] = [];
  for (const { day, count } of input.days) {
    for (const receivedAt of timesOfDay(rng, day, count, now)) {
      chunk.push(planCase(ctx, receivedAt));
      if (chunk.length >= CASES_PER_CHUNK) {
        await emit(flatten(chunk));
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) await emit(flatten(chunk));
}

/**
 * A planning thread's side, run by startModuleWorker: a read-only connection for the directory and
 * the calendar, and chunks posted to the writer, at most CHUNKS_AHEAD unwritten.
 */
export async function planShareInWorker(input: ShareInput): Promise<void> {
  const sqlite = new Sqlite(input.filename, { readonly: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let unwritten = 0;
  let wake: (() => void) | null = null;
  parentPort!.on('message', (m) => {
    if (m !== 'written') return;
    unwritten -= 1;
    wake?.();
    wake = null;
  });
  try {
    await planShare(input, db, await loadCalendar(db), async (chunk) => {
      while (unwritten >= CHUNKS_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
      unwritten += 1;
      parentPort!.postMessage({ chunk });
    });
    parentPort!.postMessage({ done: true });
  } finally {
    await db.destroy();
    parentPort!.close();
  }
}

/** Starts a planning thread for one share; `write` is called here with each chunk it posts. */
function startPlanner(input: ShareInput, write: (chunk: PlannedChunk) => void): { done: Promise<void>; stop: () => void } {
  const worker = startModuleWorker(import.meta.url, 'planShareInWorker', { workerData: input });
  const done = new Promise<void>((resolve, reject) => {
    let finished = false;
    worker.on('message', (m: { chunk?: PlannedChunk; done?: true }) => {
      if (m.chunk) {
        try {
          write(m.chunk);
        } catch (err) {
          reject(err);
          void worker.terminate();
          return;
        }
        worker.postMessage('written');
      }
      if (m.done) finished = true;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (finished ? resolve() : reject(new Error(`a demo data planning thread stopped (exit code ${code})`))));
  });
  return { done, stop: () => void worker.terminate() };
}

/** Plans every share, in `workers` threads (0: here, the first share only), each chunk to `write`. */
export async function planShares(deps: Deps, inputs: ShareInput[], workers: number, write: (chunk: PlannedChunk) => void): Promise<void> {
  if (workers === 0) {
    await planShare(inputs[0]!, deps.db, await deps.calendar.get(), write);
    return;
  }
  const planners = inputs.map((input) => startPlanner(input, write));
  try {
    await Promise.all(planners.map((p) => p.done));
  } finally {
    for (const p of planners) p.stop();
  }
}
