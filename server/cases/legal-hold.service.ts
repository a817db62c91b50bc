/**
 * Legal hold: a case under hold keeps its sealed identity, original text and attachments past the
 * retention period (`purge` skips it) until the hold is cleared. Setting and clearing are audited
 * with the reason, by an admin or by the operator at the CLI.
 */
import type { CaseStatus } from '../../domain/vocabulary.js';
import { commitWithAudit } from '../audit/audit.service.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { findCaseHold, listHeldCases, setLegalHoldQuery } from './legal-hold.repository.js';

export interface LegalHoldView { caseNumber: string; legalHold: boolean; status: CaseStatus; changed: boolean }

/** Sets or clears the hold; `changed` is false when the case already was so (nothing is written). */
export async function setLegalHold(deps: Deps, actor: string, caseNumber: string, hold: boolean, reason: string): Promise<LegalHoldView> {
  if (reason.trim().length < 3) throw new AppError('validation_failed', 'Give the reason for the hold.', [{ path: 'reason', message: 'at least 3 characters' }]);
  const number = caseNumber.trim().toUpperCase();
  const row = await findCaseHold(deps.db, number);
  if (!row) throw new AppError('not_found', `No case ${number.slice(0, 40)}.`);
  if (hold && row.purged_at) throw new AppError('conflict', `Case ${row.case_number} was already purged: there is nothing left to hold.`);
  const view = { caseNumber: row.case_number, legalHold: hold, status: row.status };
  if ((row.legal_hold === 1) === hold) return { ...view, changed: false };
  await commitWithAudit(deps, [setLegalHoldQuery(deps.db, row.id, hold)], [{
    actor, action: hold ? 'case.legal_hold.set' : 'case.legal_hold.clear', caseId: row.id, detail: { caseNumber: row.case_number, reason },
  }]);
  return { ...view, changed: true };
}

/** Cases under legal hold, by number. */
export async function listLegalHolds(deps: Deps) {
  return (await listHeldCases(deps.db)).map((r) => ({ caseNumber: r.case_number, status: r.status, closedAt: r.closed_at, purgedAt: r.purged_at }));
}
