/** Departments and their jurisdictions as an admin reads and edits them (inactive ones included). */
import type { CompiledQuery, Kysely, Updateable } from 'kysely';
import type { Database, DepartmentTable } from '../../db/schema.js';

export function listAllDepartments(db: Kysely<Database>) {
  return db.selectFrom('departments').selectAll().orderBy('code').execute();
}

export function listAllJurisdictions(db: Kysely<Database>) {
  return db.selectFrom('department_jurisdictions').selectAll().orderBy('department').orderBy('region').execute();
}

export async function listJurisdiction(db: Kysely<Database>, department: string): Promise<string[]> {
  const rows = await db.selectFrom('department_jurisdictions').select('region')
    .where('department', '=', department).orderBy('region').execute();
  return rows.map((r) => r.region);
}

/** The codes among `codes` that are not in the region directory. */
export async function findUnknownRegions(db: Kysely<Database>, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const known = await db.selectFrom('regions').select('code').where('code', 'in', codes).execute();
  const found = new Set(known.map((r) => r.code));
  return codes.filter((c) => !found.has(c));
}

export function updateDepartmentQuery(db: Kysely<Database>, code: string, set: Updateable<DepartmentTable>): CompiledQuery {
  return db.updateTable('departments').set(set).where('code', '=', code).compile();
}

/** Replaces the whole jurisdiction: delete then insert, run inside the caller's batch. */
export function replaceJurisdictionQueries(db: Kysely<Database>, department: string, regions: string[]): CompiledQuery[] {
  return [
    db.deleteFrom('department_jurisdictions').where('department', '=', department).compile(),
    db.insertInto('department_jurisdictions').values(regions.map((region) => ({ department, region }))).compile(),
  ];
}
