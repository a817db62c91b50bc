/**
 * Quality signals for the risk desk (docs/signals.md): the list with each signal's cases, and the
 * decision (acknowledge, or dismiss with a reason), written with its audit entry in one batch. The
 * signals themselves are raised by triggers as cases arrive (db/migrations/0030_quality_signals.sql).
 */
import type { SignalStatus } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { directorySnapshot } from '../directory/snapshot.js';
import { AppError } from '../errors.js';
import { guarded, staleWriteGuard } from '../lib/write-guard.js';
import type { Actor } from '../staff/actor.js';
import { onRiskDesk } from './signal-access.js';
import type { SignalDecision } from './signals.schema.js';
import {
  decideSignalQuery, findSignalRow, listSignalCaseNumbers, listSignalRows, writeSignalSettingsQuery, type SignalRow,
} from './signals.repository.js';

/** The newest signals a list shows. */
export const SIGNAL_LIST_LIMIT = 200;

export interface SignalView {
  id: string;
  type: SignalRow['type'];
  key: string;
  count: number;
  windowDays: number;
  windowStart: string;
  windowEnd: string;
  cases: string[];
  status: SignalStatus;
  reason: string | null;
  raisedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

function viewOf(row: SignalRow, cases: string[]): SignalView {
  return {
    id: row.id, type: row.type, key: row.key, count: row.count, windowDays: row.window_days,
    windowStart: row.window_start, windowEnd: row.window_end, cases, status: row.status, reason: row.reason,
    raisedAt: row.raised_at, decidedBy: row.decided_by, decidedAt: row.decided_at,
  };
}

/** Whether the actor is on the risk desk (the intake centre or the provincial market regulator). */
export async function mayReadSignals(deps: Deps, actor: Actor): Promise<boolean> {
  const department = actor.department ? (await directorySnapshot(deps.db)).departments.get(actor.department) : undefined;
  return onRiskDesk(actor.role, department && department.active === 1 ? department : undefined);
}

async function requireRiskDesk(deps: Deps, actor: Actor): Promise<void> {
  if (!(await mayReadSignals(deps, actor))) {
    throw new AppError('forbidden', 'Only the intake centre and the provincial market regulator read quality signals.');
  }
}

/** The newest signals (of one status, or all), each with its case numbers. */
export async function listSignals(deps: Deps, actor: Actor, status?: SignalStatus): Promise<{ items: SignalView[] }> {
  await requireRiskDesk(deps, actor);
  const rows = await listSignalRows(deps.db, status, SIGNAL_LIST_LIMIT);
  const cases = await listSignalCaseNumbers(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => viewOf(r, cases.get(r.id) ?? [])) };
}

/** Acknowledges or dismisses an open signal; a decided one is a 409, an unknown one a 404. */
export async function decideSignal(deps: Deps, actor: Actor, id: string, input: SignalDecision): Promise<SignalView> {
  await requireRiskDesk(deps, actor);
  const row = await findSignalRow(deps.db, id);
  if (!row) throw new AppError('not_found', 'No such signal.');
  const decided = `The signal was already ${row.status === 'open' ? 'decided' : row.status}.`;
  if (row.status !== 'open') throw new AppError('conflict', decided);
  const status = input.action === 'acknowledge' ? 'acknowledged' : 'dismissed';
  const reason = input.reason ? input.reason : null;
  await guarded(decided, () => commitWithAudit(deps, [
    decideSignalQuery(deps.db, id, { status, reason, by: actor.username, at: toShanghaiIso(deps.clock.now()) }),
    staleWriteGuard(deps.db),
  ], [{ actor: actor.username, action: `signal.${input.action}`, caseId: null, detail: { signal: id, type: row.type, key: row.key, reason } }]));
  const now = await findSignalRow(deps.db, id);
  const cases = await listSignalCaseNumbers(deps.db, [id]);
  return viewOf(now!, cases.get(id) ?? []);
}

/** Writes the thresholds of the settings into the row the triggers read (at start, Node and Workers). */
export async function applySignalSettings(deps: Pick<Deps, 'db' | 'batch' | 'config'>): Promise<void> {
  await deps.batch([writeSignalSettingsQuery(deps.db, {
    minCases: deps.config.INTAKE_SIGNAL_MIN_CASES,
    windowDays: deps.config.INTAKE_SIGNAL_WINDOW_DAYS,
    enabled: deps.config.INTAKE_SIGNALS === 'on',
  })]);
}
