/** Node adapter: better-sqlite3 behind Kysely, plus the atomic batch port as one SQLite transaction. */
import Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery, type QueryResult } from 'kysely';
import { applyMigrations } from '../../db/migrate.js';
import type { Database } from '../../db/schema.js';
import type { Batch } from '../deps.js';

export interface NodeStore {
  sqlite: Sqlite.Database;
  db: Kysely<Database>;
  batch: Batch;
  close(): Promise<void>;
}

function runCompiled(sqlite: Sqlite.Database, query: CompiledQuery): QueryResult<unknown> {
  const stmt = sqlite.prepare(query.sql);
  const params = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(...params) };
  const info = stmt.run(...params);
  return { rows: [], numAffectedRows: BigInt(info.changes), insertId: BigInt(info.lastInsertRowid) };
}

/** Opens (and migrates) a database file, or ':memory:' for tests. */
export function openStore(filename: string): NodeStore {
  const sqlite = new Sqlite(filename);
  if (filename !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // FULL: an acknowledged case must survive a power loss, not only a process crash.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  applyMigrations(sqlite);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  const batch: Batch = async (queries) => sqlite.transaction(() => queries.map((q) => runCompiled(sqlite, q)))();
  return {
    sqlite,
    db,
    batch,
    close: async () => {
      await db.destroy();
      if (sqlite.open) sqlite.close();
    },
  };
}
