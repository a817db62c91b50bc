/**
 * Applies db/migrations/*.sql in name order, recording each in `d1_migrations` — the same table
 * `wrangler d1 migrations apply` keeps, so one folder serves both runtimes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export function readMigrations(dir = migrationsDir): { name: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Applies the migrations not yet recorded; returns the names applied. */
export function applyMigrations(sqlite: BetterSqlite3.Database, dir = migrationsDir): string[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP
  )`);
  const done = new Set(
    (sqlite.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const migration of readMigrations(dir)) {
    if (done.has(migration.name)) continue;
    sqlite.transaction(() => {
      sqlite.exec(migration.sql);
      sqlite.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(migration.name);
    })();
    applied.push(migration.name);
  }
  return applied;
}
