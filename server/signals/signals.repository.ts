/**
 * Reads and writes of quality signals; the counting itself is done in the writing transaction
 * (server/signals/settle.ts). A signal's count is read from its linked cases: the counting links a
 * case and no more, and a merge takes the link away. A signal's links are in signal_cases and, for
 * cases that joined it lately, in signal_joins (0040; a few thousand rows at most).
 */
import { nanoid } from 'nanoid';
import { sql, type CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Database, SignalStatus, SignalTable } from '../../db/schema.js';
import { newRowId } from '../lib/ids.js';

export type SignalRow = Omit<Selectable<SignalTable>, 'count'> & { count: number };

/** Signals with their count of the cases linked in signal_cases (the stored count is the one it was raised with, not kept after). */
function signalsWithCount(db: Kysely<Database>) {
  return db.selectFrom('signals').select([
    'id', 'type', 'key', 'window_start', 'window_end', 'window_days', 'status', 'reason', 'raised_at', 'decided_by', 'decided_at', 'mailed',
    (eb) => eb.selectFrom('signal_cases').select((c) => c.fn.countAll<number>().as('n')).whereRef('signal_cases.signal_id', '=', 'signals.id').as('count'),
  ]).$narrowType<{ count: number }>();
}

/**
 * The signals a query picks, each counted with the cases waiting in signal_joins too: that small
 * table read once for all of them, grouped, with no list of ids (D1 takes at most 100 bound
 * parameters a query). Every read of signals goes through here, so no count misses the joins.
 */
async function readSignals(
  db: Kysely<Database>,
  pick: (q: ReturnType<typeof signalsWithCount>) => ReturnType<typeof signalsWithCount>,
): Promise<SignalRow[]> {
  const rows = await pick(signalsWithCount(db)).execute();
  if (rows.length === 0) return rows;
  const joined = await db.selectFrom('signal_joins').select((eb) => ['signal_id', eb.fn.countAll<number>().as('n')])
    .groupBy('signal_id').execute();
  const n = new Map(joined.map((j) => [j.signal_id, Number(j.n)]));
  return rows.map((r) => ({ ...r, count: Number(r.count) + (n.get(r.id) ?? 0) }));
}

/** Signals newest first, of one status or all. */
export function listSignalRows(db: Kysely<Database>, status: SignalStatus | undefined, limit: number): Promise<SignalRow[]> {
  return readSignals(db, (q) => (status ? q.where('status', '=', status) : q).orderBy('raised_at', 'desc').orderBy('id').limit(limit));
}

export async function findSignalRow(db: Kysely<Database>, id: string): Promise<SignalRow | undefined> {
  return (await readSignals(db, (q) => q.where('id', '=', id)))[0];
}

/** The case numbers linked to each signal, in order of receipt. */
export async function listSignalCaseNumbers(db: Kysely<Database>, signalIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(signalIds.map((id) => [id, []]));
  if (signalIds.length === 0) return out;
  // The ids as one JSON parameter (D1 takes at most 100 bound parameters a query), read by both tables.
  const ids = sql<boolean>`signal_id IN (SELECT value FROM json_each(${JSON.stringify(signalIds)}))`;
  const links = db.selectFrom('signal_cases').select(['signal_id', 'case_id']).where(ids)
    .unionAll(db.selectFrom('signal_joins').select(['signal_id', 'case_id']).where(ids));
  const rows = await db.selectFrom(links.as('l')).innerJoin('cases', 'cases.id', 'l.case_id')
    .select(['l.signal_id', 'cases.case_number'])
    .orderBy('cases.received_at').orderBy('cases.case_number')
    .execute();
  for (const r of rows) out.get(r.signal_id)?.push(r.case_number);
  return out;
}

/** Decides an open signal; changes no row when it was decided meanwhile (follow with the write guard). */
export function decideSignalQuery(
  db: Kysely<Database>, id: string, d: { status: Exclude<SignalStatus, 'open'>; reason: string | null; by: string; at: string },
): CompiledQuery {
  return db.updateTable('signals').set({ status: d.status, reason: d.reason, decided_by: d.by, decided_at: d.at })
    .where('id', '=', id).where('status', '=', 'open').compile();
}

/** The thresholds the triggers read, written only when they differ from the settings. */
export function writeSignalSettingsQuery(db: Kysely<Database>, s: { minCases: number; windowDays: number; enabled: boolean }): CompiledQuery {
  const enabled = s.enabled ? 1 : 0;
  return db.updateTable('signal_settings').set({ min_cases: s.minCases, window_days: s.windowDays, enabled })
    .where('id', '=', 1)
    .where((eb) => eb.or([eb('min_cases', '!=', s.minCases), eb('window_days', '!=', s.windowDays), eb('enabled', '!=', enabled)]))
    .compile();
}

export function readSignalSettings(db: Kysely<Database>) {
  return db.selectFrom('signal_settings').selectAll().where('id', '=', 1).executeTakeFirst();
}

/** Signals whose risk-desk mail is not queued yet, oldest first. */
export function listUnmailedSignals(db: Kysely<Database>, limit: number): Promise<SignalRow[]> {
  return readSignals(db, (q) => q.where('mailed', '=', 0).orderBy('raised_at').limit(limit));
}

/**
 * The mail of one signal to one department, inserted only while the signal's mailed flag is 0. Put
 * before markSignalMailedQuery in one batch: two sweeps racing over the same signal queue it once.
 */
export function guardedSignalMailQuery(
  db: Kysely<Database>, signalId: string, m: { department: string; params: Record<string, unknown>; at: string },
): CompiledQuery {
  return db.insertInto('outbox')
    .columns(['id', 'case_id', 'template', 'recipient_type', 'recipient_ref', 'params', 'next_attempt_at', 'message_id', 'created_at'])
    .expression(db.selectFrom('signals').select((eb) => [
      eb.val(newRowId()).as('id'), eb.val(null).as('case_id'), eb.val('signal_raised').as('template'),
      eb.val('department').as('recipient_type'), eb.val(m.department).as('recipient_ref'),
      eb.val(JSON.stringify(m.params)).as('params'), eb.val(m.at).as('next_attempt_at'),
      eb.val(`<${nanoid()}@intake>`).as('message_id'), eb.val(m.at).as('created_at'),
    ]).where('id', '=', signalId).where('mailed', '=', 0))
    .compile();
}

export function markSignalMailedQuery(db: Kysely<Database>, signalId: string): CompiledQuery {
  return db.updateTable('signals').set({ mailed: 1 }).where('id', '=', signalId).where('mailed', '=', 0).compile();
}

/** A region's names, for the spike mail's city. */
export function findRegionNames(db: Kysely<Database>, code: string) {
  return db.selectFrom('regions').select(['name_zh', 'name_en']).where('code', '=', code).executeTakeFirst();
}
