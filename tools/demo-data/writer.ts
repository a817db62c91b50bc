/**
 * Writing the load: planned cases are flattened into chunks of row values (in the planning threads),
 * and one connection writes them all with prepared multi-row INSERTs in large transactions.
 */
import type Sqlite from 'better-sqlite3';
import type { CaseKind } from '../../domain/vocabulary.js';
import { signalSettler } from '../../server/node/signal-settle.js';
import type { PlannedCase } from './case-record.js';
import { MAX_PER_DAY, type Rng } from './distributions.js';

const COLUMNS = {
  cases: ['id', 'case_number', 'kind', 'category', 'region', 'status', 'department', 'routing_rule', 'routing_reason', 'subject_name',
    'subject_credit_code', 'subject_address', 'credit_code_check_failed', 'product_name', 'product_brand', 'product_model',
    'product_batch', 'product_gtin', 'gtin_check_failed', 'description', 'claim', 'occurred_on', 'severity',
    'reward_requested', 'urgent', 'anonymous', 'pseudonym', 'receipt_hash', 'receipt_key_id', 'language', 'received_at', 'updated_at',
    'closed_at', 'next_due_at', 'fine_fen', 'transfer_count', 'status_before_transfer', 'escalated', 'urge_count', 'last_urged_at',
    'rehandle_count', 'merged_into', 'legal_hold', 'purged_at'],
  sealed: ['case_id', 'purpose', 'key_id', 'wrapped_key', 'iv', 'ciphertext', 'created_at'],
  events: ['id', 'case_id', 'at', 'event', 'actor', 'note', 'data', 'public'],
  clocks: ['id', 'case_id', 'clock', 'started_at', 'due_at', 'provisional', 'status', 'stopped_at', 'paused_at', 'extended',
    'due_soon_notified_at', 'overdue_notified_at', 'escalated_at', 'due_counted_at'],
  cohandlers: ['case_id', 'department', 'reason', 'added_at'],
  assignments: ['id', 'case_id', 'department', 'dispatched_at', 'sign_due_at', 'signed_at', 'returned_at', 'return_reason', 'sign_counted_at'],
  outbox: ['id', 'case_id', 'template', 'recipient_type', 'recipient_ref', 'params', 'status', 'attempts', 'next_attempt_at',
    'last_error', 'message_id', 'created_at', 'sent_at', 'claimed_at'],
  messages: ['id', 'case_id', 'at', 'sender', 'author', 'body'],
  sealedMessages: ['message_id', 'key_id', 'wrapped_key', 'iv', 'ciphertext'],
  satisfaction: ['case_id', 'rating', 'resolved', 'comment', 'at'],
  rewards: ['case_id', 'status', 'created_at', 'updated_at'],
} as const;

type TableKey = keyof typeof COLUMNS;
const TABLE_KEYS = Object.keys(COLUMNS) as TableKey[];
const TABLES: Record<TableKey, string> = {
  cases: 'cases', sealed: 'sealed_records', events: 'case_events', clocks: 'clocks', cohandlers: 'case_cohandlers',
  assignments: 'case_assignments', outbox: 'outbox', messages: 'case_messages', sealedMessages: 'sealed_messages', satisfaction: 'satisfaction',
  rewards: 'rewards',
};
/** The tables a large load writes most of; their secondary indexes are built after it (server/node/bulk-indexes.ts). */
export const LOADED_TABLES = ['cases', 'case_events', 'clocks', 'case_assignments', 'case_cohandlers', 'outbox', 'case_messages'];

// Rows per INSERT: one statement for many rows costs far less than as many statements.
const ROWS_PER_INSERT = 50;
// Several chunks share a commit: a commit writes every page the chunks changed, and the pages of
// the receipt index, whose keys are random, are changed by every chunk.
const CHUNKS_PER_COMMIT = 5;

