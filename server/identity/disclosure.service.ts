/**
 * Disclosure of a sealed report/injury identity (docs/protection.md): a handler of the lead department asks
 * with a legal reason, a custodian who is not the requester approves or denies, and only the
 * requester then sees the identity, once. Every step is audited in the same batch as its change.
 */
import { nanoid } from 'nanoid';
import type { QueryResult } from 'kysely';
import { commitWithAudit } from '../audit/audit.service.js';
import { findCaseById } from '../cases/cases.repository.js';
import { findVisibleCase } from '../cases/visibility.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { guarded, staleWriteGuard } from '../lib/write-guard.js';
import type { Actor } from '../staff/actor.js';
import {
  decideRequestQuery, findDisclosureRequest, findOpenRequest, insertDisclosureRequestQuery, listDecidedRequests,
  listPendingRequests, listRequestsOfRequester, markViewedQuery, type DisclosureRequestRow,
} from './disclosure.repository.js';
import { isLeadStaff, requireIdentity, requireLeadStaff } from './identity.service.js';
import type { ReporterIdentity } from './mask.js';

export type Decision = 'approve' | 'deny';

/** A request as staff see it: never the identity itself. */
export function disclosureView(r: DisclosureRequestRow) {
  return {
    id: r.id, subject: r.subject, caseNumber: r.case_number, kind: r.kind, category: r.category, department: r.department,
    legalReason: r.legal_reason, requestedBy: r.requested_by_username, requestedAt: r.requested_at,
    status: r.status, decidedAt: r.decided_at, decisionNote: r.decision_note, viewedAt: r.viewed_at,
  };
}

export type DisclosureView = ReturnType<typeof disclosureView>;

const changed = (results: QueryResult<unknown>[]) => Number(results[0]?.numAffectedRows ?? 0n) === 1;

async function loadRequest(deps: Deps, id: string): Promise<DisclosureRequestRow> {
  const found = await findDisclosureRequest(deps.db, id);
  if (!found) throw new AppError('not_found', `No disclosure request ${id.slice(0, 40)}.`);
  return found;
}

/** Files a request; 409 for a complaint (open the contact instead), an anonymous reporter, or a duplicate. */
export async function requestDisclosure(deps: Deps, actor: Actor, caseNumber: string, legalReason: string): Promise<DisclosureView> {
  const { row } = await findVisibleCase(deps, actor, caseNumber);
  requireLeadStaff(actor, row);
  if (row.kind === 'complaint') {
    throw new AppError('conflict', "A complaint's contact is opened for mediation (identity/open), not disclosed.");
  }
  await requireIdentity(deps, row);
  const open = await findOpenRequest(deps.db, row.id, actor.userId);
  if (open) throw new AppError('conflict', `You already have an open disclosure request for this case (${open.id}, ${open.status}).`);
  const id = nanoid();
  await commitWithAudit(deps, [
    insertDisclosureRequestQuery(deps.db, {
      id, case_id: row.id, requested_by: actor.userId, requested_at: toShanghaiIso(deps.clock.now()), legal_reason: legalReason,
    }),
  ], [{ actor: actor.username, action: 'identity.disclosure.request', caseId: row.id, detail: { requestId: id, legalReason } }]);
  return disclosureView(await loadRequest(deps, id));
}

/** The pending requests a custodian may decide (their own excluded). */
export async function listPendingDisclosures(deps: Deps, actor: Actor): Promise<{ items: DisclosureView[] }> {
  return { items: (await listPendingRequests(deps.db, actor.userId)).map(disclosureView) };
}

/** The actor's own requests on a case they handle, newest first; null where the case offers no disclosure to them. */
export async function listOwnDisclosures(deps: Deps, actor: Actor, caseNumber: string): Promise<DisclosureView[] | null> {
  const { row } = await findVisibleCase(deps, actor, caseNumber);
  if (row.kind === 'complaint' || row.anonymous === 1 || !isLeadStaff(actor, row)) return null;
  return (await listRequestsOfRequester(deps.db, row.id, actor.userId)).map(disclosureView);
}

/** The latest decided requests, for custodians. */
export async function listDecidedDisclosures(deps: Deps, limit = 50): Promise<DisclosureView[]> {
  return (await listDecidedRequests(deps.db, limit)).map(disclosureView);
}

/** A custodian approves or denies; the requester may never decide their own request (403). */
export async function decideDisclosure(deps: Deps, actor: Actor, id: string, decision: Decision, note: string): Promise<DisclosureView> {
  const request = await loadRequest(deps, id);
  if (request.requested_by === actor.userId) {
    throw new AppError('forbidden', 'A disclosure request is decided by a custodian other than the requester.');
  }
  if (request.status !== 'pending') throw new AppError('conflict', `The request was already ${request.status}.`);
  const status = decision === 'approve' ? 'approved' : 'denied';
  const results = await commitWithAudit(deps, [
    decideRequestQuery(deps.db, id, { status, decidedBy: actor.userId, at: toShanghaiIso(deps.clock.now()), note }),
  ], [{ actor: actor.username, action: `identity.disclosure.${decision}`, caseId: request.case_id, detail: { requestId: id, subject: request.subject, note } }]);
  // Lost a race with another custodian: the audit shows both attempts, the state only the first.
  if (!changed(results)) throw new AppError('conflict', 'The request was decided by someone else meanwhile.');
  return disclosureView(await loadRequest(deps, id));
}

/**
 * The requester's one view of an approved request. The requester must still work the case in
 * its lead department: a case moved elsewhere since approval shows nothing.
 */
export async function viewDisclosure(deps: Deps, actor: Actor, id: string): Promise<DisclosureView & { identity: ReporterIdentity }> {
  const request = await loadRequest(deps, id);
  if (request.requested_by !== actor.userId) throw new AppError('forbidden', 'Only the staff member who filed the request may view it.');
  if (request.subject !== 'identity') throw new AppError('conflict', 'This request opens payee details: they are viewed on the case\'s reward (reward/payee).');
  if (request.status === 'denied') throw new AppError('conflict', 'The request was denied: the identity stays sealed.');
  if (request.status === 'pending') throw new AppError('conflict', 'The request has not been decided yet.');
  if (request.viewed_at) throw new AppError('conflict', 'The identity was already viewed once under this request; file a new request.');
  const row = await findCaseById(deps.db, request.case_id);
  if (!row) throw new AppError('not_found', 'The case of this request no longer exists.');
  await findVisibleCase(deps, actor, row.case_number);
  requireLeadStaff(actor, row);
  const identity = await requireIdentity(deps, row);
  const at = toShanghaiIso(deps.clock.now());
  // Of two racing views only the one that marks the request viewed commits, audit entry included.
  await guarded('The identity was already viewed once under this request.', () => commitWithAudit(deps, [
    markViewedQuery(deps.db, id, at), staleWriteGuard(deps.db),
  ], [{ actor: actor.username, action: 'identity.disclosure.view', caseId: row.id, detail: { requestId: id } }]));
  return { ...disclosureView({ ...request, viewed_at: at }), identity };
}
