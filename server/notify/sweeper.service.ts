/**
 * The clock sweeper, run on an interval: tells departments what falls due soon and what is
 * overdue, escalates what stays overdue, and queues the daily digests. Each notice is sent once
 * per clock: its marker is set in the same atomic batch as its outbox row, and the row is only
 * inserted while the marker is empty, so repeated or concurrent sweeps add nothing.
 */
import type { CompiledQuery } from 'kysely';
import { commitWithAudit } from '../audit/audit.service.js';
import type { CalendarData } from '../clocks/calendar.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { expireRewards } from '../rewards/expiry.service.js';
import { queueSignalMail } from '../signals/signal-mail.service.js';
import { markEndedWindows } from '../stats/counters.service.js';
import { reportEndedMonth } from '../stats/reports.service.js';
import { enqueueDigests } from './digest.service.js';
import { intakeCentreCode, noticesFor, watchHorizon } from './sweep-rules.js';
import {
  guardedEscalationEvent, guardedOutboxInsert, watchedClocks, markCaseEscalatedQuery, setClockMarkerQuery,
  type WatchedClockRow,
} from './sweeper.repository.js';

export interface SweepSummary {
  dueSoon: number;
  overdue: number;
  escalated: number;
  digests: number;
}

const intakeCentre = (deps: Deps) => intakeCentreCode(deps.config.INTAKE_PROVINCE);

const changed = (result: { numAffectedRows?: bigint } | undefined) => Number(result?.numAffectedRows ?? 0) === 1;

/** Notices to departments committed together: one batch for up to this many, instead of one each. */
const NOTICES_PER_BATCH = 50;

function noticeQueries(deps: Deps, c: WatchedClockRow, notice: 'due_soon' | 'overdue', at: string): CompiledQuery[] {
  const marker = notice === 'due_soon' ? 'due_soon_notified_at' : 'overdue_notified_at';
  return [
    guardedOutboxInsert(deps.db, c.id, marker, {
      caseId: c.case_id, template: notice === 'due_soon' ? 'clock_due_soon' : 'clock_overdue',
      // A case waiting for triage has no department yet: the intake centre owns its clock.
      department: c.department ?? intakeCentre(deps),
      params: { category: c.category, dueAt: c.due_at, clock: c.clock }, at,
    }),
    setClockMarkerQuery(deps.db, c.id, marker, at),
  ];
}

async function escalate(deps: Deps, c: WatchedClockRow, at: string): Promise<boolean> {
  const note = `overdue since ${c.due_at} (${c.clock}): escalated to the intake centre supervisor`;
  const results = await commitWithAudit(deps, [
    guardedOutboxInsert(deps.db, c.id, 'escalated_at', {
      caseId: c.case_id, template: 'escalation', department: intakeCentre(deps), at,
      params: { category: c.category, dueAt: c.due_at, clock: c.clock, reason: 'overdue', department: c.department },
    }),
    guardedEscalationEvent(deps.db, c.id, { caseId: c.case_id, note, data: { reason: 'overdue', clock: c.clock, dueAt: c.due_at }, at }),
    markCaseEscalatedQuery(deps.db, c.case_id, at),
    setClockMarkerQuery(deps.db, c.id, 'escalated_at', at),
  ], [{ actor: 'system', action: 'case.escalated', caseId: c.case_id, detail: { reason: 'overdue', clock: c.clock } }]);
  return changed(results[3]);
}

/** Sends what the clocks are owed now; returns how many notices of each kind were queued. */
export async function sweepClocks(deps: Deps, calendar?: CalendarData): Promise<SweepSummary> {
  const now = deps.clock.now();
  const at = toShanghaiIso(now);
  const cal = calendar ?? (await deps.calendar.get());
  const summary: SweepSummary = { dueSoon: 0, overdue: 0, escalated: 0, digests: 0 };
  const key = { due_soon: 'dueSoon', overdue: 'overdue' } as const;
  // The departments' notices go out NOTICES_PER_BATCH to a batch (each marker still set with its own
  // guarded row): with one batch each, a sweep owing thousands of "due soon" took over a minute, and
  // the mail waited for it. Escalations commit one by one with their audit entries, each after the
  // batch holding its clock's overdue notice.
  const notices: { c: WatchedClockRow; notice: 'due_soon' | 'overdue' }[] = [];
  const escalations: WatchedClockRow[] = [];
  const commitPending = async () => {
    if (notices.length > 0) {
      const results = await deps.batch(notices.flatMap(({ c, notice }) => noticeQueries(deps, c, notice, at)));
      notices.forEach(({ notice }, i) => { if (changed(results[2 * i + 1])) summary[key[notice]] += 1; });
      notices.length = 0;
    }
    for (const c of escalations.splice(0)) if (await escalate(deps, c, at)) summary.escalated += 1;
  };
  for await (const c of watchedClocks(deps.db, toShanghaiIso(watchHorizon(now, cal)), at)) {
    for (const notice of noticesFor(c, now, cal)) {
      if (notice === 'escalate') escalations.push(c);
      else notices.push({ c, notice });
    }
    if (notices.length >= NOTICES_PER_BATCH || escalations.length >= NOTICES_PER_BATCH) await commitPending();
  }
  await commitPending();
  // Rewards whose claim window passed expire here too (they are not counted in the summary).
  await expireRewards(deps, now);
  // New quality signals go to the risk desk, once each (server/signals/signal-mail.service.ts).
  await queueSignalMail(deps);
  // Clocks and sign-for windows that ended are counted in the statistics now (server/stats/).
  await markEndedWindows(deps, at);
  // Once a month has ended (Beijing time) its statistics report is generated, once; a failure is logged
  // and must not hold up the digests (server/stats/reports.service.ts).
  await reportEndedMonth(deps).catch((err: unknown) => deps.log(`monthly report failed: ${err instanceof Error ? err.message : String(err)}`));
  summary.digests = await enqueueDigests(deps, now, cal);
  return summary;
}
