/** The stored periodic reports (stat_reports, db/migrations/0028_stat_reports.sql). */
import type { CompiledQuery, Insertable, Kysely, Selectable } from 'kysely';
import type { Database, StatReportTable } from '../../db/schema.js';

export type StatReportRow = Selectable<StatReportTable>;

/** Stores a report; an existing report of the period is replaced (a report generated again on demand). */
export function upsertReportQuery(db: Kysely<Database>, row: Insertable<StatReportTable>): CompiledQuery {
  const { period: _period, ...rest } = row;
  return db.insertInto('stat_reports').values(row).onConflict((oc) => oc.column('period').doUpdateSet(rest)).compile();
}

/** Stores a report unless its period has one: concurrent sweeps end with exactly one (the primary key decides). */
export function insertReportOnceQuery(db: Kysely<Database>, row: Insertable<StatReportTable>): CompiledQuery {
  return db.insertInto('stat_reports').values(row).onConflict((oc) => oc.column('period').doNothing()).compile();
}

export async function findReport(db: Kysely<Database>, period: string): Promise<StatReportRow | undefined> {
  return db.selectFrom('stat_reports').selectAll().where('period', '=', period).executeTakeFirst();
}

export async function reportExists(db: Kysely<Database>, period: string): Promise<boolean> {
  return (await db.selectFrom('stat_reports').select('period').where('period', '=', period).executeTakeFirst()) !== undefined;
}

/** Every report without its body: the latest months first, a year before its quarters before its months. */
export async function listReportRows(db: Kysely<Database>) {
  const rows = await db.selectFrom('stat_reports').select(['period', 'kind', 'from_month', 'to_month', 'generated_at', 'generated_by']).execute();
  const rank = { year: 0, quarter: 1, month: 2 } as const;
  return rows.sort((a, b) => (a.to_month === b.to_month ? rank[a.kind] - rank[b.kind] : a.to_month < b.to_month ? 1 : -1));
}
