/**
 * Verifies the audit log: every link and every HMAC (SHA-256 before the keyed chain began), then
 * the anchors kept outside the database — an anchored head that is no longer in the chain means
 * it was rewritten, an anchored count above the log's length means entries were cut off its end.
 * The log may hold millions of entries: it is read in pages, and the event loop gets a turn
 * between pages, so a running server keeps answering while an auditor's verification runs.
 */
import type { Deps } from '../deps.js';
import type { Keyring } from '../identity/keys.js';
import { canonicalAuditText, GENESIS_HASH, type AuditRecord } from './audit.js';
import type { AuditAnchor } from './audit-anchor.js';
import { auditHasherOf, webAuditHasher, type AuditHasher } from './audit-key.js';
import { listAuditRecords } from './audit.repository.js';
import { nextTurn } from '../lib/turn.js';

export interface VerifyReport {
  /** Entries walked (the whole log when nothing is broken). */
  checked: number;
  /** The first keyed entry; null while the log has only pre-0014 entries. */
  keyedFrom: number | null;
  broken: { seq: number; reason: string } | null;
  anchors: {
    /** Anchors compared with the chain. */
    checked: number;
    /** The newest anchor compared (the longest log it vouches for). */
    last: AuditAnchor | null;
    /** Where the anchors are kept; null where there are none to read (Workers). */
    where: string | null;
    /** Lines of the anchors file that were not anchors. */
    unreadable: number;
  };
}

// A page is one read and 500 HMACs: the event loop is never held longer than that.
const PAGE = 500;

interface Walk {
  prev: string;
  expected: number;
  keyedFrom: number | null;
}

/** Why one entry does not verify, or null. */
async function entryProblem(keys: Keyring, hasher: AuditHasher, walk: Walk, r: AuditRecord): Promise<string | null> {
  if (r.seq !== walk.expected) return `entry ${walk.expected} is missing`;
  if (r.prev_hash !== walk.prev) return 'does not link to the entry before it';
  const text = canonicalAuditText(r);
  if (r.key_id === null) {
    // Once entries are keyed, an unkeyed one can only be a forgery made without the key.
    if (walk.keyedFrom !== null) return `is not keyed, though the keyed chain began at entry ${walk.keyedFrom}`;
    return (await hasher.sha256(text)) === r.hash ? null : 'its content was changed';
  }
  const key = keys.byId.get(r.key_id);
  if (!key) return `was keyed under master key ${r.key_id}, which is not loaded (INTAKE_PREVIOUS_MASTER_KEYS)`;
  walk.keyedFrom ??= r.seq;
  return (await hasher.hmac(key.auditKey, text)) === r.hash ? null : 'its content was changed';
}

/** The first entry of `records` (the log from entry 1, in order) that does not verify, or null. */
export async function findBrokenLink(records: readonly AuditRecord[], keys: Keyring): Promise<{ seq: number; reason: string } | null> {
  const walk: Walk = { prev: GENESIS_HASH, expected: 1, keyedFrom: null };
  for (const r of records) {
    const problem = await entryProblem(keys, webAuditHasher, walk, r);
    if (problem) return { seq: Math.min(r.seq, walk.expected), reason: problem };
    walk.prev = r.hash;
    walk.expected += 1;
  }
  return null;
}

function anchorsBySeq(anchors: AuditAnchor[]): Map<number, AuditAnchor[]> {
  const bySeq = new Map<number, AuditAnchor[]>();
  for (const a of anchors) bySeq.set(a.count, [...(bySeq.get(a.count) ?? []), a]);
  return bySeq;
}

export interface VerifyOptions {
  pageSize?: number;
  /** Anchors from elsewhere (the auditors' mail), checked like those of the file. */
  anchors?: readonly AuditAnchor[];
  /** Where those came from, for messages. */
  anchorsFrom?: string;
}

/** Entries cut off the end: the log is shorter than the longest anchor says it was. */
function cutOff(anchors: readonly AuditAnchor[], count: number, where: string | null): VerifyReport['broken'] {
  const longest = anchors.reduce<AuditAnchor | null>((m, a) => (m && m.count >= a.count ? m : a), null);
  if (!longest || longest.count <= count) return null;
  const gone = longest.count === count + 1 ? `entry ${longest.count} was deleted` : `entries ${count + 1}–${longest.count} were deleted`;
  return { seq: count + 1, reason: `the log ends at entry ${count}, but ${longest.count} entries were anchored on ${longest.at} in ${where}: ${gone}` };
}

/** Walks the whole log and compares the anchors; returns the first problem found, if any. */
export async function verifyAuditLog(deps: Deps, options: VerifyOptions = {}): Promise<VerifyReport> {
  const pageSize = options.pageSize ?? PAGE;
  const hasher = auditHasherOf(deps);
  const filed = deps.auditAnchors ? await deps.auditAnchors.list() : { anchors: [], unreadable: 0 };
  const anchors = [...filed.anchors, ...(options.anchors ?? [])];
  const unreadable = filed.unreadable;
  const where = [deps.auditAnchors?.where, options.anchors?.length ? options.anchorsFrom ?? 'the anchors given' : undefined]
    .filter(Boolean).join(' and ') || null;
  const anchored = anchorsBySeq(anchors);
  const walk: Walk = { prev: GENESIS_HASH, expected: 1, keyedFrom: null };
  const seen = { checked: 0, last: null as AuditAnchor | null };
  const report = (broken: VerifyReport['broken']): VerifyReport =>
    ({ checked: walk.expected - 1, keyedFrom: walk.keyedFrom, broken, anchors: { ...seen, where, unreadable } });

  for (let after = 0; ;) {
    const page = await listAuditRecords(deps.db, after, pageSize);
    for (const r of page) {
      const problem = await entryProblem(deps.keys, hasher, walk, r);
      if (problem) return report({ seq: Math.min(r.seq, walk.expected), reason: problem });
      for (const a of anchored.get(r.seq) ?? []) {
        if (a.head !== r.hash) {
          return report({ seq: r.seq, reason: `it is not the entry anchored on ${a.at} in ${where}: the log was rewritten` });
        }
        seen.checked += 1;
        seen.last = a;
      }
      walk.prev = r.hash;
      walk.expected += 1;
      after = r.seq;
    }
    if (page.length < pageSize) break;
    await nextTurn();
  }
  return report(cutOff(anchors, walk.expected - 1, where));
}
