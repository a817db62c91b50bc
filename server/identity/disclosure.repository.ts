/** Disclosure requests for sealed reporter identities (docs/protection.md). */
import type { CompiledQuery, Insertable, Kysely } from 'kysely';
import type { Database, DisclosureRequestTable, DisclosureSubject } from '../../db/schema.js';

export function insertDisclosureRequestQuery(db: Kysely<Database>, row: Insertable<DisclosureRequestTable>): CompiledQuery {
  return db.insertInto('disclosure_requests').values(row).compile();
}

/** Requests joined with their case's number, kind and department and the requester's username. */
function requestsWithCase(db: Kysely<Database>) {
  return db.selectFrom('disclosure_requests')
    .innerJoin('cases', 'cases.id', 'disclosure_requests.case_id')
    .innerJoin('users', 'users.id', 'disclosure_requests.requested_by')
    .selectAll('disclosure_requests')
    .select(['cases.case_number', 'cases.kind', 'cases.category', 'cases.department', 'users.username as requested_by_username']);
}

export function findDisclosureRequest(db: Kysely<Database>, id: string) {
  return requestsWithCase(db).where('disclosure_requests.id', '=', id).executeTakeFirst();
}

export type DisclosureRequestRow = NonNullable<Awaited<ReturnType<typeof findDisclosureRequest>>>;

/** Pending requests a custodian may decide: never their own. */
export function listPendingRequests(db: Kysely<Database>, excludeRequester: string) {
  return requestsWithCase(db)
    .where('disclosure_requests.status', '=', 'pending')
    .where('disclosure_requests.requested_by', '!=', excludeRequester)
    .orderBy('disclosure_requests.requested_at')
    .limit(500)
    .execute();
}

/** A request of this requester on this case for this subject that is still pending, or approved and not yet viewed. */
export function findOpenRequest(db: Kysely<Database>, caseId: string, requestedBy: string, subject: DisclosureSubject = 'identity') {
  return db.selectFrom('disclosure_requests').select(['id', 'status', 'viewed_at'])
    .where('case_id', '=', caseId)
    .where('requested_by', '=', requestedBy)
    .where('subject', '=', subject)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'approved'), eb('viewed_at', 'is', null)])]))
    .executeTakeFirst();
}

/** Conditional on the request still pending, so of two racing decisions only one takes effect. */
export function decideRequestQuery(
  db: Kysely<Database>, id: string, decision: { status: 'approved' | 'denied'; decidedBy: string; at: string; note: string },
): CompiledQuery {
  return db.updateTable('disclosure_requests')
    .set({ status: decision.status, decided_by: decision.decidedBy, decided_at: decision.at, decision_note: decision.note })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .where('requested_by', '!=', decision.decidedBy)
    .compile();
}

/** Conditional on an approved, unviewed request: the identity is shown once. */
export function markViewedQuery(db: Kysely<Database>, id: string, at: string): CompiledQuery {
  return db.updateTable('disclosure_requests')
    .set({ viewed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'approved')
    .where('viewed_at', 'is', null)
    .compile();
}

/**
 * Whether the reporter's identity was disclosed to someone: true once an approved request was
 * viewed. An approval alone shows nobody anything, so the follow-up page does not report it.
 */
export async function identityDisclosed(db: Kysely<Database>, caseId: string): Promise<boolean> {
  const row = await db.selectFrom('disclosure_requests').select('id')
    .where('case_id', '=', caseId)
    .where('subject', '=', 'identity')
    .where('viewed_at', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** One requester's requests for one subject on one case, newest first. */
export function listRequestsOfRequester(db: Kysely<Database>, caseId: string, requestedBy: string, subject: DisclosureSubject = 'identity') {
  return requestsWithCase(db)
    .where('disclosure_requests.case_id', '=', caseId)
    .where('disclosure_requests.requested_by', '=', requestedBy)
    .where('disclosure_requests.subject', '=', subject)
    .orderBy('disclosure_requests.requested_at', 'desc')
    .limit(100)
    .execute();
}

/** The latest decisions, newest first. */
export function listDecidedRequests(db: Kysely<Database>, limit: number) {
  return requestsWithCase(db)
    .where('disclosure_requests.status', '!=', 'pending')
    .orderBy('disclosure_requests.decided_at', 'desc')
    .limit(limit)
    .execute();
}
