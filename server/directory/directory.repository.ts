/** Reads the directory: regions, categories, departments. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function listRegions(db: Kysely<Database>) {
  return db.selectFrom('regions').selectAll().orderBy('code').execute();
}

export function listCategories(db: Kysely<Database>) {
  return db.selectFrom('categories').selectAll().orderBy('sort').orderBy('code').execute();
}

export function listDepartments(db: Kysely<Database>) {
  return db.selectFrom('departments').selectAll().where('active', '=', 1).orderBy('code').execute();
}

export function findCategory(db: Kysely<Database>, code: string) {
  return db.selectFrom('categories').selectAll().where('code', '=', code).executeTakeFirst();
}

export function findDepartment(db: Kysely<Database>, code: string) {
  return db.selectFrom('departments').selectAll().where('code', '=', code).executeTakeFirst();
}

export function listAgencies(db: Kysely<Database>) {
  return db.selectFrom('agencies').selectAll().orderBy('code').execute();
}
