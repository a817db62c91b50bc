/**
 * The Node process's background work: drains the outbox every few seconds and sweeps the clocks
 * (and deletes expired sessions) every minute. One round at a time (a slow SMTP server delays the next round, it never doubles
 * it); several processes may run it side by side, since each row is claimed before it is sent.
 */
import { anchorAuditLog } from '../audit/anchor.service.js';
import type { Deps } from '../deps.js';
import { drainOutbox } from '../notify/outbox.service.js';
import { sweepClocks } from '../notify/sweeper.service.js';
import { sweepExpiredSessions } from '../staff/session-sweep.service.js';

export interface WorkerLoopOptions {
  drainEveryMs?: number;
  sweepEveryMs?: number;
}

export interface WorkerLoop {
  /** Stops scheduling and waits for the round in progress, so no send is cut off mid-way. */
  stop(): Promise<void>;
}

const errorText = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err));

export function startWorkerLoop(deps: Deps, options: WorkerLoopOptions = {}): WorkerLoop {
  const drainEveryMs = options.drainEveryMs ?? 5_000;
  const sweepEveryMs = options.sweepEveryMs ?? 60_000;
  let stopped = false;
  let lastSweep = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  async function round() {
    if (Date.now() - lastSweep >= sweepEveryMs) {
      lastSweep = Date.now();
      // Each step logs only its own failure: a broken sweep must not stop mail, nor the reverse.
      await sweepClocks(deps).catch((err: unknown) => deps.log(`clock sweep failed: ${errorText(err)}`));
      await sweepExpiredSessions(deps).catch((err: unknown) => deps.log(`session sweep failed: ${errorText(err)}`));
      // The audit log's anchor: to the file beside the database when it grew, to the auditors once a day.
      await anchorAuditLog(deps).catch((err: unknown) => deps.log(`audit anchor failed: ${errorText(err)}`));
    }
    const sent = await drainOutbox(deps).catch((err: unknown) => {
      deps.log(`outbox drain failed: ${errorText(err)}`);
      return null;
    });
    if (sent && sent.sent + sent.retried + sent.failed > 0) {
      deps.log(`outbox: ${sent.sent} sent, ${sent.retried} to retry, ${sent.failed} failed`);
    }
  }

  function schedule() {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(schedule);
    }, drainEveryMs);
  }

  // The first round right away: mail queued while the process was down goes out at start.
  running = round().finally(schedule);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
