/**
 * Preparing a D1 database for the app with wrangler: the migrations of db/migrations (the folder the
 * Node runner applies too), then the directory and calendars when they are missing — what the Node
 * server does at its first start.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readDirectoryFiles } from '../db/seed/files.js';
import { firstAdminScript, seedScript, type SeedParts } from '../server/worker/seed.js';
import { D1_BINDING, d1Target, runWrangler } from './wrangler.js';

export interface D1Target {
  /** The deployed database instead of the local one (needs a Cloudflare login). */
  remote?: boolean;
  /** Local state folder (wrangler's default: .wrangler/state). */
  persistTo?: string;
}

export async function applyD1Migrations(target: D1Target): Promise<string> {
  return runWrangler(['d1', 'migrations', 'apply', D1_BINDING, ...d1Target(target)], target);
}

/** Rows in the tables the seed fills: regions and calendar years. */
export async function seededCounts(target: D1Target): Promise<{ regions: number; years: number }> {
  const out = await runWrangler([
    'd1', 'execute', D1_BINDING, ...d1Target(target), '--json',
    '--command', 'SELECT (SELECT count(*) FROM regions) AS regions, (SELECT count(*) FROM calendar_years) AS years',
  ], target);
  const parsed = JSON.parse(out.slice(out.indexOf('['))) as { results: { regions: number; years: number }[] }[];
  const row = parsed[0]?.results[0];
  if (!row) throw new Error(`unexpected answer from wrangler d1 execute:\n${out}`);
  return row;
}

/** Runs a SQL script with `wrangler d1 execute --file` from a private temporary file. */
async function executeScript(target: D1Target, script: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'intake-d1-'));
  try {
    const file = join(dir, 'script.sql');
    writeFileSync(file, script, { mode: 0o600 });
    await runWrangler(['d1', 'execute', D1_BINDING, ...d1Target(target), '--yes', '--file', file], target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Loads the directory and/or the published calendars. */
export async function seedD1(target: D1Target, parts: SeedParts, now = new Date()): Promise<void> {
  const script = await seedScript(readDirectoryFiles(), now.toISOString(), parts);
  if (script) await executeScript(target, script);
}

/** Creates the first admin account (PBKDF2 at the Workers limit unless told otherwise). */
export async function addFirstAdmin(target: D1Target, input: { username: string; password: string }, iterations: number): Promise<void> {
  await executeScript(target, await firstAdminScript(input, new Date(), iterations));
}

/**
 * Migrates, then loads what is missing; `force` re-imports the directory (an upsert: edits in
 * place, as `npm run intake -- directory import` does on Node) and the calendars. Returns what it did.
 */
export async function prepareD1(target: D1Target, options: { force?: boolean } = {}): Promise<string[]> {
  const done: string[] = [];
  const migrated = await applyD1Migrations(target);
  done.push(/No migrations to apply/i.test(migrated) ? 'migrations: up to date' : 'migrations: applied');
  const counts = options.force ? { regions: 0, years: 0 } : await seededCounts(target);
  const parts: SeedParts = { directory: counts.regions === 0, calendars: counts.years === 0 };
  if (parts.directory || parts.calendars) {
    await seedD1(target, parts);
    done.push(`loaded: ${[parts.directory && 'directory', parts.calendars && 'calendars'].filter(Boolean).join(', ')}`);
  } else {
    done.push('directory and calendars: present');
  }
  return done;
}
