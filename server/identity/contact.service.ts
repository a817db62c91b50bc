/** Opening a complainant's full contact details for mediation; every opening is audited. */
import { recordAudit } from '../audit/audit.service.js';
import { findVisibleCase } from '../cases/visibility.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { requireIdentity, requireLeadStaff } from './identity.service.js';
import type { ReporterIdentity } from './mask.js';

export interface OpenedContact {
  caseNumber: string;
  identity: ReporterIdentity;
}

/**
 * Unseals a complaint's contact for the lead department. The audit entry is written before the
 * details are returned, so a failed write shows nothing. The complainant is not told (it is the
 * purpose they gave the details for); a sealed report identity goes through disclosure instead.
 */
export async function openContact(deps: Deps, actor: Actor, caseNumber: string, reason: string): Promise<OpenedContact> {
  const { row } = await findVisibleCase(deps, actor, caseNumber);
  requireLeadStaff(actor, row);
  if (row.kind !== 'complaint') {
    throw new AppError('conflict', `The identity of a ${row.kind} reporter is sealed: file a disclosure request with a legal reason.`);
  }
  const identity = await requireIdentity(deps, row);
  await recordAudit(deps, [{ actor: actor.username, action: 'identity.open', caseId: row.id, detail: { reason } }]);
  return { caseNumber: row.case_number, identity };
}
