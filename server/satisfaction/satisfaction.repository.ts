/** Ratings, their sealed comments, rating links and the re-handling list. */
import { sql, type CompiledQuery, type Kysely } from 'kysely';
import type { Database, RatingTokenTable, SatisfactionTable, SealedSatisfactionTable } from '../../db/schema.js';
import { newRowId } from '../lib/ids.js';

export function findRating(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('satisfaction').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** The rating, its sealed comment and its staff event; a rating already there changes nothing and fails the guard after it. */
export function insertRatingQueries(
  db: Kysely<Database>, row: SatisfactionTable, sealed: SealedSatisfactionTable | null, event: { actor: string; data: Record<string, unknown> },
): CompiledQuery[] {
  return [
    db.insertInto('satisfaction').values(row).onConflict((oc) => oc.column('case_id').doNothing()).compile(),
    sql`INSERT INTO write_guards (ok) SELECT 0 WHERE changes() = 0`.compile(db),
    ...(sealed ? [db.insertInto('sealed_satisfaction').values(sealed).compile()] : []),
    db.insertInto('case_events').values({
      id: newRowId(), case_id: row.case_id, at: row.at, event: 'rated', actor: event.actor, note: null,
      data: JSON.stringify(event.data), public: 0,
    }).compile(),
  ];
}

export function findSealedComment(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('sealed_satisfaction').selectAll().where('case_id', '=', caseId).executeTakeFirst();
}

/** One link per case: a new token replaces the one before it. */
export function upsertRatingTokenQuery(db: Kysely<Database>, row: RatingTokenTable): CompiledQuery {
  return db.insertInto('rating_tokens').values(row)
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ token_hash: row.token_hash, created_at: row.created_at, expires_at: row.expires_at, used_at: null }))
    .compile();
}

export function findRatingToken(db: Kysely<Database>, tokenHash: string) {
  return db.selectFrom('rating_tokens').innerJoin('cases', 'cases.id', 'rating_tokens.case_id')
    .select(['rating_tokens.case_id', 'rating_tokens.expires_at', 'rating_tokens.used_at', 'cases.case_number', 'cases.status', 'cases.language'])
    .where('rating_tokens.token_hash', '=', tokenHash).executeTakeFirst();
}

/** Spends a link in the rating's batch; a link spent meanwhile fails the guard after it. */
export function spendRatingTokenQueries(db: Kysely<Database>, tokenHash: string, at: string): CompiledQuery[] {
  return [
    db.updateTable('rating_tokens').set({ used_at: at }).where('token_hash', '=', tokenHash).where('used_at', 'is', null).compile(),
    sql`INSERT INTO write_guards (ok) SELECT 0 WHERE changes() = 0`.compile(db),
  ];
}

/** Low ratings (1–2) and "not resolved", newest first, with whether the case was re-handled since. */
export function listRehandleSuggestions(db: Kysely<Database>, limit: number) {
  return db.selectFrom('satisfaction').innerJoin('cases', 'cases.id', 'satisfaction.case_id')
    .select(['cases.case_number', 'cases.department', 'cases.kind', 'cases.category', 'cases.status', 'cases.rehandle_count',
      'satisfaction.rating', 'satisfaction.resolved', 'satisfaction.at'])
    .where((eb) => eb.or([eb('satisfaction.rating', '<=', 2), eb('satisfaction.resolved', '=', 0)]))
    .orderBy('satisfaction.at', 'desc').limit(limit).execute();
}

/** Re-handling suggestions per department among ratings given in [start, end]. */
export function countRehandleSuggestions(db: Kysely<Database>, start: string, end: string) {
  return db.selectFrom('satisfaction').innerJoin('cases', 'cases.id', 'satisfaction.case_id')
    .select(['cases.department as department', (eb) => eb.fn.countAll<number>().as('n')])
    .where((eb) => eb.or([eb('satisfaction.rating', '<=', 2), eb('satisfaction.resolved', '=', 0)]))
    .where('satisfaction.at', '>=', start).where('satisfaction.at', '<=', end)
    .groupBy('cases.department').execute();
}