/** What happened to one case, for the summary and the receipts file. */
interface CaseNote { day: string; receipt: string; kind: CaseKind; status: string; overdue: boolean; receivedAt: string }

/**
 * A chunk of planned cases as a planning thread hands it to the writer: each table's rows as one flat
 * array of values in COLUMNS order (the case number left empty: the writer numbers the cases).
 */
export interface PlannedChunk { values: Record<TableKey, unknown[]>; cases: CaseNote[] }

export function flatten(planned: PlannedCase[]): PlannedChunk {
  const values = Object.fromEntries(TABLE_KEYS.map((t) => [t, [] as unknown[]])) as Record<TableKey, unknown[]>;
  for (const p of planned) {
    for (const t of TABLE_KEYS) {
      const rows = p.rows[t];
      const into = values[t];
      for (const row of Array.isArray(rows) ? rows : [rows]) for (const c of COLUMNS[t]) into.push(row[c] ?? null);
    }
  }
  const cases = planned.map(({ day, receipt, kind, status, overdue, rows }) => ({ day, receipt, kind, status, overdue, receivedAt: rows.cases.received_at as string }));
  return { values, cases };
}

/**
 * Writes a chunk inside the writer's open transaction; case numbers continue each day's sequence. No
 * savepoint of its own: a failing chunk ends the load, whose open transaction is rolled back whole.
 */
function chunkWriter(sqlite: Sqlite.Database, prefix: string) {
  const statements = new Map<string, Sqlite.Statement>();
  const insertStatement = (key: TableKey, rows: number) => {
    const name = `${key}:${rows}`;
    let stmt = statements.get(name);
    if (!stmt) {
      const columns = COLUMNS[key];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      stmt = sqlite.prepare(`INSERT INTO ${TABLES[key]} (${columns.join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`);
      statements.set(name, stmt);
    }
    return stmt;
  };
  const insertAll = (key: TableKey, values: unknown[]) => {
    const width = COLUMNS[key].length;
    const rows = values.length / width;
    for (let i = 0; i < rows; i += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, rows - i);
      insertStatement(key, n).run(values.slice(i * width, (i + n) * width));
    }
  };
  const readLast = sqlite.prepare<[string], { last: number }>('SELECT last FROM case_sequences WHERE day = ?');
  const writeLast = sqlite.prepare('INSERT INTO case_sequences (day, last) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET last = excluded.last');
  const width = COLUMNS.cases.length;
  const numberAt = COLUMNS.cases.indexOf('case_number');

  return (chunk: PlannedChunk): string[] => {
    const last = new Map<string, number>();
    const numbers = chunk.cases.map((c, i) => {
      const n = (last.get(c.day) ?? readLast.get(c.day)?.last ?? 0) + 1;
      if (n > MAX_PER_DAY) throw new Error(`more than ${MAX_PER_DAY} cases on ${c.day}`);
      last.set(c.day, n);
      const caseNumber = `${prefix}${c.day}${String(n).padStart(5, '0')}`;
      chunk.values.cases[i * width + numberAt] = caseNumber;
      return caseNumber;
    });
    for (const t of TABLE_KEYS) insertAll(t, chunk.values[t]);
    for (const [day, n] of last) writeLast.run(day, n);
    return numbers;
  };
}

/**
 * Runs `plan`, writing each chunk it hands over as soon as it comes, CHUNKS_PER_COMMIT chunks to a
 * transaction; `written` hears of each chunk with its case numbers. A load that fails keeps the
 * chunks committed before; the open transaction is rolled back.
 */
