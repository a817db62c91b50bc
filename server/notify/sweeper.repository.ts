/** Queries of the clock sweeper and the digest: running clocks near their due time, new cases. */
import { nanoid } from 'nanoid';
import { newRowId } from '../lib/ids.js';
import { sql, type CompiledQuery, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { nextTurn } from '../lib/turn.js';

export type ClockMarker = 'due_soon_notified_at' | 'overdue_notified_at' | 'escalated_at';

/** Rows per query of the watched clocks: at a million cases one query for all of them held the event loop 150–220 ms. */
const WATCH_PAGE = 500;

/** A watched clock with what the notices and the digest's lines need of its case. */
export type WatchedClockRow = Pick<Selectable<Database['clocks']>,
  'id' | 'case_id' | 'clock' | 'due_at' | 'due_soon_notified_at' | 'overdue_notified_at' | 'escalated_at'>
  & Pick<Selectable<Database['cases']>, 'case_number' | 'department' | 'category' | 'urgent'>;

/** A row of a page, with the clock's rowid, where the next page starts. */
type ClockPageRow = WatchedClockRow & { rowid: number };

/**
 * One page of WATCH_PAGE clocks of open cases, with their cases, read along `index` in (due_at, rowid)
 * order after `after`. Deadlines fall at the end of a day, so thousands of clocks share one due time:
 * each page starts with a row-value comparison the index seeks. With the `OR` of "later, or as late and
 * after" each page read the index again from its start (at a million cases the digest's 156 pages took
 * up to 1.4 s each, 42 s in all). The index is named: for the clocks owed a "due soon" the planner,
 * left to itself, read every clock of the window by (status, due_at), for the few still owed (80 ms).
 */
function clockPageQuery(
  index: 'clocks_running_due' | 'clocks_watch' | 'clocks_due_soon_owed', where: RawBuilder<unknown>,
  after: { due_at: string; rowid: number } | undefined,
) {
  const seek = after ? sql`AND (clocks.due_at, clocks.rowid) > (${after.due_at}, ${after.rowid})` : sql``;
  return sql<ClockPageRow>`SELECT clocks.id, clocks.case_id, clocks.clock, clocks.due_at, clocks.due_soon_notified_at,
      clocks.overdue_notified_at, clocks.escalated_at, clocks.rowid AS rowid,
      cases.case_number, cases.department, cases.category, cases.urgent
    FROM clocks INDEXED BY ${sql.raw(index)} JOIN cases ON cases.id = clocks.case_id
    WHERE ${where} ${seek} AND cases.status NOT IN ('closed', 'merged')
    ORDER BY clocks.due_at, clocks.rowid LIMIT ${WATCH_PAGE}`;
}

/** Every running clock due by `horizon` (the digest's lines), along the (status, due_at) index. */
export function runningClockPageQuery(horizon: string, after: { due_at: string; rowid: number } | undefined) {
  return clockPageQuery('clocks_running_due', sql`clocks.status = 'running' AND clocks.due_at <= ${horizon}`, after);
}

/**
 * The clocks still owed a notice at `owedAt` (now), by two indexes in (due_at, rowid) order (migration
 * 0037): 'overdue', the running clocks due before `owedAt` and not escalated (owed the overdue notice or
 * the escalation, which noticesFor times; escalation is a clock's last notice, the markers set in that
 * order); 'dueSoon', those due from `owedAt` to `horizon` not yet told "due soon" (a "due soon" is no
 * longer owed once the clock is overdue).
 */
export function owedClockPageQuery(
  part: 'overdue' | 'dueSoon', bounds: { owedAt: string; horizon: string }, after: { due_at: string; rowid: number } | undefined,
) {
  return part === 'overdue'
    ? clockPageQuery('clocks_watch', sql`clocks.status = 'running' AND clocks.escalated_at IS NULL AND clocks.due_at < ${bounds.owedAt}`, after)
    : clockPageQuery('clocks_due_soon_owed', sql`clocks.status = 'running' AND clocks.escalated_at IS NULL
        AND clocks.due_soon_notified_at IS NULL AND clocks.due_at >= ${bounds.owedAt} AND clocks.due_at <= ${bounds.horizon}`, after);
}

/** A keyset query read page by page: each page after the last one's final row, the event loop let go between pages. */
async function* inPages(read: (after: ClockPageRow | undefined) => Promise<ClockPageRow[]>): AsyncGenerator<WatchedClockRow> {
  for (let after: ClockPageRow | undefined; ;) {
    const page = await read(after);
    for (const { rowid: _rowid, ...c } of page) yield c;
    if (page.length < WATCH_PAGE) return;
    after = page[page.length - 1];
    await nextTurn();
  }
}

/**
 * The watched clocks page by page, with their cases: given `owedAt`, those owed a notice (the sweep:
 * the overdue ones, then those owed a "due soon"); without, every running clock of an open case due
 * by `horizon` (the digest). Either way in due order.
 */
export async function* watchedClocks(db: Kysely<Database>, horizon: string, owedAt?: string): AsyncGenerator<WatchedClockRow> {
  const queries = owedAt === undefined
    ? [(after?: ClockPageRow) => runningClockPageQuery(horizon, after)]
    : (['overdue', 'dueSoon'] as const).map((part) => (after?: ClockPageRow) => owedClockPageQuery(part, { owedAt, horizon }, after));
  for (const query of queries) yield* inPages((after) => query(after).execute(db).then((r) => r.rows));
}

/** Every watched clock at once (the digest's lines), read page by page. */
export async function listWatchedClocks(db: Kysely<Database>, horizon: string, owedAt?: string): Promise<WatchedClockRow[]> {
  const rows: WatchedClockRow[] = [];
  for await (const c of watchedClocks(db, horizon, owedAt)) rows.push(c);
  return rows;
}


export interface NoticeMail {
  caseId: string;
  template: string;
  department: string;
  params: Record<string, unknown>;
  at: string;
}

/**
 * An outbox row inserted only while the clock's marker is still empty. Put before the marker's
 * update in one batch, two sweepers racing over the same clock enqueue the mail once.
 */
export function guardedOutboxInsert(db: Kysely<Database>, clockId: string, marker: ClockMarker, m: NoticeMail): CompiledQuery {
  return db.insertInto('outbox')
    .columns(['id', 'case_id', 'template', 'recipient_type', 'recipient_ref', 'params', 'next_attempt_at', 'message_id', 'created_at'])
    .expression(db.selectFrom('clocks').select((eb) => [
      eb.val(newRowId()).as('id'), eb.val(m.caseId).as('case_id'), eb.val(m.template).as('template'),
      eb.val('department').as('recipient_type'), eb.val(m.department).as('recipient_ref'),
      eb.val(JSON.stringify(m.params)).as('params'), eb.val(m.at).as('next_attempt_at'),
      eb.val(`<${nanoid()}@intake>`).as('message_id'), eb.val(m.at).as('created_at'),
    ]).where('id', '=', clockId).where(marker, 'is', null))
    .compile();
}

/** The escalation's timeline entry, under the same guard. */
export function guardedEscalationEvent(
  db: Kysely<Database>, clockId: string, e: { caseId: string; note: string; data: Record<string, unknown>; at: string },
): CompiledQuery {
  return db.insertInto('case_events')
    .columns(['id', 'case_id', 'at', 'event', 'actor', 'note', 'data', 'public'])
    .expression(db.selectFrom('clocks').select((eb) => [
      eb.val(newRowId()).as('id'), eb.val(e.caseId).as('case_id'), eb.val(e.at).as('at'), eb.val('escalated').as('event'),
      eb.val('system').as('actor'), eb.val(e.note).as('note'), eb.val(JSON.stringify(e.data)).as('data'),
      eb.val(0).as('public'),
    ]).where('id', '=', clockId).where('escalated_at', 'is', null))
    .compile();
}

export function setClockMarkerQuery(db: Kysely<Database>, clockId: string, marker: ClockMarker, at: string): CompiledQuery {
  return db.updateTable('clocks').set({ [marker]: at }).where('id', '=', clockId).where(marker, 'is', null).compile();
}

export function markCaseEscalatedQuery(db: Kysely<Database>, caseId: string, at: string): CompiledQuery {
  return db.updateTable('cases').set({ escalated: 1, updated_at: at }).where('id', '=', caseId).compile();
}

/** Cases received in [from, to), with their lead department (null: triage). */
export function listCasesReceivedBetween(db: Kysely<Database>, from: string, to: string) {
  return db.selectFrom('cases').select(['case_number', 'department'])
    .where('received_at', '>=', from).where('received_at', '<', to)
    .orderBy('case_number').execute();
}

/** Which of these departments' digests of `day` are already in the outbox (looked up by their ids). */
export async function listDigestedDepartments(db: Kysely<Database>, departments: string[], day: string): Promise<Set<string>> {
  if (departments.length === 0) return new Set();
  const rows = await db.selectFrom('outbox').select('recipient_ref')
    .where('id', 'in', departments.map((d) => digestId(d, day))).execute();
  return new Set(rows.map((r) => r.recipient_ref));
}

const digestId = (department: string, day: string) => `digest-${department}-${day}`;

/** A department's digest of `day`; its id makes a second one for the same day a no-op. */
export function digestInsertQuery(db: Kysely<Database>, department: string, day: string, params: Record<string, unknown>, at: string): CompiledQuery {
  const id = digestId(department, day);
  return db.insertInto('outbox').values({
    id, case_id: null, template: 'department_digest', recipient_type: 'department', recipient_ref: department,
    params: JSON.stringify(params), next_attempt_at: at, message_id: `<${id}@intake>`, created_at: at,
  }).onConflict((oc) => oc.column('id').doNothing()).compile();
}
