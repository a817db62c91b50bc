/**
 * Running compiled queries on a better-sqlite3 connection: statements prepared once per SQL text,
 * Kysely over that cache, and a batch (its statements, then its audit entries).
 */
import type Sqlite from 'better-sqlite3';
import { Kysely, SqliteDialect, type CompiledQuery, type QueryResult, type SqliteDatabase } from 'kysely';
import type { Database } from '../../db/schema.js';
import { linkRecords, type AuditDraft, type AuditSigner } from '../audit/audit.js';

// Preparing a statement costs more than running most of them: each SQL text is prepared once.
const STATEMENT_CACHE_SIZE = 500;

export type Statement = Sqlite.Statement<unknown[]>;
export type Prepare = (sql: string) => Statement;

function statementCache(sqlite: Sqlite.Database): Prepare {
  const cache = new Map<string, Statement>();
  return (sql: string): Statement => {
    const cached = cache.get(sql);
    // A statement still iterating (Kysely's stream()) cannot run again: such a caller gets a fresh one.
    if (cached && !cached.busy) {
      cache.delete(sql);
      cache.set(sql, cached);
      return cached;
    }
    const stmt = sqlite.prepare(sql) as Statement;
    if (!cached) {
      cache.set(sql, stmt);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return stmt;
  };
}

/** Kysely over a connection, its statements prepared once through the cache above. */
export function kyselyOver(sqlite: Sqlite.Database): { prepare: Prepare; db: Kysely<Database> } {
  const prepare = statementCache(sqlite);
  const database: SqliteDatabase = { prepare: (sql) => prepare(sql), close: () => sqlite.close() };
  return { prepare, db: new Kysely<Database>({ dialect: new SqliteDialect({ database }) }) };
}

/**
 * Appends audit drafts after the chain's last entry. Called inside the batch's transaction, where
 * better-sqlite3 runs synchronously: no other writer can read the same tail in between.
 */
function appendAudit(prepare: Prepare, drafts: readonly AuditDraft[] | undefined, signer: AuditSigner | undefined): void {
  if (!drafts || drafts.length === 0) return;
  if (!signer) throw new Error('the audit log is keyed: this store was opened without the audit key');
  const last = prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const insert = prepare('INSERT INTO audit_log (seq, at, actor, action, case_id, detail, prev_hash, hash, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const r of linkRecords(last, drafts, signer)) insert.run(r.seq, r.at, r.actor, r.action, r.case_id, r.detail, r.prev_hash, r.hash, r.key_id);
}

function runCompiled(prepare: Prepare, query: CompiledQuery): QueryResult<unknown> {
  const stmt = prepare(query.sql);
  const params = query.parameters as unknown[];
  if (stmt.reader) return { rows: stmt.all(...params) };
  const info = stmt.run(...params);
  return { rows: [], numAffectedRows: BigInt(info.changes), insertId: BigInt(info.lastInsertRowid) };
}

/**
 * A reader's rows as arrays of values under their column names. Between threads (store-thread.ts) a
 * structured clone of arrays costs about half that of objects, each of which carries its keys again.
 */
export interface PackedRows {
  columns: string[];
  values: unknown[][];
}

/** runCompiled, with a reader's rows packed. */
export function runCompiledPacked(prepare: Prepare, query: CompiledQuery): QueryResult<unknown> | { packed: PackedRows } {
  const stmt = prepare(query.sql);
  if (!stmt.reader) return runCompiled(prepare, query);
  // The statement is shared through the cache: back to objects before anyone else runs it.
  stmt.raw(true);
  try {
    const values = stmt.all(...(query.parameters as unknown[])) as unknown[][];
    return { packed: { columns: stmt.columns().map((c) => c.name), values } };
  } finally {
    stmt.raw(false);
  }
}

/** The rows as objects again, as runCompiled would have read them (a later column of the same name wins). */
export function unpackRows(packed: PackedRows): Record<string, unknown>[] {
  const { columns, values } = packed;
  return values.map((v) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < columns.length; i++) row[columns[i]!] = v[i];
    return row;
  });
}

/** A batch's statements, then its audit entries. */
export function runBatch(prepare: Prepare, queries: CompiledQuery[], audit?: readonly AuditDraft[], signer?: AuditSigner): QueryResult<unknown>[] {
  const results = queries.map((q) => runCompiled(prepare, q));
  appendAudit(prepare, audit, signer);
  return results;
}