export async function writeInCommits(
  sqlite: Sqlite.Database, prefix: string,
  plan: (write: (chunk: PlannedChunk) => void) => Promise<void>,
  written: (chunk: PlannedChunk, numbers: string[]) => void,
): Promise<void> {
  const write = chunkWriter(sqlite, prefix);
  // The cases each chunk queued for the quality signals, counted day by day before the next chunk.
  const statements = new Map<string, Sqlite.Statement<unknown[]>>();
  const prepare = (sql: string) => statements.get(sql) ?? statements.set(sql, sqlite.prepare(sql)).get(sql)!;
  const settle = signalSettler(sqlite, prepare, (line) => { throw new Error(line); });
  let uncommitted = 0;
  let failed = false;
  const writeChunk = (chunk: PlannedChunk) => {
    // After a failed chunk, nothing more joins (or commits) the transaction it left half-written.
    if (failed) throw new Error('the demo data load has already failed');
    if (!sqlite.inTransaction) sqlite.exec('BEGIN IMMEDIATE');
    let numbers: string[];
    try {
      numbers = write(chunk);
      settle();
    } catch (err) {
      failed = true;
      throw err;
    }
    if (++uncommitted >= CHUNKS_PER_COMMIT) {
      sqlite.exec('COMMIT');
      uncommitted = 0;
    }
    written(chunk, numbers);
  };
  try {
    await plan(writeChunk);
    if (sqlite.inTransaction) sqlite.exec('COMMIT');
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
  }
}

/**
 * Bulk-load settings for the writing connection, restored afterwards: foreign keys are right by
 * construction, and one fsync per checkpoint is enough while loading (the caller checkpoints durably
 * at the end). A checkpoint every ~400 MB of WAL rather than every 4 MB: a page changed by several
 * chunks is copied once. Not never: every page read searches the WAL's index, which grows with it.
 */
export function withLoadSettings<T>(sqlite: Sqlite.Database, run: () => Promise<T>): Promise<T> {
  // Pages read through a memory map rather than a read() call each. Statement journals in memory: each
  // multi-row INSERT journals the pages it changes, which otherwise spill to a temporary file past
  // 64 KiB. Only for the load: the indexes built after it sort through temporary files again.
  const settings = { foreign_keys: 'OFF', synchronous: 'NORMAL', cache_size: '-262144', wal_autocheckpoint: '100000', mmap_size: '8589934592', temp_store: 'MEMORY' };
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, sqlite.pragma(k, { simple: true })]));
  for (const [k, v] of Object.entries(settings)) sqlite.pragma(`${k} = ${v}`);
  return run().finally(() => {
    for (const [k, v] of Object.entries(previous)) sqlite.pragma(`${k} = ${v}`);
  });
}

export interface DemoDataSummary {
  cases: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  overdue: number;
  firstReceived: string | null;
  lastReceived: string | null;
  receiptsWritten: number;
  seconds: number;
}

/** The summary and the receipts sample, as the writer numbers the chunks. */
export class Tally {
  readonly summary: DemoDataSummary = {
    cases: 0, byKind: {}, byStatus: {}, overdue: 0, firstReceived: null, lastReceived: null, receiptsWritten: 0, seconds: 0,
  };
  readonly receipts: string[] = [];
  constructor(private readonly wanted: number, private readonly rng: Rng) {}

  add(chunk: PlannedChunk, numbers: string[]) {
    const s = this.summary;
    chunk.cases.forEach((c, i) => {
      s.byKind[c.kind] = (s.byKind[c.kind] ?? 0) + 1;
      s.byStatus[c.status] = (s.byStatus[c.status] ?? 0) + 1;
      if (c.overdue) s.overdue += 1;
      if (!s.firstReceived || c.receivedAt < s.firstReceived) s.firstReceived = c.receivedAt;
      if (!s.lastReceived || c.receivedAt > s.lastReceived) s.lastReceived = c.receivedAt;
      // Reservoir sampling: an even spread of receipts over all the cases.
      const seen = s.cases + i;
      const line = `${numbers[i]}\t${c.receipt}`;
      if (seen < this.wanted) this.receipts.push(line);
      else if (this.wanted > 0) {
        const j = Math.floor(this.rng() * (seen + 1));
        if (j < this.wanted) this.receipts[j] = line;
      }
    });
    s.cases += chunk.cases.length;
  }
}
