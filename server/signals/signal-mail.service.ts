/**
 * The risk desk's mail about a new signal: queued by the sweeper (every minute, Node and Workers) for
 * each signal whose mailed flag is still 0, in one batch with setting it, so a signal raised inside a
 * submission's batch is mailed once however the sweeps overlap, and never lost (docs/signals.md).
 */
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { directorySnapshot } from '../directory/snapshot.js';
import { intakeCentreCode } from '../notify/sweep-rules.js';
import { guardedSignalMailQuery, listUnmailedSignals, markSignalMailedQuery, type SignalRow } from './signals.repository.js';

/** Signals handled per sweep; the next sweep takes the rest. */
const PER_SWEEP = 50;
/** A signal raised this long before the sweep finds it comes from a load of past cases: listed, not mailed. */
const NEWS_MS = 7 * 24 * 3600_000;

/** The departments of the risk desk: the intake centre and the provincial market regulator. */
export async function riskDeskDepartments(deps: Pick<Deps, 'db' | 'config'>): Promise<string[]> {
  const province = deps.config.INTAKE_PROVINCE;
  const samr = (await directorySnapshot(deps.db)).samrByRegion.get(province);
  return [...new Set([intakeCentreCode(province), ...(samr ? [samr] : [])])];
}

/** What the mail is composed from: the signal as it was raised, nothing of any case. */
export function signalMailStored(s: SignalRow): Record<string, unknown> {
  return {
    type: s.type, key: s.key, count: s.count, windowDays: s.window_days,
    windowStart: s.window_start, windowEnd: s.window_end, raisedAt: s.raised_at,
  };
}

/** Queues the mail of every signal not mailed yet; returns how many signals were mailed. */
export async function queueSignalMail(deps: Deps): Promise<number> {
  const rows = await listUnmailedSignals(deps.db, PER_SWEEP);
  if (rows.length === 0) return 0;
  const desk = await riskDeskDepartments(deps);
  const now = deps.clock.now();
  const at = toShanghaiIso(now);
  let mailed = 0;
  for (const s of rows) {
    const news = now.getTime() - new Date(s.raised_at).getTime() < NEWS_MS;
    const params = signalMailStored(s);
    const mails = news ? desk.map((department) => guardedSignalMailQuery(deps.db, s.id, { department, params, at })) : [];
    const results = await deps.batch([...mails, markSignalMailedQuery(deps.db, s.id)]);
    if (news && Number(results.at(-1)?.numAffectedRows ?? 0) === 1) mailed += 1;
  }
  return mailed;
}
