/** Case numbers for the auditors' view of the log (entries name cases by id). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export async function findCaseIdByNumber(db: Kysely<Database>, caseNumber: string): Promise<string | undefined> {
  return (await db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirst())?.id;
}

export async function listCaseNumbers(db: Kysely<Database>, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('cases').select(['id', 'case_number']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.case_number]));
}
