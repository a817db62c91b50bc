/**
 * The auditors' view of the audit log: pages of it, filtered, and its verification — run in the
 * background (a million entries take seconds, in pages that leave the event loop free), its result
 * itself an audit entry, so the last one is a lookup along the (action, at) index.
 */
import { addCalendarDays } from '../clocks/calendar.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { recordAudit } from './audit.service.js';
import { findCaseIdByNumber, listCaseNumbers } from './auditor.repository.js';
import type { AuditLogQuery } from './auditor.schema.js';
import { findLatestByAction, searchAuditLog, type AuditLogFilter } from './audit.repository.js';
import { verifyAuditLog, type VerifyReport } from './verify.service.js';

export const PAGE_SIZE = 50;
const VERIFIED = 'audit.verified';

export interface AuditLogLine {
  seq: number;
  at: string;
  actor: string;
  action: string;
  caseNumber: string | null;
  detail: string | null;
  keyed: boolean;
}

export interface AuditLogPage {
  lines: AuditLogLine[];
  /** The cursor of the next (older) page; null on the last. */
  next: string | null;
}

/** What the page shows of the last verification (the detail of its audit entry). */
export interface VerificationView {
  at: string;
  by: string;
  ok: boolean;
  checked: number;
  broken: { seq: number; reason: string } | null;
  lastAnchor: { count: number; at: string } | null;
  anchorsChecked: number;
}

function requireAuditor(actor: Actor) {
  if (actor.role !== 'auditor') throw new AppError('forbidden', 'Only auditors read the audit log.');
}

async function filterOf(deps: Deps, q: AuditLogQuery): Promise<AuditLogFilter | null> {
  let caseId: string | undefined;
  if (q.case) {
    caseId = await findCaseIdByNumber(deps.db, q.case);
    if (!caseId) return null; // no such case: nothing to list
  }
  const [at, seq] = q.before ? q.before.split('~') : [];
  return {
    action: q.action, actor: q.actor, caseId,
    // Times are Asia/Shanghai ISO text: a day's entries sort from 'YYYY-MM-DD' to the next day's.
    from: q.from, to: q.to ? addCalendarDays(q.to, 1) : undefined,
    before: at && seq ? { at, seq: Number(seq) } : undefined,
  };
}

/** A page of the log, newest first. */
export async function listAuditLog(deps: Deps, actor: Actor, q: AuditLogQuery): Promise<AuditLogPage> {
  requireAuditor(actor);
  const filter = await filterOf(deps, q);
  if (!filter) return { lines: [], next: null };
  const rows = await searchAuditLog(deps.db, filter, PAGE_SIZE + 1);
  const shown = rows.slice(0, PAGE_SIZE);
  const numbers = await listCaseNumbers(deps.db, [...new Set(shown.flatMap((r) => (r.case_id ? [r.case_id] : [])))]);
  const last = shown[shown.length - 1];
  return {
    lines: shown.map((r) => ({
      seq: r.seq, at: r.at, actor: r.actor, action: r.action, detail: r.detail, keyed: r.key_id !== null,
      caseNumber: r.case_id ? (numbers.get(r.case_id) ?? null) : null,
    })),
    next: rows.length > PAGE_SIZE && last ? `${last.at}~${last.seq}` : null,
  };
}

function viewOf(row: { at: string; actor: string; detail: string | null }): VerificationView | null {
  try {
    const d = JSON.parse(row.detail ?? 'null') as Omit<VerificationView, 'at' | 'by'> | null;
    return d ? { at: row.at, by: row.actor, ...d } : null;
  } catch {
    return null;
  }
}

/** The last verification recorded, or null. */
export async function lastVerification(deps: Deps, actor: Actor): Promise<VerificationView | null> {
  requireAuditor(actor);
  const row = await findLatestByAction(deps.db, VERIFIED);
  return row ? viewOf(row) : null;
}

function detailOf(r: VerifyReport): Omit<VerificationView, 'at' | 'by'> {
  const last = r.anchors.last;
  return {
    ok: r.broken === null, checked: r.checked, broken: r.broken,
    lastAnchor: last ? { count: last.count, at: last.at } : null, anchorsChecked: r.anchors.checked,
  };
}

// One verification at a time per server; a second request while it runs joins it.
const running = new WeakMap<Deps, Promise<void>>();

export function verificationRunning(deps: Deps): boolean {
  return running.has(deps);
}

/** Resolves when the verification running now (if any) has recorded its result. */
export async function verificationSettled(deps: Deps): Promise<void> {
  await running.get(deps);
}

/** Starts a verification in the background; resolves when it has started (its promise is `done`). */
export function startVerification(deps: Deps, actor: Actor): { started: boolean; done: Promise<void> } {
  requireAuditor(actor);
  const current = running.get(deps);
  if (current) return { started: false, done: current };
  const done = verifyAuditLog(deps)
    .then((report) => recordAudit(deps, [{ actor: actor.username, action: VERIFIED, detail: { ...detailOf(report) } }]))
    .catch((err: unknown) => deps.log(`audit verification failed: ${err instanceof Error ? err.message : String(err)}`))
    .finally(() => running.delete(deps));
  running.set(deps, done);
  return { started: true, done };
}
