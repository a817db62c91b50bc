/** Builds the Node runtime's Deps: database file, keys, mailer, directory and calendar seeds. */
import { join, resolve } from 'node:path';
import { directoryQueries } from '../../db/seed/directory.js';
import { readDirectoryFiles } from '../../db/seed/files.js';
import { importPublishedCalendars } from '../clocks/calendar-import.js';
import { createCalendarCache } from '../clocks/calendar.repository.js';
import type { Config } from '../config.js';
import { systemClock, type Clock, type Deps } from '../deps.js';
import { importMasterKey, type Keyring, type MasterKey } from '../identity/keys.js';
import { applySignalSettings } from '../signals/signals.service.js';
import { seedDemoStaff } from '../staff/demo.js';
import { anchorsPathFor, fileAuditAnchors } from './audit-anchors.js';
import { nodeAuditHasher, nodeAuditSigner } from './audit-hash.js';
import { sha256Hex } from './crypto.js';
import { secureDataDir } from './data-dir.js';
import { dataVersionOf } from './data-version.js';
import { loadKeyring } from './keyfiles.js';
import { mailerFor } from './mailer.js';
import { passwordThread } from './password-thread.js';
import { diskStorage, memoryStorage } from './storage.js';
import { openStore, type NodeStore, type ServerStore } from './sqlite.js';
import { openStoreThread } from './store-thread.js';

export interface NodeRuntime<S extends ServerStore = NodeStore> {
  deps: Deps;
  store: S;
  notes: string[];
}

/** Loads the directory and the published calendars into an empty database. */
export async function seedIfEmpty(store: Pick<ServerStore, 'db' | 'batch'>, now: Date): Promise<string[]> {
  const done: string[] = [];
  const region = await store.db.selectFrom('regions').select('code').limit(1).executeTakeFirst();
  if (!region) {
    await store.batch(directoryQueries(store.db, readDirectoryFiles()));
    done.push('directory');
  }
  const year = await store.db.selectFrom('calendar_years').select('year').limit(1).executeTakeFirst();
  if (!year) {
    await importPublishedCalendars(store.db, now.toISOString(), store.batch);
    done.push('calendars');
  }
  return done;
}

export interface NodeRuntimeOptions {
  config: Config;
  /** Database file; ':memory:' for tests. Defaults to <data dir>/intake.sqlite. */
  filename?: string;
  clock?: Clock;
  masterKey?: MasterKey;
  log?: (line: string) => void;
  /**
   * WAL checkpoints in a worker thread (default). A short command is better without: it would spend
   * its time copying pages the command is still changing.
   */
  backgroundCheckpoint?: boolean;
}

/** The runtime with the store's connection on the calling thread: the CLI, tests, tools. */
export function createNodeRuntime(options: NodeRuntimeOptions): Promise<NodeRuntime<NodeStore>> {
  return buildRuntime(options, (filename, keys) =>
    openStore(filename, { backgroundCheckpoint: options.backgroundCheckpoint ?? true, auditSigner: nodeAuditSigner(keys), log: options.log }));
}

/**
 * The server's runtime. With `storeThread` and a file, the store's connection runs in a thread of its
 * own (store-thread.ts), so a read waiting for the disk does not hold the event loop; `onStoreLost`
 * hears if that thread ends.
 */
export function createServerRuntime(
  options: NodeRuntimeOptions & { storeThread: boolean; onStoreLost?: (reason: string) => void },
): Promise<NodeRuntime<ServerStore>> {
  if (!options.storeThread) return createNodeRuntime(options);
  return buildRuntime<ServerStore>(options, (filename, keys) => filename === ':memory:'
    ? openStore(filename, { auditSigner: nodeAuditSigner(keys), log: options.log })
    : openStoreThread(filename, {
      keys,
      backgroundCheckpoint: options.backgroundCheckpoint,
      log: options.log ?? ((line) => console.log(line)),
      onLost: options.onStoreLost,
    }));
}

async function buildRuntime<S extends ServerStore>(
  options: NodeRuntimeOptions,
  open: (filename: string, keys: Keyring) => S | Promise<S>,
): Promise<NodeRuntime<S>> {
  const { config } = options;
  const notes: string[] = [];
  const filename = options.filename ?? join(resolve(config.INTAKE_DATA_DIR), 'intake.sqlite');
  if (filename !== ':memory:') notes.push(...secureDataDir(resolve(config.INTAKE_DATA_DIR), filename));
  // The keys first: the store keys every audit entry it appends with the current master key's audit key.
  const keys = await loadKeyring(config, notes, options.masterKey);
  const store = await open(filename, keys);
  const clock = options.clock ?? systemClock;
  const seeded = await seedIfEmpty(store, clock.now());
  if (seeded.length > 0) notes.push(`Loaded into a new database: ${seeded.join(', ')}.`);
  // The thresholds the signal triggers read, from the settings (docs/signals.md).
  await applySignalSettings({ db: store.db, batch: store.batch, config });
  const mail = mailerFor(config, join(resolve(config.INTAKE_DATA_DIR), 'mail'));
  const deps: Deps = {
    db: store.db,
    batch: store.batch,
    clock,
    config,
    keys,
    mailer: mail.mailer,
    storage: filename === ':memory:' ? memoryStorage() : diskStorage(join(resolve(config.INTAKE_DATA_DIR), 'attachments')),
    calendar: createCalendarCache(store.db),
    log: options.log ?? ((line) => console.log(line)),
    // Login hashing off libuv's thread pool, which the group commit's fsync needs.
    pbkdf2: passwordThread().pbkdf2,
    auditHasher: nodeAuditHasher,
    sha256: sha256Hex,
    dataVersion: dataVersionOf(store.db),
    ...(filename === ':memory:' ? {} : { auditAnchors: fileAuditAnchors(anchorsPathFor(filename)) }),
  };
  notes.push(mail.note);
  // Demo accounts only in development: a test makes its own, production must start with none.
  if (config.NODE_ENV === 'development') notes.push(...(await seedDemoStaff(deps)));
  return { deps, store, notes };
}

export { importMasterKey };
