/** The coarse status a reporter sees (docs/lifecycle.md): handling steps inside a department stay internal. */
import type { CaseStatus } from '../../domain/vocabulary.js';

export type PublicStatus = 'received' | 'in_progress' | 'decided' | 'not_accepted' | 'closed' | 'merged';

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

export function publicStatus(status: CaseStatus): PublicStatus {
  return MAP[status];
}

/** Public events whose note is meant for the reporter: the result reply and the reasons for a refusal. */
export const PUBLIC_NOTE_EVENTS: ReadonlySet<string> = new Set(['close', 'not_accept', 'not_open']);
