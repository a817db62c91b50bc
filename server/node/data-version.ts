/**
 * The database's data version for Deps.dataVersion: the rows this process's connection has changed
 * (total_changes(), which counts the rows triggers change too) and SQLite's data_version, which moves
 * when another connection (the CLI, another process) commits. Every write goes through the store's
 * one connection (sqlite.ts), so any change to the data changes one of the two.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function dataVersionOf(db: Kysely<Database>): () => Promise<string> {
  const query = sql<{ v: string }>`SELECT total_changes() || ':' || data_version AS v FROM pragma_data_version`;
  return async () => (await query.execute(db)).rows[0]?.v ?? '';
}
