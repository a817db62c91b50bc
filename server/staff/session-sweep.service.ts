/**
 * Deletes the sessions that can no longer be used: staff sessions past their end or idle too long,
 * follow-up sessions past their end. A check at use already refuses them; deleting them keeps the
 * token hashes of ended sessions from piling up (a staff sign-in used to be the only cleanup, and
 * follow-up sessions had none). Run by the periodic sweeper of each runtime.
 */
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { deleteExpiredFollowupSessionsQuery } from '../followup/followup.repository.js';
import { sweepSubmissionKeys } from '../intake/submit-once.service.js';
import { deleteExpiredSessionsQuery } from './sessions.repository.js';
import { nextTurn } from '../lib/turn.js';

const MINUTE = 60_000;
/**
 * Follow-up sessions deleted per statement. A busy day leaves tens of thousands ended at once, and one
 * statement deleting them all held the event loop (170 ms at the benchmark's start); between chunks the
 * loop turns.
 */
export const SESSION_SWEEP_CHUNK = 500;

/** Deletes every expired staff and follow-up session and submission key; returns how many follow-up sessions went. */
export async function sweepExpiredSessions(deps: Deps): Promise<{ followup: number }> {
  const now = deps.clock.now();
  const idleBefore = toShanghaiIso(new Date(now.getTime() - deps.config.INTAKE_SESSION_IDLE_MINUTES * MINUTE));
  await deps.batch([deleteExpiredSessionsQuery(deps.db, toShanghaiIso(now), idleBefore)]);
  let followup = 0;
  for (;;) {
    const [result] = await deps.batch([deleteExpiredFollowupSessionsQuery(deps.db, toShanghaiIso(now), SESSION_SWEEP_CHUNK)]);
    const deleted = Number(result?.numAffectedRows ?? 0);
    followup += deleted;
    if (deleted < SESSION_SWEEP_CHUNK) break;
    await nextTurn();
  }
  // Submission idempotency keys past their day, and form answers never shown, go with them.
  await sweepSubmissionKeys(deps);
  return { followup };
}
