/**
 * Payee details at payout (docs/protection.md, "Payee details"). The claim seals them like an
 * identity; the reward officer who records the payment reads them only once the reward is claimed:
 * - a named reporter's are shown on request, each view audited;
 * - an anonymous reporter's only through a disclosure request a custodian other than the officer
 *   approves, then once, audited.
 * Each view puts a public event on the case, so the reporter sees on the follow-up page that their
 * payee details were opened for the payment.
 */
import { nanoid } from 'nanoid';
import type { CaseRow } from '../../db/schema.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { findCaseByNumber } from '../cases/cases.repository.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import {
  findOpenRequest, insertDisclosureRequestQuery, listRequestsOfRequester, markViewedQuery,
} from '../identity/disclosure.repository.js';
import { disclosureView, type DisclosureView } from '../identity/disclosure.service.js';
import { unseal } from '../identity/seal.js';
import type { Actor } from '../staff/actor.js';
import { guarded, staleWriteGuard } from '../lib/write-guard.js';
import { findRewardPayee } from './payee.repository.js';
import { findReward, rewardEventQuery } from './rewards.repository.js';

/** The context bound to a payee's ciphertext, so it cannot be swapped onto another case. */
export const payeeContext = (caseId: string) => `${caseId}:reward_payee`;

export interface Payee {
  name: string;
  idNumber: string;
  bankAccount: string;
  bankName: string | null;
}

/** How the officer reaches the payee details of a claimed reward, for the case page; null when not at payout. */
export interface PayoutAccess {
  /** `direct` for a named reporter; `custodian` for an anonymous one. */
  route: 'direct' | 'custodian';
  /** The officer's own payee requests on this case, newest first (custodian route only). */
  requests: DisclosureView[];
}

function requireOfficer(actor: Actor) {
  if (actor.role !== 'reward_officer') throw new AppError('forbidden', 'Payee details are opened by the reward officer who pays the reward.');
}

/** The case and its sealed payee details: the reward must be claimed with them on file. */
async function claimedCase(deps: Deps, caseNumber: string) {
  const row = await findCaseByNumber(deps.db, caseNumber);
  if (!row) throw new AppError('not_found', `No case ${caseNumber}.`);
  const reward = await findReward(deps.db, row.id);
  if (!reward) throw new AppError('not_found', `The case ${caseNumber} has no reward request.`);
  if (reward.status !== 'claimed') {
    throw new AppError('conflict', `Payee details are opened at payout, while the reward is claimed; it is ${reward.status}.`);
  }
  const stored = await findRewardPayee(deps.db, row.id);
  if (!stored) throw new AppError('conflict', 'The claim carries no payee details.');
  return { row, stored };
}

/** What the case page offers the officer at payout. */
export async function payoutAccess(deps: Deps, actor: Actor, row: Pick<CaseRow, 'id' | 'anonymous'>): Promise<PayoutAccess | null> {
  if (actor.role !== 'reward_officer') return null;
  const reward = await findReward(deps.db, row.id);
  if (reward?.status !== 'claimed') return null;
  if (row.anonymous !== 1) return { route: 'direct', requests: [] };
  return { route: 'custodian', requests: (await listRequestsOfRequester(deps.db, row.id, actor.userId, 'payee')).map(disclosureView) };
}

/** Files the request a custodian decides before an anonymous reporter's payee details are opened. */
export async function requestPayeeDisclosure(deps: Deps, actor: Actor, caseNumber: string, reason: string): Promise<DisclosureView> {
  requireOfficer(actor);
  const { row } = await claimedCase(deps, caseNumber);
  if (row.anonymous !== 1) {
    throw new AppError('conflict', "A named reporter's payee details are shown at payout without a custodian (reward/payee).");
  }
  const open = await findOpenRequest(deps.db, row.id, actor.userId, 'payee');
  if (open) throw new AppError('conflict', `You already have an open payee request for this case (${open.id}, ${open.status}).`);
  const id = nanoid();
  await commitWithAudit(deps, [
    insertDisclosureRequestQuery(deps.db, {
      id, case_id: row.id, requested_by: actor.userId, requested_at: toShanghaiIso(deps.clock.now()), legal_reason: reason, subject: 'payee',
    }),
  ], [{ actor: actor.username, action: 'reward.payee.request', caseId: row.id, detail: { requestId: id, reason } }]);
  const mine = await listRequestsOfRequester(deps.db, row.id, actor.userId, 'payee');
  const filed = mine.find((r) => r.id === id);
  if (!filed) throw new AppError('internal', 'The payee request was not written.');
  return disclosureView(filed);
}

/**
 * Opens the payee details for the payment. Anonymous reporter: consumes the officer's approved,
 * unviewed request (one view). Named reporter: shown directly. Both audited in the same batch as
 * the reporter's timeline entry.
 */
export async function viewPayee(deps: Deps, actor: Actor, caseNumber: string): Promise<{ caseNumber: string; payee: Payee; requestId: string | null }> {
  requireOfficer(actor);
  const { row, stored } = await claimedCase(deps, caseNumber);
  const at = toShanghaiIso(deps.clock.now());
  let requestId: string | null = null;
  if (row.anonymous === 1) {
    const open = await findOpenRequest(deps.db, row.id, actor.userId, 'payee');
    if (!open) throw new AppError('conflict', "An anonymous reporter's payee details are opened through a payee request a custodian approves; file one first.");
    if (open.status !== 'approved') throw new AppError('conflict', `Your payee request ${open.id} has not been approved yet.`);
    requestId = open.id;
  }
  const payee = await unseal<Payee>(deps.keys, stored, payeeContext(row.id));
  // Of two racing views under one approval, only the one that marks it viewed commits (and sees them).
  const once = requestId ? [markViewedQuery(deps.db, requestId, at), staleWriteGuard(deps.db)] : [];
  await guarded('The payee details were already viewed once under this request; file a new request.', () => commitWithAudit(deps, [
    ...once,
    rewardEventQuery(deps.db, { caseId: row.id, at, event: 'reward_payee_viewed', actor: actor.username, note: null, data: {}, public: true }),
  ], [{ actor: actor.username, action: 'reward.payee.view', caseId: row.id, detail: { requestId, route: requestId ? 'custodian' : 'direct' } }]));
  return { caseNumber: row.case_number, payee, requestId };
}
