/** The values of the auditors' anchor mail (templates/<lang>/audit_anchor.*). */
import type { Deps } from '../deps.js';

/** From the outbox row's stored params; the command lets an auditor check the log against this very mail. */
export function anchorMailParams(deps: Deps, stored: Record<string, unknown>): Record<string, string | number> {
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? v : '—');
  return {
    day: text(stored.day), count: text(stored.count), head: text(stored.head), at: text(stored.at),
    verifyCommand: `npm run intake -- audit verify --anchor ${text(stored.count)}:${text(stored.head)}`,
    auditUrl: `${deps.config.publicUrl}/staff/audit`,
  };
}
