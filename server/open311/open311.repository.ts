/** The Open311 rows: a filed request's token and coordinates, and cases read as service requests. */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CaseStatus } from '../../domain/vocabulary.js';
import type { RequestRow } from './request-map.js';

export interface Open311Row {
  case_id: string;
  token: string;
  api_key_id: string;
  lat: number | null;
  long: number | null;
  created_at: string;
}

/** The request's own row, for the case's batch. */
export function insertOpen311RowQuery(db: Kysely<Database>, row: Open311Row): CompiledQuery {
  return db.insertInto('open311_requests').values(row).compile();
}

export interface RequestFilter {
  numbers?: string[];
  categories?: string[];
  statuses?: CaseStatus[];
  /** received_at bounds, as stored (China Standard Time ISO strings). */
  from?: string;
  to?: string;
  /** Region codes starting with this (a region and those under it). */
  regionPrefix?: string;
  limit: number;
}

// D1 binds at most 100 parameters per statement: a long list of case numbers is read in parts.
const CHUNK = 80;

export async function findRequests(db: Kysely<Database>, f: RequestFilter): Promise<RequestRow[]> {
  if (!f.numbers || f.numbers.length <= CHUNK) return findSome(db, f);
  const parts: Promise<RequestRow[]>[] = [];
  for (let i = 0; i < f.numbers.length; i += CHUNK) parts.push(findSome(db, { ...f, numbers: f.numbers.slice(i, i + CHUNK) }));
  const rows = (await Promise.all(parts)).flat();
  rows.sort((a, b) => b.received_at.localeCompare(a.received_at) || b.case_number.localeCompare(a.case_number));
  return rows.slice(0, f.limit);
}

function findSome(db: Kysely<Database>, f: RequestFilter): Promise<RequestRow[]> {
  let q = db.selectFrom('cases as c')
    .leftJoin('open311_requests as o', 'o.case_id', 'c.id')
    .select([
      'c.case_number', 'c.status', 'c.category', 'c.description', 'c.department', 'c.subject_address',
      'c.received_at', 'c.updated_at', 'c.closed_at', 'c.next_due_at', 'o.lat', 'o.long',
    ]);
  if (f.numbers) q = q.where('c.case_number', 'in', f.numbers);
  if (f.categories) q = q.where('c.category', 'in', f.categories);
  if (f.statuses) q = q.where('c.status', 'in', f.statuses);
  if (f.regionPrefix) q = q.where('c.region', 'like', `${f.regionPrefix}%`);
  if (f.from) q = q.where('c.received_at', '>=', f.from);
  if (f.to) q = q.where('c.received_at', '<=', f.to);
  return q.orderBy('c.received_at', 'desc').orderBy('c.case_number', 'desc').limit(f.limit).execute();
}

export async function findNumberByToken(db: Kysely<Database>, token: string): Promise<string | null> {
  const row = await db.selectFrom('open311_requests as o').innerJoin('cases as c', 'c.id', 'o.case_id')
    .select('c.case_number').where('o.token', '=', token).executeTakeFirst();
  return row?.case_number ?? null;
}
