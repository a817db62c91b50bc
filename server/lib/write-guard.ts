/**
 * Optimistic writes in one batch (db/migrations/0021_write_guard.sql). Put `staleWriteGuard` right
 * after a guarded UPDATE (one whose WHERE repeats what was read): when that update changed no row,
 * the guard fails its CHECK and the batch rolls back whole, so a lost race leaves no event, mail or
 * audit entry behind. `changes()` is SQLite's count of rows the previous statement changed; the
 * Node batch and D1 both run a batch's statements in order on one connection.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { AppError } from '../errors.js';

export function staleWriteGuard(db: Kysely<Database>): CompiledQuery {
  return sql`INSERT INTO write_guards (ok) SELECT 0 WHERE changes() = 0`.compile(db);
}

/** Whether a batch failed on the guard: the row changed since it was read. */
export function isStaleWrite(err: unknown): boolean {
  return err instanceof Error && /\bstale_write\b/.test(err.message);
}

/** Runs a guarded batch; a lost race becomes a 409 with `message`. */
export async function guarded<T>(message: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isStaleWrite(err)) throw new AppError('conflict', message);
    throw err;
  }
}
