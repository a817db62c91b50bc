/**
 * The cron triggers of wrangler.toml. Every minute the outbox is drained; every five minutes the
 * clock sweeper queues what falls due, is overdue or must be escalated (and the outbox is drained
 * right after, so those notices leave in the same run). Both are safe to overlap: the outbox claims
 * rows with a conditional update and the sweeper marks each notice in the batch that queues it.
 */
import type { Deps } from '../deps.js';
import { drainOutbox } from '../notify/outbox.service.js';
import { sweepClocks } from '../notify/sweeper.service.js';

export const DRAIN_CRON = '* * * * *';
export const SWEEP_CRON = '*/5 * * * *';

// An invocation may make at most 1,000 D1 queries and subrequests (paid plan); one mail costs about
// eight (claim, compose, send, record), so a run sends at most 100 and the next minute goes on.
const MAX_MAILS_PER_RUN = 100;

/** Runs what the cron expression stands for; returns a log line with the counts. */
export async function runScheduled(deps: Deps, cron: string): Promise<string> {
  const parts: string[] = [];
  if (cron === SWEEP_CRON) {
    const s = await sweepClocks(deps);
    parts.push(`sweep: ${s.dueSoon} due soon, ${s.overdue} overdue, ${s.escalated} escalated, ${s.digests} digests`);
  }
  const d = await drainOutbox(deps, { maxRows: MAX_MAILS_PER_RUN });
  parts.push(`outbox: ${d.sent} sent, ${d.retried} to retry, ${d.failed} failed`);
  return `cron ${cron}: ${parts.join('; ')}`;
}
