/**
 * Demo data: realistic cases across kinds, categories, regions, months and states, with sealed
 * identities, timelines, clocks, dispatches, messages, satisfaction and sent mail, for demos,
 * screenshots and the benchmark.
 *
 * Node-only and built for speed: rows are written with prepared better-sqlite3 statements in large
 * transactions, and sealing uses server/node/crypto.ts, synchronous and byte for byte the envelope of
 * server/identity/seal.ts, with receipts hashed as server/identity/receipt.ts does; so the app opens,
 * shows and finds these cases as if they were filed. Lifecycle steps come from the table in
 * server/cases/lifecycle.ts and clocks from server/clocks/clocks.ts.
 */
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type Sqlite from 'better-sqlite3';
import { recordAudit } from '../../server/audit/audit.service.js';
import type { Deps } from '../../server/deps.js';
import { recountEnterpriseQueries } from '../../server/enterprises/enterprises.repository.js';
import { toShanghaiIso } from '../../server/clocks/clocks.js';
import { buildPendingIndexes, dropIndexesForLoad, setAsideForLoad } from '../../server/node/bulk-indexes.js';
import { nodeKeys, randomPool } from '../../server/node/crypto.js';
import { recountQueries } from '../../server/stats/counters.repository.js';
import type { PlanContext } from './case-record.js';
import { PLANT_FROM, PLANTED_CASES, plantClusters } from './clusters.js';
import { loadDirectory } from './directory.js';
import { casesPerDay, DAY, seededRng } from './distributions.js';
import { planShares, type ShareInput } from './planner-threads.js';
import { flatten, LOADED_TABLES, Tally, withLoadSettings, writeInCommits, type DemoDataSummary } from './writer.js';

export type { DemoDataSummary } from './writer.js';

export interface DemoDataOptions {
  cases: number;
  /** The 32 raw bytes of the current master key (the same INTAKE_MASTER_KEY / master.key the app loads). */
  masterKey: Uint8Array;
  /** Seed of the distributions (not of keys or receipts, which always come from the CSPRNG). */
  seed?: number;
  /** Received dates spread over this many months up to now (default 24). */
  months?: number;
  /** Write this many receipts (case number, receipt) as TSV to receiptsFile, for follow-up logins. */
  receiptsFile?: string;
  receiptsCount?: number;
  onProgress?: (done: number, total: number) => void;
  /** Called when the load is written and `count` indexes set aside for it are being built. */
  onIndexes?: (count: number) => void;
  /** Called when the counters whose triggers were set aside for the load are being rebuilt. */
  onRecount?: () => void;
  /** Planning threads on a file (default: one per core, at most 4). */
  workers?: number;
  /** Build the loaded tables' secondary indexes after the load (default: when it is at least as large as the database). */
  deferIndexes?: boolean;
}

export interface DemoStore { sqlite: Sqlite.Database; flush(): void }

/** The shares of the days, dealt round-robin: each spans the whole period with about the same number of cases. */
function shareInputs(deps: Deps, sqlite: Sqlite.Database, options: DemoDataOptions, seed: number, shares: number, cases: number): ShareInput[] {
  const now = deps.clock.now();
  const days = casesPerDay(cases, now, options.months ?? 24);
  return Array.from({ length: shares }, (_, share) => ({
    filename: sqlite.name, seed, share, masterKey: options.masterKey, nowMs: now.getTime(),
    province: deps.config.INTAKE_PROVINCE, days: days.filter((_, i) => i % shares === share),
  }));
}

/**
 * Fills the database with `options.cases` demo cases received over the last months, and audits it.
 * On a file, planning threads plan the cases and this thread writes them on the store's connection;
 * ':memory:' plans here too. A load at least as large as what the database holds builds the loaded
 * tables' secondary indexes after it.
 */
