/**
 * Anchors the audit log outside its database, from the background sweep: a line in the anchors file
 * whenever the log has grown since the last one (Node), and once a day a mail to the auditors
 * (INTAKE_AUDITOR_MAIL) with the count and head, sent through the transactional outbox. A log
 * cut back or rewritten after an anchor no longer matches it (verify.service.ts).
 */
import { shanghaiDate, toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { toHex, utf8 } from '../lib/encoding.js';
import type { AuditAnchor } from './audit-anchor.js';
import { anchorMailQuery } from './anchor.repository.js';
import { findAuditTail } from './audit.repository.js';

export interface AnchorSummary {
  /** The anchor taken now; null while the log is empty. */
  anchor: AuditAnchor | null;
  /** Whether it was appended to the anchors file (not when the log has not grown since). */
  filed: boolean;
  /** Auditors' mails queued (at most one per address a day). */
  mailed: number;
}

/** The auditors' addresses of INTAKE_AUDITOR_MAIL. */
export function auditorAddresses(setting: string | undefined): string[] {
  return [...new Set((setting ?? '').split(',').map((a) => a.trim()).filter(Boolean))];
}

async function mailId(day: string, address: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(address.toLowerCase())));
  return `audit-anchor-${day}-${toHex(digest).slice(0, 16)}`;
}

async function mailAnchor(deps: Deps, anchor: AuditAnchor, day: string): Promise<number> {
  const addresses = auditorAddresses(deps.config.INTAKE_AUDITOR_MAIL);
  if (addresses.length === 0 || mailedDay.get(deps) === day) return 0;
  const params = { day, count: anchor.count, head: anchor.head, at: anchor.at };
  const queries = await Promise.all(addresses.map(async (a) => anchorMailQuery(deps.db, await mailId(day, a), a, params, anchor.at)));
  const results = await deps.batch(queries);
  mailedDay.set(deps, day);
  return results.filter((r) => Number(r.numAffectedRows ?? 0) === 1).length;
}

/** Takes an anchor of the log as it is now: filed if it grew, mailed if today's mail is not queued yet. */
export async function anchorAuditLog(deps: Deps): Promise<AnchorSummary> {
  const tail = await findAuditTail(deps.db);
  if (!tail) return { anchor: null, filed: false, mailed: 0 };
  const now = deps.clock.now();
  const anchor: AuditAnchor = { at: toShanghaiIso(now), count: tail.seq, head: tail.hash };
  let filed = false;
  if (deps.auditAnchors) {
    const latest = await deps.auditAnchors.latest();
    if (latest?.count !== anchor.count || latest.head !== anchor.head) {
      await deps.auditAnchors.append(anchor);
      filed = true;
    }
  }
  return { anchor, filed, mailed: await mailAnchor(deps, anchor, shanghaiDate(now)) };
}

// Once a day per process; another process queuing the same day's mail is a no-op (the row's id).
const mailedDay = new WeakMap<Deps, string>();
