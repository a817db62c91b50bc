/**
 * Writes a new case. Everything is compiled into one list of statements for the atomic batch:
 * the day's sequence, the case, its sealed records, events, clocks, co-handlers and outbox rows.
 */
import { sql, type CompiledQuery, type Insertable, type Kysely } from 'kysely';
import type {
  CaseAssignmentTable, CaseEventTable, CaseCohandlerTable, ClockTable, Database, NewCase, OutboxTable, SealedRecordTable,
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
  for (const r of rows.sealed) queries.push(db.insertInto('sealed_records').values(r).compile());
  for (const r of rows.events) queries.push(db.insertInto('case_events').values(r).compile());
  for (const r of rows.clocks) queries.push(db.insertInto('clocks').values(r).compile());
  for (const r of rows.cohandlers) queries.push(db.insertInto('case_cohandlers').values(r).compile());
  for (const r of rows.assignments) queries.push(db.insertInto('case_assignments').values(r).compile());
  for (const r of rows.outbox) queries.push(db.insertInto('outbox').values(r).compile());
  return queries;
}
