/**
 * The audit log's chain (pure): each entry's hash covers its content and the previous hash. Since
 * migration 0014 the hash is an HMAC-SHA-256 under the audit key of a master key (audit-key.ts), named
 * by the entry's key_id; entries written before are plain SHA-256 (key_id NULL) and still verify.
 */
import type { Selectable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: string;
  action: string;
  caseId?: string | null;
  detail?: Record<string, unknown> | null;
}

/** One row of the audit_log table. */
export type AuditRecord = Selectable<AuditLogTable>;

/** An entry before it is linked into the chain: the batch port gives it its seq, key and hashes. */
export type AuditDraft = Omit<AuditRecord, 'seq' | 'prev_hash' | 'hash' | 'key_id'>;

/** Links entries synchronously inside a transaction: the key's id and an HMAC-SHA-256 (hex) under it. */
export interface AuditSigner {
  keyId: string;
  mac(text: string): string;
}

export function auditDraft(e: AuditEntry, at: string): AuditDraft {
  return { at, actor: e.actor, action: e.action, case_id: e.caseId ?? null, detail: e.detail ? JSON.stringify(e.detail) : null };
}

/**
 * The canonical text hashed for an entry: field order fixed, so verification recomputes it exactly.
 * A keyed entry's text ends with its key id, so the id cannot be swapped for another loaded key's.
 */
export function canonicalAuditText(r: Omit<AuditRecord, 'hash'>): string {
  const fields = [r.seq, r.at, r.actor, r.action, r.case_id, r.detail, r.prev_hash];
  return JSON.stringify(r.key_id == null ? fields : [...fields, r.key_id]);
}

type Tail = { seq: number; hash: string } | undefined;

/** Links drafts after `last` with a synchronous HMAC (inside a SQLite transaction on Node). */
export function linkRecords(last: Tail, drafts: readonly AuditDraft[], signer: AuditSigner): AuditRecord[] {
  let prev = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  return drafts.map((d) => {
    seq += 1;
    const base = { ...d, seq, prev_hash: prev, key_id: signer.keyId };
    prev = signer.mac(canonicalAuditText(base));
    return { ...base, hash: prev };
  });
}

/** Links drafts after `last` with an asynchronous HMAC (runtimes that cannot hash inside their transaction). */
export async function chainRecords(
  last: Tail, drafts: readonly AuditDraft[], keyId: string, mac: (text: string) => Promise<string>,
): Promise<AuditRecord[]> {
  let prev = last?.hash ?? GENESIS_HASH;
  let seq = last?.seq ?? 0;
  const out: AuditRecord[] = [];
  for (const d of drafts) {
    seq += 1;
    const base = { ...d, seq, prev_hash: prev, key_id: keyId };
    prev = await mac(canonicalAuditText(base));
    out.push({ ...base, hash: prev });
  }
  return out;
}
