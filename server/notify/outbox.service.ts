/**
 * The outbox worker. Delivery is at-least-once with an idempotent Message-ID:
 *
 * 1. claim — a conditional UPDATE (queued → sending, attempts + 1, claimed_at) that only one worker
 *    can win, so two workers never send the same row at the same time; a round's rows (10) are
 *    claimed in one batch, sharing one commit;
 * 2. send — through deps.mailer with the row's Message-ID, fixed when the row was written;
 * 3. record — sent, or back to queued after an exponential backoff, or failed after N attempts.
 *
 * A worker that dies between 2 and 3 leaves the row 'sending'. Once its claim is older than the
 * lease the row is claimed again and sent again with the same Message-ID. Nothing is lost; a mail
 * may arrive twice, and receivers (and the people reading them) recognise the duplicate by its
 * Message-ID. Exactly-once is impossible without the SMTP server taking part in our transaction.
 */
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { composeMail } from './message.js';
import { claimOutboxQuery, finishOutboxQuery, listDueOutbox, type OutboxRow } from './outbox.repository.js';
import { PermanentMailError, recipientLabel, safeErrorText } from './recipients.js';

export interface DrainOptions {
  /** Rows read per round. */
  batchSize: number;
  /** Rows handled per call at most, so one call cannot run for ever. */
  maxRows: number;
  /** Attempts before a row is given up as 'failed' (default from INTAKE_MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** A 'sending' row claimed longer ago than this belongs to a dead worker. */
  leaseMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DRAIN_DEFAULTS: Omit<DrainOptions, 'maxAttempts'> = {
  batchSize: 10,
  maxRows: 200,
  // Far above any SMTP timeout (nodemailer gives up on a dead connection within minutes).
  leaseMs: 10 * 60_000,
  baseDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
};

export type Outcome = 'sent' | 'retried' | 'failed';
export type DrainSummary = Record<Outcome, number>;

/** Delay before attempt n + 1 after n failed attempts: 1 min × 2^(n−1), at most the cap (1 h). */
export function backoffMs(attempts: number, o: Pick<DrainOptions, 'baseDelayMs' | 'maxDelayMs'> = DRAIN_DEFAULTS): number {
  return Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** Math.max(0, attempts - 1));
}

async function recordSent(deps: Deps, row: OutboxRow, claimedAt: string): Promise<void> {
  const done = finishOutboxQuery(deps.db, row.id, claimedAt, { status: 'sent', sent_at: toShanghaiIso(deps.clock.now()), last_error: null });
  if (row.recipient_type !== 'reporter') {
    await deps.batch([done]);
    return;
  }
  // Reading a sealed identity is an access to protected data: it is audited like any other.
  await commitWithAudit(deps, [done], [
    { actor: 'system', action: 'identity.mail_address_used', caseId: row.case_id, detail: { outbox: row.id, template: row.template } },
  ]);
}

async function recordFailure(deps: Deps, row: OutboxRow, claimedAt: string, err: unknown, o: DrainOptions): Promise<Outcome> {
  const attempts = row.attempts + 1;
  const permanent = err instanceof PermanentMailError;
  const giveUp = permanent || attempts >= o.maxAttempts;
  const reason = safeErrorText(err);
  const lastError = permanent ? reason : `attempt ${attempts}/${o.maxAttempts}: ${reason}`;
  const next = new Date(deps.clock.now().getTime() + backoffMs(attempts, o));
  await deps.batch([finishOutboxQuery(deps.db, row.id, claimedAt, giveUp
    ? { status: 'failed', last_error: lastError }
    : { status: 'queued', last_error: lastError, next_attempt_at: toShanghaiIso(next) })]);
  deps.log(`outbox ${row.id} (${row.template} → ${recipientLabel(row)}) ${giveUp ? 'failed' : 'will be retried'}: ${lastError}`);
  return giveUp ? 'failed' : 'retried';
}

/**
 * Claims a round's rows in one batch (one commit for all of them); returns those this worker won,
 * with the claim time their outcome is recorded under.
 */
async function claimRound(deps: Deps, rows: OutboxRow[], o: DrainOptions): Promise<{ row: OutboxRow; claimedAt: string }[]> {
  const now = deps.clock.now();
  const claimedAt = toShanghaiIso(now);
  const staleBefore = toShanghaiIso(new Date(now.getTime() - o.leaseMs));
  const results = await deps.batch(rows.map((row) => claimOutboxQuery(deps.db, row.id, claimedAt, staleBefore)));
  return rows.flatMap((row, i) => (Number(results[i]?.numAffectedRows ?? 0) === 1 ? [{ row, claimedAt }] : []));
}

/** One attempt at a row this worker has claimed. */
async function deliver(deps: Deps, row: OutboxRow, claimedAt: string, o: DrainOptions): Promise<Outcome> {
  try {
    if (row.attempts >= o.maxAttempts) {
      // A row whose last attempt ended with its worker (or the limit was lowered since).
      const stopped = row.status === 'sending' ? '; the last ended without a result (worker stopped)' : '';
      throw new PermanentMailError(`gave up after ${row.attempts} attempts${stopped}`);
    }
    await deps.mailer.send(await composeMail(deps, row));
  } catch (err) {
    return recordFailure(deps, row, claimedAt, err, o);
  }
  await recordSent(deps, row, claimedAt);
  return 'sent';
}

/** Sends what is due, in small rounds; returns how many rows were sent, put back, or given up. */
export async function drainOutbox(deps: Deps, options: Partial<DrainOptions> = {}): Promise<DrainSummary> {
  const o: DrainOptions = { ...DRAIN_DEFAULTS, maxAttempts: deps.config.INTAKE_MAIL_MAX_ATTEMPTS, ...options };
  const summary: DrainSummary = { sent: 0, retried: 0, failed: 0 };
  // A holding mailer would only burn attempts until each row failed: leave them queued instead.
  if (deps.mailer.holds) return summary;
  for (let handled = 0; handled < o.maxRows;) {
    const now = deps.clock.now();
    const due = await listDueOutbox(deps.db, toShanghaiIso(now), toShanghaiIso(new Date(now.getTime() - o.leaseMs)),
      Math.min(o.batchSize, o.maxRows - handled));
    if (due.length === 0) break;
    for (const { row, claimedAt } of await claimRound(deps, due, o)) {
      summary[await deliver(deps, row, claimedAt, o)] += 1;
    }
    handled += due.length;
  }
  return summary;
}
