/** Hash chain of the audit log (pure): each entry's hash covers its content and the previous hash. */
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';
import { toHex, utf8 } from '../lib/encoding.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  caseId?: string | null;
  detail?: Record<string, unknown> | null;
}

/** One row of the audit_log table. */
export type AuditRecord = Selectable<AuditLogTable>;

/** An entry before it is linked into the chain: the batch port gives it its seq and hashes. */
export type AuditDraft = Omit<AuditRecord, 'seq' | 'prev_hash' | 'hash'>;

export function auditDraft(e: AuditEntry, at: string): AuditDraft {
  return { at, actor: e.actor, action: e.action, case_id: e.caseId ?? null, detail: e.detail ? JSON.stringify(e.detail) : null };
}

/** The canonical text hashed for an entry: field order fixed, so verification recomputes it exactly. */
export function canonicalAuditText(r: Omit<AuditRecord, 'hash'>): string {
  return JSON.stringify([r.seq, r.at, r.actor, r.action, r.case_id, r.detail, r.prev_hash]);
}

export async function entryHash(r: Omit<AuditRecord, 'hash'>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8.encode(canonicalAuditText(r)))));
}

type Tail = { seq: number; hash: string } | undefined;

/** Links drafts after `last` with a synchronous SHA-256 (inside a SQLite transaction on Node). */
export function linkRecords(last: Tail, drafts: readonly AuditDraft[], sha256Hex: (text: string) => string): AuditRecord[] {
  let prev = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  return drafts.map((d) => {
    seq += 1;
    const base = { ...d, seq, prev_hash: prev };
    prev = sha256Hex(canonicalAuditText(base));
    return { ...base, hash: prev };
  });
}

/** Links drafts after `last` with Web Crypto (runtimes that cannot hash inside their transaction). */
export async function chainRecords(last: Tail, drafts: readonly AuditDraft[]): Promise<AuditRecord[]> {
  let prev = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const out: AuditRecord[] = [];
  for (const d of drafts) {
    seq += 1;
    const base = { ...d, seq, prev_hash: prev };
    prev = await entryHash(base);
    out.push({ ...base, hash: prev });
  }
  return out;
}

/** Walks the chain in order; returns the first entry whose link or content does not verify. */
export async function findBrokenLink(records: AuditRecord[]): Promise<{ seq: number; reason: string } | null> {
  let prev = GENESIS_HASH;
  let expectedSeq = records[0]?.seq ?? 1;
  for (const r of records) {
    if (r.seq !== expectedSeq) return { seq: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    if (r.prev_hash !== prev) return { seq: r.seq, reason: 'does not link to the entry before it' };
    if ((await entryHash(r)) !== r.hash) return { seq: r.seq, reason: 'its content was changed' };
    prev = r.hash;
    expectedSeq += 1;
  }
  return null;
}
