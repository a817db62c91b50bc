/** What `audit verify` prints (and the auditors' page shows) for a verification that passed. */
import type { AuditAnchor } from './audit-anchor.js';
import type { VerifyReport } from './verify.service.js';

/** An anchor as the auditors' mail gives it: COUNT:HEAD. */
export function parseAnchorArgument(text: string): AuditAnchor {
  const m = /^(\d{1,15}):([0-9a-f]{64})$/.exec(text.trim());
  if (!m || Number(m[1]) < 1) throw new Error(`--anchor ${text}: expected COUNT:HEAD (the entry count and the 64-digit hash of the mail)`);
  return { at: 'the given anchor', count: Number(m[1]), head: m[2]! };
}

export function verifySummary(r: VerifyReport): string {
  const keyed = r.keyedFrom === null ? 'none keyed yet' : r.keyedFrom === 1 ? 'all keyed' : `keyed from entry ${r.keyedFrom}`;
  const lines = [`audit log verified: ${r.checked} entries (${keyed})`];
  const { last, checked, where, unreadable } = r.anchors;
  if (last) lines.push(`last anchor checked: ${last.count} entries, head ${last.head.slice(0, 16)}…, taken ${last.at} (${checked} anchors checked in ${where})`);
  else lines.push(`no anchor checked${where ? ` (none yet in ${where})` : ''}: entries cut off the end would not show`);
  if (unreadable > 0) lines.push(`WARNING: ${unreadable} lines of ${where} are not anchors`);
  return lines.join('\n');
}
