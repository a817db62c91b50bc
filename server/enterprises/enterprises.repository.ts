/**
 * The enterprise counters (migration 0029): a few rows per credit code, kept by triggers, so a
 * summary never counts cases. The recount rebuilds them from the cases and their events with the
 * same statements as the migration's backfill.
 */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';

export function findEnterpriseName(db: Kysely<Database>, creditCode: string) {
  return db.selectFrom('enterprise_names').select(['credit_code', 'name']).where('credit_code', '=', creditCode).executeTakeFirst();
}

/** Every (year, measure) count of one credit code: at most six rows a year. */
export function listEnterpriseCounts(db: Kysely<Database>, creditCode: string) {
  return db.selectFrom('enterprise_counts').select(['year', 'measure', 'n'])
    .where('credit_code', '=', creditCode).where('n', '>', 0).orderBy('year').execute();
}

/** The products named on a credit code's cases, most cases first. */
export function listEnterpriseProducts(db: Kysely<Database>, creditCode: string, limit: number) {
  return db.selectFrom('enterprise_products').select(['gtin', 'brand', 'model', 'name', 'n'])
    .where('credit_code', '=', creditCode).where('n', '>', 0)
    .orderBy('n', 'desc').orderBy('product_key').limit(limit).execute();
}

// A prefix as a range, so the primary key or the name index answers it (LIKE would not use them):
// U+10FFFF sorts after every character a name or a code can hold.
const rangeEnd = (prefix: string) => `${prefix}\u{10FFFF}`;

export function searchEnterprisesByCode(db: Kysely<Database>, codePrefix: string, limit: number) {
  return db.selectFrom('enterprise_names').select(['credit_code', 'name'])
    .where('credit_code', '>=', codePrefix).where('credit_code', '<', rangeEnd(codePrefix))
    .orderBy('credit_code').limit(limit).execute();
}

/** `foldedPrefix`: the name's start in ASCII lower case, as name_fold holds it. */
export function searchEnterprisesByName(db: Kysely<Database>, foldedPrefix: string, limit: number) {
  return db.selectFrom('enterprise_names').select(['credit_code', 'name'])
    .where('name_fold', '>=', foldedPrefix).where('name_fold', '<', rangeEnd(foldedPrefix))
    .orderBy('name_fold').orderBy('credit_code').limit(limit).execute();
}

const year = (column: string) =>
  `coalesce(CAST(strftime('%Y', ${column}, '+8 hours') AS INTEGER), CAST(substr(${column}, 1, 4) AS INTEGER))`;
const productKey = `CASE
  WHEN product_gtin IS NOT NULL THEN 'gtin:' || product_gtin
  WHEN product_brand IS NOT NULL OR product_model IS NOT NULL
    THEN 'bm:' || lower(coalesce(product_brand, '')) || '|' || lower(coalesce(product_model, ''))
  WHEN product_name IS NOT NULL THEN 'name:' || lower(product_name) END`;
const counted = "subject_credit_code IS NOT NULL AND kind IN ('complaint', 'report')";

// The backfill of migration 0029, statement for statement (the names' bare columns come from the row
// of max(received_at): SQLite's rule for a query with one max()).
const RECOUNT = [
  'DELETE FROM enterprise_counts',
  'DELETE FROM enterprise_case_marks',
  'DELETE FROM enterprise_names',
  'DELETE FROM enterprise_products',
  `INSERT INTO enterprise_names (credit_code, name, name_fold, seen_at)
    SELECT subject_credit_code, subject_name, lower(subject_name), max(received_at) FROM cases WHERE ${counted}
    GROUP BY subject_credit_code`,
  `INSERT INTO enterprise_counts (credit_code, year, measure, n)
    SELECT subject_credit_code, ${year('received_at')} AS y, kind || 's_received', count(*)
    FROM cases WHERE ${counted} AND status != 'merged' GROUP BY subject_credit_code, y, kind`,
  `INSERT INTO enterprise_case_marks (case_id, measure, year)
    SELECT e.case_id,
      CASE e.event WHEN 'accept' THEN 'complaints_accepted' WHEN 'mediated' THEN 'complaints_mediated'
        WHEN 'open_case' THEN 'reports_opened' ELSE 'penalties_decided' END,
      ${year('min(e.at)')}
    FROM case_events e JOIN cases c ON c.id = e.case_id
    WHERE e.event IN ('accept', 'mediated', 'open_case', 'decide_penalty')
      AND c.subject_credit_code IS NOT NULL AND c.kind IN ('complaint', 'report') AND c.status != 'merged'
    GROUP BY e.case_id, e.event`,
  `INSERT INTO enterprise_counts (credit_code, year, measure, n)
    SELECT c.subject_credit_code, m.year, m.measure, count(*)
    FROM enterprise_case_marks m JOIN cases c ON c.id = m.case_id GROUP BY c.subject_credit_code, m.year, m.measure`,
  `INSERT INTO enterprise_products (credit_code, product_key, gtin, brand, model, name, n, seen_at)
    SELECT subject_credit_code, product_key, product_gtin, product_brand, product_model, product_name, count(*), max(received_at)
    FROM (SELECT subject_credit_code, product_gtin, product_brand, product_model, product_name, received_at, ${productKey} AS product_key
      FROM cases WHERE ${counted} AND status != 'merged')
    WHERE product_key IS NOT NULL GROUP BY subject_credit_code, product_key`,
];

/** The statements that rebuild every enterprise counter from the cases, for one atomic batch. */
export function recountEnterpriseQueries(db: Kysely<Database>): CompiledQuery[] {
  return RECOUNT.map((text) => sql.raw(text).compile(db));
}

/** How much the counters hold, for the operator's report. */
export async function counterTotals(db: Kysely<Database>) {
  const row = await sql<{ enterprises: number; cases: number; products: number }>`
    SELECT (SELECT count(*) FROM enterprise_names) AS enterprises,
      (SELECT coalesce(sum(n), 0) FROM enterprise_counts WHERE measure IN ('complaints_received', 'reports_received')) AS cases,
      (SELECT count(*) FROM enterprise_products WHERE n > 0) AS products`.execute(db);
  return row.rows[0] ?? { enterprises: 0, cases: 0, products: 0 };
}
