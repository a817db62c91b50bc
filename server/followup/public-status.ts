/** The coarse status a reporter sees (docs/lifecycle.md): handling steps inside a department stay internal. */
import type { CaseStatus } from '../../domain/vocabulary.js';

export type PublicStatus = 'received' | 'signed_for' | 'in_progress' | 'decided' | 'not_accepted' | 'closed' | 'merged';

const MAP: Record<CaseStatus, PublicStatus> = {
  received: 'received',
  transfer_requested: 'received',
  accepted: 'in_progress',
  mediating: 'in_progress',
  verifying: 'in_progress',
  case_opened: 'in_progress',
  triaged: 'in_progress',
  investigating: 'in_progress',
  mediated: 'decided',
  mediation_failed: 'decided',
  not_opened: 'decided',
  penalty_decided: 'decided',
  referred: 'decided',
  not_accepted: 'not_accepted',
  closed: 'closed',
  merged: 'merged',
};

/**
 * The reporter's status. A received case the lead department has signed for (签收) says so: the
 * reporter then knows it reached the department, not only that it was sent there.
 */
export function publicStatus(status: CaseStatus, signedFor = false): PublicStatus {
  return status === 'received' && signedFor ? 'signed_for' : MAP[status];
}

/** Whether the case's lead department holds a signed dispatch it has not returned. */
export function signedByLead(
  department: string | null, assignments: readonly { department: string; signed_at: string | null; returned_at: string | null }[],
): boolean {
  return department !== null && assignments.some((a) => a.department === department && a.signed_at !== null && a.returned_at === null);
}

/** Public events whose note is meant for the reporter: the result reply and the reasons for a refusal. */
export const PUBLIC_NOTE_EVENTS: ReadonlySet<string> = new Set(['close', 'not_accept', 'not_open']);
