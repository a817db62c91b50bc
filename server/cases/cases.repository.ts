/** Reads and updates cases for the staff workspace. */
import { sql, type CompiledQuery, type Expression, type ExpressionBuilder, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { CaseRow, CaseTable, Database } from '../../db/schema.js';
import type { CaseStatus } from '../../domain/vocabulary.js';

/** Which cases a staff member may see: everything (intake centre) or one department's, co-handled included. */
export type Visibility = { all: true } | { all: false; department: string };

export interface QueueFilter {
  /** Any text from the query string: a status that does not exist matches no case. */
  status?: string;
  kind?: string;
  category?: string;
  overdueBefore?: string;
  dueBetween?: [string, string];
  triage?: boolean;
  /** A search: one case number, one credit code, or the start of a business name (see `searchOf`). */
  search?: QueueSearch;
  after?: [string, string];
  limit: number;
  /**
   * The status filtered on holds a fifth or more of the cases in view (the caller knows from its
   * counts). Such a page is read along the queue index, skipping the other cases: reading all of its
   * cases by the status index and sorting them is far slower for a status as common as `closed`.
   * A rarer status is still read by its index, the faster way for it.
   */
  statusIsCommon?: boolean;
}

/**
 * The queue's sort key: open cases by their next due date, open cases without a running clock after
 * them ('~' sorts after digits), closed and merged cases last ('~~'). Indexed as written
 * (db/migrations/0022_queue_open_first.sql): the cursor, the order and the due-date filters all use it.
 */
const sortKey = sql<string>`(CASE WHEN cases.status IN ('closed', 'merged') THEN '~~' ELSE coalesce(cases.next_due_at, '~') END)`;

/** The sort key of a row, as `sortKey` computes it in SQL: what a page's cursor carries. */
export const queueKeyOf = (row: { status: string; next_due_at: string | null }): string =>
  row.status === 'closed' || row.status === 'merged' ? '~~' : row.next_due_at ?? '~';

/** What a queue search looks for; each is an index range (case number, credit code, business name). */
export type QueueSearch = { caseNumber: string } | { creditCode: string } | { namePrefix: string };

// Above every character a name can hold: `name < prefix + this` closes the prefix range.
const AFTER_ALL = '\u{10FFFF}';

/**
 * The three ways a case is in someone's queue. Lead and co-handled are queried apart, because an OR
 * of the two keeps SQLite from walking the (department, due) index and a 1,000,000-case queue
 * would be scanned whole for every page.
 */
type Scope = { all: true } | { lead: string } | { cohandled: string };

function scopesOf(v: Visibility): Scope[] {
  return v.all ? [{ all: true }] : [{ lead: v.department }, { cohandled: v.department }];
}

function scopedCases(db: Kysely<Database>, scope: Scope, f: Omit<QueueFilter, 'after' | 'limit'>) {
  let q = db.selectFrom('cases');
  if ('lead' in scope) q = q.where('cases.department', '=', scope.lead);
  if ('cohandled' in scope) {
    q = q.where('cases.id', 'in', db.selectFrom('case_cohandlers').select('case_id').where('department', '=', scope.cohandled))
      .where((eb) => eb.or([eb('cases.department', 'is', null), eb('cases.department', '!=', scope.cohandled)]));
  }
  // The unary plus keeps SQLite from choosing the status index for a common status (statusIsCommon).
  if (f.status) q = f.statusIsCommon ? q.where(sql<SqlBool>`+cases.status = ${f.status}`) : q.where('cases.status', '=', f.status as CaseStatus);
  if (f.kind) q = q.where('cases.kind', '=', f.kind as CaseTable['kind']);
  if (f.category) q = q.where('cases.category', '=', f.category);
  if (f.triage) q = q.where('cases.department', 'is', null).where('cases.status', 'not in', ['closed', 'merged']);
  // Written on the indexed expression, so the due-date ranges are index ranges too.
  if (f.search && 'caseNumber' in f.search) q = q.where('cases.case_number', '=', f.search.caseNumber);
  if (f.search && 'creditCode' in f.search) q = q.where('cases.subject_credit_code', '=', f.search.creditCode);
  if (f.search && 'namePrefix' in f.search) {
    q = q.where('cases.subject_name', '>=', f.search.namePrefix).where('cases.subject_name', '<', `${f.search.namePrefix}${AFTER_ALL}`);
  }
  if (f.overdueBefore) q = q.where(sql<SqlBool>`${sortKey} < ${f.overdueBefore}`);
  if (f.dueBetween) q = q.where(sql<SqlBool>`${sortKey} >= ${f.dueBetween[0]} AND ${sortKey} <= ${f.dueBetween[1]}`);
  return q;
}

/** Binary order, as SQLite compares text (localeCompare would put '~' before the digits). */
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const queueOrder = (a: QueueRow, b: QueueRow) => cmp(queueKeyOf(a), queueKeyOf(b)) || cmp(a.case_number, b.case_number);

/** What a queue row shows: not the narrative, which would make a page's read several times larger. */
export const QUEUE_COLUMNS = [
  'id', 'case_number', 'kind', 'category', 'region', 'status', 'department', 'received_at', 'next_due_at',
  'pseudonym', 'urgent', 'urge_count', 'escalated', 'subject_name',
] as const;

export type QueueRow = Pick<CaseRow, (typeof QUEUE_COLUMNS)[number]>;

/** One keyset page of the queue, in the order of `sortKey`, then case number. */
export async function listQueuePage(db: Kysely<Database>, v: Visibility, f: QueueFilter): Promise<QueueRow[]> {
  const pages = await Promise.all(scopesOf(v).map((scope) => {
    let q = scopedCases(db, scope, f).select(QUEUE_COLUMNS.map((c) => `cases.${c}` as const));
    if (f.after) {
      const [key, number] = f.after;
      q = q.where(sql<SqlBool>`${sortKey} >= ${key} AND (${sortKey} > ${key} OR cases.case_number > ${number})`);
    }
    return q.orderBy(sortKey).orderBy('cases.case_number').limit(f.limit).execute();
  }));
  return pages.flat().sort(queueOrder).slice(0, f.limit);
}

export async function countQueue(db: Kysely<Database>, v: Visibility, f: Omit<QueueFilter, 'after' | 'limit'>) {
  const counts = await Promise.all(scopesOf(v).map(async (scope) =>
    Number((await scopedCases(db, scope, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)));
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * Cases by status. The lead and all-case counts come from case_counts (kept by triggers); the
 * co-handled ones, a short list, are counted.
 */
export async function countByStatus(db: Kysely<Database>, v: Visibility) {
  const rows = (await Promise.all(scopesOf(v).map((scope) => {
    if ('cohandled' in scope) {
      return scopedCases(db, scope, {}).select(['cases.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('cases.status').execute();
    }
    let q = db.selectFrom('case_counts').select(['status', 'n']).where('n', '>', 0);
    if ('lead' in scope) q = q.where('department', '=', scope.lead);
    return q.execute();
  }))).flat();
  const totals = new Map<string, number>();
  for (const r of rows) totals.set(r.status, (totals.get(r.status) ?? 0) + Number(r.n));
  return [...totals].map(([status, n]) => ({ status, n }));
}

export function findCaseByNumber(db: Kysely<Database>, caseNumber: string) {
  return db.selectFrom('cases').selectAll().where('case_number', '=', caseNumber).executeTakeFirst();
}

export function findCaseById(db: Kysely<Database>, id: string) {
  return db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listCohandlers(db: Kysely<Database>, caseId: string) {
  return (await db.selectFrom('case_cohandlers').select('department').where('case_id', '=', caseId).execute()).map((r) => r.department);
}

/**
 * The running clocks of a page of cases, earliest due first. Sorted here, not in SQL: an ORDER BY
 * due_at draws SQLite to the (status, due_at) index, which walks every running clock.
 */
export async function listRunningClocks(db: Kysely<Database>, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  const rows = await db.selectFrom('clocks').select(['case_id', 'clock', 'due_at', 'provisional'])
    .where('case_id', 'in', caseIds).where('status', '=', 'running').execute();
  return rows.sort((a, b) => a.due_at.localeCompare(b.due_at));
}

export function listClocks(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('clocks').selectAll().where('case_id', '=', caseId).orderBy('started_at').orderBy('id').execute();
}

export function listEvents(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('case_events').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy(sql`rowid`).execute();
}

export function listMessages(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('case_messages').selectAll().where('case_id', '=', caseId).orderBy('at').orderBy(sql`rowid`).execute();
}

export function listAssignments(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('case_assignments').selectAll().where('case_id', '=', caseId).orderBy('dispatched_at').execute();
}

/**
 * Likely duplicates: same credit code, or same business name and category, received within 90 days
 * before or after the case. Like the queue, the lead and co-handled cases are asked for apart, so each
 * query walks the index ranges; the window is closed on both sides, so an old case of a business named
 * in thousands of cases reads a few months of them, not every one since (at 1M cases an open window
 * held the event loop up to 224 ms on the case page).
 */
export async function findLikelyDuplicates(
  db: Kysely<Database>,
  c: { id: string; subject_credit_code: string | null; subject_name: string; category: string },
  window: { since: string; until: string },
  v: Visibility,
) {
  const { since, until } = window;
  // A department that co-handles no case skips the co-handled query: its index range of the business's
  // cases has no department to filter on, so it read each of them (1.5 ms for a business named in 800).
  const cohandles = v.all || (await db.selectFrom('case_cohandlers').select('case_id').where('department', '=', v.department).limit(1).executeTakeFirst()) !== undefined;
  const scopes = scopesOf(v).filter((scope) => cohandles || !('cohandled' in scope));
  const pages = await Promise.all(scopes.map((scope) => scopedCases(db, scope, {})
    .select(['cases.case_number', 'cases.kind', 'cases.category', 'cases.status', 'cases.received_at', 'cases.subject_name'])
    .where('cases.id', '!=', c.id)
    .where('cases.status', '!=', 'merged')
    .where((eb) => eb.or([
      ...(c.subject_credit_code
        ? [eb.and([eb('cases.subject_credit_code', '=', c.subject_credit_code), eb('cases.received_at', '>=', since), eb('cases.received_at', '<=', until)])]
        : []),
      eb.and([eb('cases.subject_name', '=', c.subject_name), eb('cases.category', '=', c.category), eb('cases.received_at', '>=', since), eb('cases.received_at', '<=', until)]),
    ]))
    .orderBy('cases.received_at')
    .limit(20)
    .execute()));
  return pages.flat().sort((a, b) => a.received_at.localeCompare(b.received_at) || a.case_number.localeCompare(b.case_number)).slice(0, 20);
}

/** `expect`: the status and department the change was planned from; another row state matches nothing. */
export function updateCaseQuery(
  db: Kysely<Database>, caseId: string, set: Updateable<CaseTable>, expect?: { status: CaseStatus; department: string | null },
): CompiledQuery {
  let q = db.updateTable('cases').set(set).where('id', '=', caseId);
  if (expect) q = q.where('status', '=', expect.status).where('department', 'is', expect.department);
  return q.compile();
}

/** Recomputes the queue's sort key after clocks changed; runs last in the batch. */
export function refreshNextDueQuery(db: Kysely<Database>, caseId: string): CompiledQuery {
  return db.updateTable('cases')
    .set({ next_due_at: sql`(SELECT min(due_at) FROM clocks WHERE clocks.case_id = ${caseId} AND clocks.status = 'running')` })
    .where('id', '=', caseId)
    .compile();
}
