/** Routing rules and categories as an admin reads and edits them (inactive rules included). */
import type { CompiledQuery, Insertable, Kysely, Updateable } from 'kysely';
import type { CategoryTable, Database, RoutingRuleTable } from '../../db/schema.js';

export function listAllRules(db: Kysely<Database>) {
  return db.selectFrom('routing_rules').selectAll()
    .orderBy('category').orderBy('active', 'desc').orderBy('priority', 'desc').orderBy('id').execute();
}

export function findRule(db: Kysely<Database>, id: string) {
  return db.selectFrom('routing_rules').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertRuleQuery(db: Kysely<Database>, row: Insertable<RoutingRuleTable>): CompiledQuery {
  return db.insertInto('routing_rules').values(row).compile();
}

export function updateRuleQuery(db: Kysely<Database>, id: string, set: Updateable<RoutingRuleTable>): CompiledQuery {
  return db.updateTable('routing_rules').set(set).where('id', '=', id).compile();
}

export function updateCategoryQuery(db: Kysely<Database>, code: string, set: Updateable<CategoryTable>): CompiledQuery {
  return db.updateTable('categories').set(set).where('code', '=', code).compile();
}

export function findAgency(db: Kysely<Database>, code: string) {
  return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
}

