/**
 * The cron trigger of wrangler.toml, every minute (the finest a cron allows; `npm start` sweeps
 * every minute and sends every 5 s): the clock sweeper queues what falls due, is overdue or must
 * be escalated, then the outbox sends what is queued, those notices included. Overlapping runs are
 * safe: the outbox claims rows with a conditional update and the sweeper marks each notice in the
 * batch that queues it.
 */
import { anchorAuditLog } from '../audit/anchor.service.js';
import type { Deps } from '../deps.js';
import { drainOutbox } from '../notify/outbox.service.js';
import { sweepClocks } from '../notify/sweeper.service.js';
import { sweepExpiredSessions } from '../staff/session-sweep.service.js';

// An invocation may make at most 1,000 D1 queries and subrequests (paid plan); one mail costs about
// eight (claim, compose, send, record), so a run sends at most 100 and the next minute goes on.
const MAX_MAILS_PER_RUN = 100;

/** Sweeps the clocks, then drains the outbox; returns a log line with the counts. */
export async function runScheduled(deps: Deps, cron: string): Promise<string> {
  const s = await sweepClocks(deps);
  // No anchors file on Workers: the auditors' daily mail is the anchor (queued before the drain sends it).
  const anchor = await anchorAuditLog(deps).then((r) => `audit anchor: ${r.mailed} mailed`, (err: unknown) =>
    `audit anchor failed: ${err instanceof Error ? err.message : String(err)}`);
  const d = await drainOutbox(deps, { maxRows: MAX_MAILS_PER_RUN });
  // Two D1 queries; after the mail, so a failure here never holds it back.
  const sessions = await sweepExpiredSessions(deps).then((r) => `${r.followup} follow-up sessions ended`, (err: unknown) =>
    `session sweep failed: ${err instanceof Error ? err.message : String(err)}`);
  return `cron ${cron}: sweep: ${s.dueSoon} due soon, ${s.overdue} overdue, ${s.escalated} escalated, ${s.digests} digests; ` +
    `outbox: ${d.sent} sent, ${d.retried} to retry, ${d.failed} failed; ${sessions}; ${anchor}`;
}
