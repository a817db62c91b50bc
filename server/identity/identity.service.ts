/**
 * Who may learn anything about a reporter, and reading the sealed identity. Only the lead
 * department's handlers and supervisors ever do: co-handlers, the intake centre, custodians,
 * auditors and admins never see a reporter (custodians decide on disclosure without seeing it).
 */
import type { CaseRow } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { displayPhone } from '../lib/phone.js';
import type { Actor } from '../staff/actor.js';
import { maskContact, type MaskedContact, type ReporterIdentity } from './mask.js';
import { unseal } from './seal.js';
import { findSealedRecord } from './sealed.repository.js';

type CaseRef = Pick<CaseRow, 'id' | 'department'>;

export function isLeadStaff(actor: Actor, row: CaseRef): boolean {
  return (actor.role === 'handler' || actor.role === 'supervisor') && row.department !== null && actor.department === row.department;
}

/** Refuses (403) anyone but a handler or supervisor of the case's lead department. */
export function requireLeadStaff(actor: Actor, row: CaseRef): void {
  if (!isLeadStaff(actor, row)) {
    throw new AppError('forbidden', "Only the lead department's handlers and supervisors may do this.");
  }
}

/** The unsealed identity, or null when there is none (anonymous, or purged under retention). */
export async function readIdentity(deps: Deps, caseId: string): Promise<ReporterIdentity | null> {
  const box = await findSealedRecord(deps.db, caseId, 'identity');
  if (!box) return null;
  const identity = await unseal<ReporterIdentity>(deps.keys, box, `${caseId}:identity`);
  // Stored in E.164; shown as staff dial it.
  return typeof identity.phone === 'string' ? { ...identity, phone: displayPhone(identity.phone) } : identity;
}

/** The identity or a 409 saying why there is nothing to show. */
export async function requireIdentity(deps: Deps, row: Pick<CaseRow, 'id' | 'anonymous'>): Promise<ReporterIdentity> {
  if (row.anonymous === 1) throw new AppError('conflict', 'The reporter is anonymous: there is no identity to disclose.');
  const identity = await readIdentity(deps, row.id);
  if (!identity) throw new AppError('conflict', "The reporter's identity was purged under the retention rules.");
  return identity;
}

/**
 * The masked contact on a complaint's case page (the lead department may contact
 * the complainant for mediation). Null for every other kind and every other viewer.
 */
export async function reporterContactFor(deps: Deps, actor: Actor, row: CaseRow): Promise<MaskedContact | null> {
  if (row.kind !== 'complaint' || !isLeadStaff(actor, row)) return null;
  const identity = await readIdentity(deps, row.id);
  return identity ? maskContact(identity) : null;
}
