/**
 * The data folder holds the database (sealed identities, the audit log), the development master
 * key, mail and attachments: only the server's own user may read it. Everything is created 0700
 * (folders) / 0600 (files), and what an earlier version left more open is tightened at start.
 */
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Folders the server makes under the data folder, and the files SQLite keeps beside the database. */
const SUBDIRS = ['mail', 'attachments'];
const DB_COMPANIONS = ['', '-wal', '-shm', '-journal'];
/** Files beside the database file: the audit log's anchors (server/node/audit-anchors.ts). */
const BESIDE_DB = ['audit-anchors.log'];
const KEY_FILE = /^master\.key(\.|$)/;

/** Creates a folder (and its parents) 0700; an existing one is left as it is. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
}

/** chmod when the mode gives group or others any access; adds what changed, or a warning, to `changed`. */
function tighten(path: string, mode: number, changed: string[]): void {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return; // absent: nothing to tighten
  }
  // A symlink's target may be someone else's file: leave it to the operator who made the link.
  if (st.isSymbolicLink() || (st.mode & 0o077) === 0) return;
  try {
    chmodSync(path, mode);
    changed.push(`${basename(path)} ${(st.mode & 0o777).toString(8)} → ${mode.toString(8)}`);
  } catch (err) {
    changed.push(`WARNING: could not make ${path} private (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
}

/**
 * Makes the data folder private and creates the database file 0600 before SQLite opens it: SQLite
 * gives the -wal, -shm and -journal files the mode of the database file. Returns a start-banner
 * note when something had to be tightened.
 */
export function secureDataDir(dataDir: string, dbFile: string | null): string[] {
  makePrivateDir(dataDir);
  if (dbFile && !existsSync(dbFile)) closeSync(openSync(dbFile, 'a', FILE_MODE));
  const changed: string[] = [];
  tighten(dataDir, DIR_MODE, changed);
  for (const sub of SUBDIRS) tighten(join(dataDir, sub), DIR_MODE, changed);
  for (const name of readdirSync(dataDir)) if (KEY_FILE.test(name)) tighten(join(dataDir, name), FILE_MODE, changed);
  if (dbFile) {
    for (const suffix of DB_COMPANIONS) tighten(dbFile + suffix, FILE_MODE, changed);
    for (const name of BESIDE_DB) tighten(join(dirname(dbFile), name), FILE_MODE, changed);
  }
  return changed.length ? [`Data files made private (they were readable by others): ${changed.join(', ')}`] : [];
}
