/**
 * The quality signals' counting on Node (server/signals/settle.ts): run inside the transaction that
 * queued the cases, before it commits — once per group commit, or at the end of a batch's own
 * transaction. In a savepoint of its own: should it fail, the cases stay queued for the next settle and
 * the writes around it commit as they are. Statements with nothing to do are skipped (settle.ts,
 * SETTLE_ONLY_IF): most cases join a signal that already covers them, and then no raise can happen.
 */
import type Sqlite from 'better-sqlite3';
import { LINK_RAISED, SETTLE_ONLY_IF, SETTLE_SIGNALS } from '../signals/settle.js';
import type { Prepare } from './statements.js';

export type SignalSettler = () => void;

export function signalSettler(sqlite: Sqlite.Database, prepare: Prepare, log?: (line: string) => void): SignalSettler {
  // A store opened before the migrations ran (or on a bare test database) has no queue until they have.
  let queue = false;
  return () => {
    if (!queue) {
      queue = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'signal_pending'").get() !== undefined;
      if (!queue) return;
    }
    if (prepare('SELECT 1 FROM signal_pending LIMIT 1').get() === undefined) return;
    prepare('SAVEPOINT signal_settle').run();
    try {
      // One day at a time, earliest first: a live group holds one day (two around midnight), a bulk load many.
      do {
        let raised = 0;
        for (const sql of SETTLE_SIGNALS) {
          const only = SETTLE_ONLY_IF.get(sql);
          if (only !== undefined && prepare(only).get() === undefined) continue;
          if (sql === LINK_RAISED && raised === 0) continue;
          const { changes } = prepare(sql).run();
          // The statements run only if a query says so are the raises.
          if (only !== undefined) raised += changes;
        }
      } while (prepare('SELECT 1 FROM signal_pending LIMIT 1').get() !== undefined);
      prepare('RELEASE signal_settle').run();
    } catch (err) {
      if (!sqlite.inTransaction) throw err;
      prepare('ROLLBACK TO signal_settle').run();
      prepare('RELEASE signal_settle').run();
      log?.(`quality signals: counting failed, the cases stay queued: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
