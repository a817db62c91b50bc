/** What admins see of the outbox, and putting a failed mail back in the queue. */
import type { OutboxStatus } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { countOutboxByStatus, findOutboxRow, listOutboxForAdmin, requeueOutboxQuery } from './outbox.repository.js';

export interface OutboxItem {
  id: string;
  template: string;
  /** A department code, or only 'reporter' / 'address': never a reporter's address. */
  recipient: { type: 'department'; department: string } | { type: 'reporter' } | { type: 'address' };
  caseNumber: string | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  claimedAt: string | null;
}

type AdminRow = Awaited<ReturnType<typeof listOutboxForAdmin>>[number];

function itemOf(r: AdminRow): OutboxItem {
  return {
    id: r.id,
    template: r.template,
    recipient: r.recipient_type === 'department' ? { type: 'department', department: r.recipient_ref } : { type: r.recipient_type },
    caseNumber: r.case_number,
    status: r.status,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    sentAt: r.sent_at,
    claimedAt: r.claimed_at,
  };
}

/** The newest rows (of one status, if given) and the count of each status. */
export async function listOutbox(deps: Deps, filter: { status?: OutboxStatus | undefined; limit: number }) {
  const [rows, counts] = await Promise.all([listOutboxForAdmin(deps.db, filter), countOutboxByStatus(deps.db)]);
  return { items: rows.map(itemOf), counts };
}

/** Puts a failed row back in the queue for the worker's next round; audited. */
export async function retryOutbox(deps: Deps, actor: Actor, id: string): Promise<void> {
  const row = await findOutboxRow(deps.db, id);
  if (!row) throw new AppError('not_found', `No outbox row ${id.slice(0, 40)}.`);
  if (row.status !== 'failed') throw new AppError('conflict', `Only a failed mail can be retried; this one is ${row.status}.`);
  const [result] = await commitWithAudit(deps, [requeueOutboxQuery(deps.db, id, toShanghaiIso(deps.clock.now()))], [
    { actor: actor.username, action: 'outbox.retry', caseId: row.case_id, detail: { outbox: id, template: row.template, attempts: row.attempts } },
  ]);
  if (Number(result?.numAffectedRows ?? 0) !== 1) throw new AppError('conflict', 'The mail changed meanwhile; reload and try again.');
}
