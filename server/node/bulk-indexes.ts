/**
 * Secondary indexes set aside for a bulk load. A load of a million cases inserted into each index row
 * by row: the keys of a business's name or credit code arrive in no order, so every chunk touched
 * pages all over each index, and that was half the load's time. Building an index after the load is
 * one sort. The CREATE statements wait in `pending_indexes` (migration 0012) in the same transaction
 * that drops them; openStore builds any still there, so a load that stopped half-way costs time at the
 * next start, never an index.
 */
import type Sqlite from 'better-sqlite3';

/**
 * Drops the indexes or triggers of `tables` that `chosen` picks, keeping their definitions in
 * pending_indexes in the same transaction (buildPendingIndexes puts them back). Returns the names dropped.
 */
export function setAsideForLoad(
  sqlite: Sqlite.Database, type: 'index' | 'trigger', tables: readonly string[],
  chosen: (o: { name: string; sql: string }) => boolean,
): string[] {
  return sqlite.transaction(() => {
    const objects = sqlite.prepare<unknown[], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
    ).all(type, ...tables).filter(chosen);
    const keep = sqlite.prepare('INSERT INTO pending_indexes (name, sql) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET sql = excluded.sql');
    for (const { name, sql } of objects) {
      keep.run(name, sql);
      sqlite.exec(`DROP ${type.toUpperCase()} "${name.replaceAll('"', '""')}"`);
    }
    return objects.map((o) => o.name);
  }).immediate();
}

/** Drops the non-unique indexes of `tables`, keeping their definitions. Returns the names dropped. */
export function dropIndexesForLoad(sqlite: Sqlite.Database, tables: readonly string[]): string[] {
  return setAsideForLoad(sqlite, 'index', tables, (i) => !/^CREATE UNIQUE/i.test(i.sql));
}

/** Builds every index waiting in pending_indexes, each in its own transaction. Returns the names built. */
export function buildPendingIndexes(sqlite: Sqlite.Database): string[] {
  const pending = sqlite.prepare<[], { name: string; sql: string }>('SELECT name, sql FROM pending_indexes ORDER BY name').all();
  if (pending.length === 0) return [];
  const previous = { threads: sqlite.pragma('threads', { simple: true }), cache: sqlite.pragma('cache_size', { simple: true }) };
  // A helper thread shares the sorting. A small page cache builds faster than the server's large one.
  sqlite.pragma('threads = 2');
  sqlite.pragma('cache_size = -2000');
  try {
    for (const { name, sql } of pending) {
      sqlite.transaction(() => {
        const exists = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?").get(name);
        if (!exists) sqlite.exec(sql);
        sqlite.prepare('DELETE FROM pending_indexes WHERE name = ?').run(name);
      }).immediate();
    }
  } finally {
    sqlite.pragma(`threads = ${previous.threads}`);
    sqlite.pragma(`cache_size = ${previous.cache}`);
  }
  return pending.map((p) => p.name);
}