export async function generateDemoData(deps: Deps, store: DemoStore, options: DemoDataOptions): Promise<DemoDataSummary> {
  const started = performance.now();
  const keys = nodeKeys(options.masterKey);
  if (keys.id !== deps.keys.current.id) {
    throw new Error(`the master key given (${keys.id}) is not the one in use (${deps.keys.current.id})`);
  }
  const seed = options.seed ?? 20261126;
  const { sqlite } = store;
  const inMemory = sqlite.name === ':memory:' || sqlite.memory;
  const workers = inMemory ? 0 : Math.max(0, Math.min(options.workers ?? availableParallelism(), 4));
  // A large enough load plants its clusters (clusters.ts) among the cases asked for.
  const planted = options.cases >= PLANT_FROM ? PLANTED_CASES : 0;
  const inputs = shareInputs(deps, sqlite, options, seed, Math.max(1, workers), options.cases - planted);
  const wanted = options.receiptsFile ? Math.min(options.receiptsCount ?? 1_000, options.cases) : 0;
  const tally = new Tally(wanted, seededRng(seed + 1));

  // Whatever the app wrote last must be committed before the load changes the connection's settings.
  store.flush();
  const existing = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const defer = options.deferIndexes ?? (!inMemory && options.cases >= existing);
  const set = defer ? dropIndexesForLoad(sqlite, LOADED_TABLES) : [];
  const triggers = defer ? setCounterTriggersAside(sqlite) : [];
  try {
    await withLoadSettings(sqlite, () => writeInCommits(sqlite, deps.config.INTAKE_CASE_PREFIX,
      async (write) => {
        await planShares(deps, inputs, workers, write);
        if (planted > 0) write(flatten(plantClusters(await plantingContext(deps, options, seed))));
      },
      (chunk, numbers) => {
        tally.add(chunk, numbers);
        options.onProgress?.(tally.summary.cases, options.cases);
      }));
  } finally {
    if (set.length > 0 || triggers.length > 0) {
      options.onIndexes?.(set.length);
      // Builds the indexes and puts the triggers back: both wait in pending_indexes.
      buildPendingIndexes(sqlite);
    }
    if (triggers.length > 0) {
      options.onRecount?.();
      recountCounters(deps, sqlite);
    }
  }
  markOldSignalsListed(sqlite, deps.clock.now());
  return finish(deps, store, options, tally, { seed, inMemory, started });
}

/** The planting thread's context: the same directory (seed) as the planning threads, its own draws. */
async function plantingContext(deps: Deps, options: DemoDataOptions, seed: number): Promise<PlanContext> {
  return {
    rng: seededRng(seed + 104_729), random: randomPool(), keys: nodeKeys(options.masterKey),
    dir: await loadDirectory(deps.db, deps.config.INTAKE_PROVINCE, seededRng(seed)),
    calendar: await deps.calendar.get(), now: deps.clock.now(), dueMemo: new Map(),
  };
}

/**
 * Counter triggers a large load sets aside (statistics, migration 0027; enterprises, 0029): at a row
 * each they made the load about four times slower, and their counters are rebuilt from the rows in
 * one pass after it (recountCounters). The quality-signal triggers (0030) stay: a signal depends on
 * the order cases arrive in, which a recount cannot replay. The definitions wait in pending_indexes
 * with the indexes set aside (server/node/bulk-indexes.ts): a load that stops half-way gets them back
 * at the next start, and `stats recount` / `enterprises recount` then set the counts right.
 */
const RECOUNTED_TRIGGERS = /^(stat_|enterprise_)/;
const WRITTEN_TABLES = [...LOADED_TABLES, 'satisfaction', 'rewards'];

function setCounterTriggersAside(sqlite: Sqlite.Database): string[] {
  return setAsideForLoad(sqlite, 'trigger', WRITTEN_TABLES, (t) => RECOUNTED_TRIGGERS.test(t.name));
}

/** Rebuilds the statistics and enterprise counters from the rows, in one transaction (their owners' recounts). */
function recountCounters(deps: Deps, sqlite: Sqlite.Database): void {
  const queries = [...recountQueries(deps.db), ...recountEnterpriseQueries(deps.db)];
  sqlite.transaction(() => {
    for (const q of queries) sqlite.prepare(q.sql).run(...(q.parameters as unknown[]));
  }).immediate();
}

/**
 * Signals raised more than a week before now come from the load of past cases: the sweeper lists them
 * without mail (server/signals/signal-mail.service.ts), 50 a minute. Marked so here at once; the
 * recent ones are left for it to mail to the risk desk.
 */
function markOldSignalsListed(sqlite: Sqlite.Database, now: Date): void {
  const table = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signals'").get();
  if (!table) return;
  sqlite.prepare('UPDATE signals SET mailed = 1 WHERE mailed = 0 AND raised_at < ?').run(toShanghaiIso(new Date(now.getTime() - 7 * DAY)));
}

/** The receipts file, the audit entry and one durable checkpoint for the whole load. */
async function finish(
  deps: Deps, store: DemoStore, options: DemoDataOptions, tally: Tally, run: { seed: number; inMemory: boolean; started: number },
): Promise<DemoDataSummary> {
  const summary = tally.summary;
  if (options.receiptsFile) {
    writeFileSync(options.receiptsFile, `# case number\treceipt (demo data)\n${tally.receipts.join('\n')}\n`, { mode: 0o600 });
    summary.receiptsWritten = tally.receipts.length;
  }
  await recordAudit(deps, [{
    actor: 'operator', action: 'demo_data.generated',
    detail: { cases: summary.cases, firstReceived: summary.firstReceived, lastReceived: summary.lastReceived, seed: run.seed },
  }]);
  store.flush();
  // The load's chunks were committed with synchronous=NORMAL: one durable checkpoint makes them safe.
  if (!run.inMemory) store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  summary.seconds = (performance.now() - run.started) / 1000;
  return summary;
}
