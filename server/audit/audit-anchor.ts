/**
 * Checkpoints of the audit log kept outside its database: (count, head) at a moment. Whoever can
 * write the database can cut entries off its end, and a chain cut at its end still links; an
 * anchor taken before remembers how long the log was and what its last hash was.
 */

export interface AuditAnchor {
  /** When it was taken (Asia/Shanghai ISO). */
  at: string;
  /** Entries in the log then: the seq of its last entry (seqs run from 1 without gaps). */
  count: number;
  /** The hash of entry `count`. */
  head: string;
}

/** One line of an anchors file. */
export function formatAnchor(a: AuditAnchor): string {
  return JSON.stringify({ at: a.at, count: a.count, head: a.head });
}

/** An anchor from a line, or null for a line that is not one (a torn last write, an edit). */
export function parseAnchor(line: string): AuditAnchor | null {
  try {
    const v = JSON.parse(line) as Partial<AuditAnchor>;
    const ok = typeof v.at === 'string' && Number.isSafeInteger(v.count) && (v.count as number) > 0 &&
      typeof v.head === 'string' && /^[0-9a-f]{64}$/.test(v.head);
    return ok ? { at: v.at!, count: v.count!, head: v.head! } : null;
  } catch {
    return null;
  }
}
