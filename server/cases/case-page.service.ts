/**
 * The staff case page: one case gathered from every feature (clocks, timeline, messages,
 * attachments, the reporter's masked contact, likely duplicates, the actions allowed). It sits
 * above the feature services it reads; none of them imports it.
 */
import type { CaseRow } from '../../db/schema.js';
import { attachmentViews } from '../attachments/attachments.service.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { reporterContactFor } from '../identity/identity.service.js';
import type { Actor } from '../staff/actor.js';
import { findLikelyDuplicates, listAssignments, listClocks, listEvents, listMessages } from './cases.repository.js';
import { departmentNames } from './cases.service.js';
import { accidentView, clockView, departmentOf, eventView, filedByView } from './cases.view.js';
import { guardedActions } from './guards.js';
import { allowedActions } from './lifecycle.js';
import { payoutAccess } from '../rewards/payee.service.js';
import { rewardOf } from '../rewards/rewards.service.js';
import { rewardView } from '../rewards/rewards.view.js';
import { findReadableCase } from './visibility.js';
import { staffRating } from '../satisfaction/satisfaction.service.js';

/** The product the case names (redacted as stored), or null when none was given. */
function productView(row: CaseRow) {
  const product = { name: row.product_name, brand: row.product_brand, model: row.product_model, batch: row.product_batch, gtin: row.product_gtin };
  return Object.values(product).some((v) => v !== null) ? product : null;
}

/** The case page: redacted text, clocks, timeline, messages, allowed actions, likely duplicates. */
export async function getCase(deps: Deps, actor: Actor, caseNumber: string, justActed = false) {
  const { row, cohandlers, visibility } = await findReadableCase(deps, actor, caseNumber, justActed);
  const now = deps.clock.now();
  const cal = await deps.calendar.get();
  const [clocks, events, messages, assignments, names, reward, payout, satisfaction] = await Promise.all([
    listClocks(deps.db, row.id), listEvents(deps.db, row.id), listMessages(deps.db, row.id),
    listAssignments(deps.db, row.id), departmentNames(deps), rewardOf(deps, row.id), payoutAccess(deps, actor, row),
    staffRating(deps, row.id),
  ]);
  const received = new Date(row.received_at).getTime();
  const window = { since: toShanghaiIso(new Date(received - 90 * 86_400_000)), until: toShanghaiIso(new Date(received + 90 * 86_400_000)) };
  const duplicates = await findLikelyDuplicates(deps.db, row, window, visibility);
  const scope = { kind: row.kind, status: row.status, department: row.department, cohandlers };
  const clockViews = clocks.map((c) => clockView(c, now, cal));
  return {
    caseNumber: row.case_number,
    kind: row.kind,
    category: row.category,
    region: row.region,
    status: row.status,
    department: departmentOf(row.department, names),
    cohandlers: cohandlers.map((d) => departmentOf(d, names)),
    subject: { name: row.subject_name, creditCode: row.subject_credit_code, address: row.subject_address, product: productView(row) },
    flags: {
      creditCodeCheckFailed: row.credit_code_check_failed === 1, gtinCheckFailed: row.gtin_check_failed === 1, urgent: row.urgent === 1,
      escalated: row.escalated === 1, urged: row.urge_count > 0, legalHold: row.legal_hold === 1,
    },
    description: row.description,
    claim: row.claim,
    occurredOn: row.occurred_on,
    severity: row.severity,
    /** An injury's accident figures (they set its severity on filing); null when none were given. */
    accident: accidentView(row),
    /** 'enterprise': the responsible enterprise filed it itself; its contact person is the sealed reporter. */
    filedBy: filedByView(row),
    fineFen: row.fine_fen,
    receivedAt: row.received_at,
    closedAt: row.closed_at,
    reporter: row.pseudonym,
    anonymous: row.anonymous === 1,
    /** What a report's reporter declared they are to the matter (not identity); null when not declared. */
    reporterRelation: row.reporter_relation,
    /** Complaint only, lead department only: e.g. { name: '张*', phone: '138****8000' }; null otherwise. */
    reporterContact: await reporterContactFor(deps, actor, row),
    due: clockViews,
    overdue: clockViews.some((c) => c.overdue),
    timeline: events.map(eventView),
    messages: messages.map((m) => ({ id: m.id, at: m.at, from: m.sender, body: m.body })),
    attachments: await attachmentViews(deps, row.id, row.case_number),
    /**
     * The report's reward, null when none was asked for; `requested` stays for the pages that read it.
     * `payout`: for the reward officer of a claimed reward, how the payee details are reached.
     */
    reward: reward ? { requested: true, ...rewardView(reward), ...(payout ? { payout } : {}) } : null,
    /** The reporter's rating after closing, comment redacted; null before one is given. */
    satisfaction,
    assignments: assignments.map((a) => ({
      department: a.department, dispatchedAt: a.dispatched_at, signDueAt: a.sign_due_at, signedAt: a.signed_at,
      returnedAt: a.returned_at, returnReason: a.return_reason,
    })),
    transferCount: row.transfer_count,
    mergedInto: row.merged_into,
    duplicates: duplicates.map((d) => ({ caseNumber: d.case_number, kind: d.kind, category: d.category, status: d.status, receivedAt: d.received_at, subject: d.subject_name })),
    allowedActions: guardedActions(allowedActions(actor, scope), { row, clocks, assignments, actor }),
  };
}

export type CaseView = Awaited<ReturnType<typeof getCase>>;
