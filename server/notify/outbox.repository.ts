/** Reads and updates outbox rows for the worker and the admin view. */
import { nanoid } from 'nanoid';
import { newRowId } from '../lib/ids.js';
import type { CompiledQuery, Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OutboxStatus, OutboxTable } from '../../db/schema.js';

export type OutboxRow = Selectable<OutboxTable>;

/** An outbox row for another feature's batch: the recipient is a reference, never a reporter's address. */
export function outboxInsertQuery(
  db: Kysely<Database>,
  row: Pick<Insertable<OutboxTable>, 'case_id' | 'template' | 'recipient_type' | 'recipient_ref'> & { params: Record<string, unknown>; at: string },
): CompiledQuery {
  return db.insertInto('outbox').values({
    id: newRowId(), case_id: row.case_id, template: row.template, recipient_type: row.recipient_type,
    recipient_ref: row.recipient_ref, params: JSON.stringify(row.params), next_attempt_at: row.at,
    message_id: `<${nanoid()}@intake>`, created_at: row.at,
  }).compile();
}

/**
 * Rows due now: queued and due, or 'sending' under a claim older than the lease (a dead worker).
 * Asked for apart, each in its index's order: as one OR, SQLite collected and sorted every due row
 * before taking the first few, a slow round with thousands queued.
 */
export async function listDueOutbox(db: Kysely<Database>, now: string, staleBefore: string, limit: number) {
  const [queued, stale] = await Promise.all([
    db.selectFrom('outbox').selectAll().where('status', '=', 'queued').where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at').orderBy('id').limit(limit).execute(),
    db.selectFrom('outbox').selectAll().where('status', '=', 'sending').where('claimed_at', '<=', staleBefore)
      .orderBy('claimed_at').limit(limit).execute(),
  ]);
  return [...queued, ...stale]
    .sort((a, b) => a.next_attempt_at.localeCompare(b.next_attempt_at) || a.id.localeCompare(b.id))
    .slice(0, limit);
}

/**
 * Takes a row for one attempt. The same condition as listDueOutbox, re-checked in the UPDATE, so of
 * two workers that read the same row only one changes it (1 row affected); the other sees 0 rows and
 * moves on. Run as a batch: it then shares a commit with whatever else is being written.
 */
export function claimOutboxQuery(db: Kysely<Database>, id: string, now: string, staleBefore: string): CompiledQuery {
  return db.updateTable('outbox')
    .set((eb) => ({ status: 'sending', claimed_at: now, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where((eb) => eb.or([
      eb.and([eb('status', '=', 'queued'), eb('next_attempt_at', '<=', now)]),
      eb.and([eb('status', '=', 'sending'), eb('claimed_at', '<=', staleBefore)]),
    ]))
    .compile();
}

/** Records the outcome of the attempt made under the claim `claimedAt` (a later claim wins). */
export function finishOutboxQuery(
  db: Kysely<Database>,
  id: string,
  claimedAt: string,
  set: { status: OutboxStatus; sent_at?: string; next_attempt_at?: string; last_error?: string | null },
): CompiledQuery {
  return db.updateTable('outbox').set(set)
    .where('id', '=', id).where('status', '=', 'sending').where('claimed_at', '=', claimedAt)
    .compile();
}

export function findOutboxRow(db: Kysely<Database>, id: string) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A failed row back in the queue, its attempts counted afresh. */
export function requeueOutboxQuery(db: Kysely<Database>, id: string, now: string): CompiledQuery {
  return db.updateTable('outbox')
    .set({ status: 'queued', attempts: 0, next_attempt_at: now, claimed_at: null })
    .where('id', '=', id).where('status', '=', 'failed')
    .compile();
}

/** The admin list, newest first, with the case number (never the params or a reporter's address). */
export function listOutboxForAdmin(db: Kysely<Database>, filter: { status?: OutboxStatus | undefined; limit: number }) {
  let q = db.selectFrom('outbox').leftJoin('cases', 'cases.id', 'outbox.case_id')
    .select([
      'outbox.id', 'outbox.template', 'outbox.recipient_type', 'outbox.recipient_ref', 'outbox.status', 'outbox.attempts',
      'outbox.next_attempt_at', 'outbox.last_error', 'outbox.created_at', 'outbox.sent_at', 'outbox.claimed_at',
      'cases.case_number',
    ]);
  if (filter.status) q = q.where('outbox.status', '=', filter.status);
  return q.orderBy('outbox.created_at', 'desc').orderBy('outbox.id').limit(filter.limit).execute();
}

export async function countOutboxByStatus(db: Kysely<Database>): Promise<Record<OutboxStatus, number>> {
  const rows = await db.selectFrom('outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status').execute();
  const counts: Record<OutboxStatus, number> = { queued: 0, sending: 0, sent: 0, failed: 0 };
  for (const r of rows) counts[r.status] = Number(r.n);
  return counts;
}
