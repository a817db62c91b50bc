/**
 * Writes a new case. Everything is compiled into one list of statements for the atomic batch:
 * the day's sequence, the case, its sealed records, events, clocks, co-handlers, outbox rows and
 * a requested reward.
 */
import { CompiledQuery, sql, type Insertable, type Kysely } from 'kysely';
import type {
  CaseAssignmentTable, CaseEventTable, CaseCohandlerTable, ClockTable, Database, NewCase, OutboxTable, RewardTable, SealedRecordTable,
} from '../../db/schema.js';

export interface NewCaseRows {
  /** Case number prefix including the day, e.g. 'GD20261126'; the sequence is added in SQL. */
  numberPrefix: string;
  day: string;
  caseRow: Omit<NewCase, 'case_number'>;
  sealed: Insertable<SealedRecordTable>[];
  events: Insertable<CaseEventTable>[];
  clocks: Insertable<ClockTable>[];
  cohandlers: Insertable<CaseCohandlerTable>[];
  assignments: Insertable<CaseAssignmentTable>[];
  outbox: Insertable<OutboxTable>[];
  /** The reward request of a report that asked for one; empty otherwise. */
  rewards: Insertable<RewardTable>[];
}

/**
 * One INSERT for all the rows of a table, written out directly: building each row through Kysely's
 * query builder was a large share of a submission's time. The column names come from the
 * code's own row objects (never from a request), and every row must have the same ones.
 */
export function insertRowsQuery<T extends keyof Database & string>(table: T, rows: readonly Insertable<Database[T]>[]): CompiledQuery[] {
  const first = rows[0] as Record<string, unknown> | undefined;
  if (!first) return [];
  const columns = Object.keys(first).filter((c) => first[c] !== undefined);
  const parameters: unknown[] = [];
  for (const row of rows as readonly Record<string, unknown>[]) {
    if (Object.keys(row).filter((c) => row[c] !== undefined).length !== columns.length) {
      throw new Error(`insertRowsQuery(${table}): the rows do not all have the columns ${columns.join(', ')}`);
    }
    for (const c of columns) {
      if (!(c in row)) throw new Error(`insertRowsQuery(${table}): a row has no ${c}`);
      parameters.push(row[c] ?? null);
    }
  }
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return [CompiledQuery.raw(
    `insert into "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) values ${rows.map(() => tuple).join(', ')}`,
    parameters,
  )];
}

/** The batch for a new case; the case insert (index 1) returns the case number it was given. */
export function insertCaseQueries(db: Kysely<Database>, rows: NewCaseRows): CompiledQuery[] {
  const queries: CompiledQuery[] = [
    db.insertInto('case_sequences').values({ day: rows.day, last: 1 })
      .onConflict((oc) => oc.column('day').doUpdateSet({ last: sql`last + 1` }))
      .compile(),
    db.insertInto('cases')
      .values({
        ...rows.caseRow,
        // Numbered inside the batch, so two concurrent submissions can never share a number.
        case_number: sql<string>`${rows.numberPrefix} || printf('%05d', (SELECT last FROM case_sequences WHERE day = ${rows.day}))`,
      })
      .returning('case_number')
      .compile(),
  ];
  queries.push(
    ...insertRowsQuery('sealed_records', rows.sealed),
    ...insertRowsQuery('case_events', rows.events),
    ...insertRowsQuery('clocks', rows.clocks),
    ...insertRowsQuery('case_cohandlers', rows.cohandlers),
    ...insertRowsQuery('case_assignments', rows.assignments),
    ...insertRowsQuery('outbox', rows.outbox),
    ...insertRowsQuery('rewards', rows.rewards),
  );
  return queries;
}
