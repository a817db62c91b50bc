/**
 * Follow-up with the receipt (docs/protection.md): any reporter, named or anonymous, comes back with the 16
 * digits alone — status, deadlines, the public timeline, two-way messages, satisfaction.
 */
import { nanoid } from 'nanoid';
import { commitWithAudit } from '../audit/audit.service.js';
import { findCaseById, listAssignments, listClocks, listEvents, listMessages } from '../cases/cases.repository.js';
import { departmentNames } from '../cases/cases.service.js';
import { departmentOf } from '../cases/cases.view.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { normaliseReceipt, receiptHashCandidates } from '../identity/receipt.js';
import { identityDisclosed } from '../identity/disclosure.repository.js';
import { redact } from '../identity/redact.js';
import { seal, unseal } from '../identity/seal.js';
import { outboxInsertQuery } from '../notify/outbox.repository.js';
import { reporterRewardView } from '../rewards/claim.service.js';
import { findReward } from '../rewards/rewards.repository.js';
import { hashToken, newToken } from '../staff/tokens.js';
import {
  deleteFollowupSessionQuery, findCaseByReceiptHashes, findFollowupSession, findSatisfaction, findSealedIdentity, insertFollowupSessionQuery,
  insertMessageQueries, listSealedMessages,
} from './followup.repository.js';
import { publicStatus, PUBLIC_NOTE_EVENTS, signedByLead } from './public-status.js';
import { reporterAttachmentViews } from '../attachments/views.js';
import { evidenceState } from './evidence.service.js';
import { recordRating, type RatingInput } from '../satisfaction/satisfaction.service.js';

/** Exchanges a receipt for a follow-up token; null when no case has that receipt. */
export async function loginWithReceipt(deps: Deps, input: string): Promise<{ token: string; expiresAt: string } | null> {
  const receipt = normaliseReceipt(input);
  if (!receipt) return null;
  const found = await findCaseByReceiptHashes(deps.db, await receiptHashCandidates(deps.keys, receipt));
  if (!found) return null;
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = toShanghaiIso(new Date(now.getTime() + deps.config.INTAKE_FOLLOWUP_SESSION_MINUTES * 60_000));
  const idHash = await hashToken(token);
  await deps.batch([insertFollowupSessionQuery(deps.db, { id_hash: idHash, case_id: found.id, created_at: toShanghaiIso(now), expires_at: expiresAt })]);
  return { token, expiresAt };
}

/** The case a follow-up token opens, or 401. */
export async function caseOfToken(deps: Deps, token: string | null): Promise<string> {
  const session = token ? await findFollowupSession(deps.db, await hashToken(token)) : undefined;
  if (!session || new Date(session.expires_at) <= deps.clock.now()) {
    throw new AppError('unauthenticated', 'Enter your receipt again: the follow-up session is missing or has expired.');
  }
  return session.case_id;
}

async function reporterNames(deps: Deps, caseId: string): Promise<string[]> {
  const sealed = await findSealedIdentity(deps.db, caseId);
  if (!sealed) return [];
  const identity = await unseal<{ name?: string }>(deps.keys, {
    keyId: sealed.key_id, wrappedKey: sealed.wrapped_key, iv: sealed.iv, ciphertext: sealed.ciphertext,
  }, `${caseId}:identity`);
  return identity.name ? [identity.name] : [];
}

/** What the reporter sees: plain status, deadlines, public timeline, messages (their own unredacted). */
export async function followupView(deps: Deps, caseId: string) {
  const row = await findCaseById(deps.db, caseId);
  if (!row) throw new AppError('unauthenticated', 'Enter your receipt again.');
  const [clocks, events, messages, sealed, names, satisfaction, rewardRow, assignments] = await Promise.all([
    listClocks(deps.db, caseId), listEvents(deps.db, caseId), listMessages(deps.db, caseId),
    listSealedMessages(deps.db, caseId), departmentNames(deps), findSatisfaction(deps.db, caseId), findReward(deps.db, caseId),
    listAssignments(deps.db, caseId),
  ]);
  const reward = reporterReward(rewardRow);
  const originals = new Map<string, string>();
  for (const s of sealed) {
    const text = await unseal<string>(deps.keys, { keyId: s.key_id, wrappedKey: s.wrapped_key, iv: s.iv, ciphertext: s.ciphertext }, `message:${s.message_id}`);
    originals.set(s.message_id, text);
  }
  return {
    caseNumber: row.case_number,
    kind: row.kind,
    category: row.category,
    status: row.status,
    publicStatus: publicStatus(row.status, signedByLead(row.department, assignments)),
    department: departmentOf(row.department, names),
    receivedAt: row.received_at,
    due: clocks.filter((c) => c.status !== 'stopped').map((c) => ({ clock: c.clock, dueAt: c.due_at, provisional: c.provisional === 1, paused: c.status === 'paused' })),
    timeline: events.filter((e) => e.public === 1).map((e) => ({
      at: e.at, event: e.event, ...(PUBLIC_NOTE_EVENTS.has(e.event) && e.note ? { note: e.note } : {}),
    })),
    messages: messages.map((m) => ({ id: m.id, at: m.at, from: m.sender, body: originals.get(m.id) ?? m.body })),
    // The files sent, at filing and since, with the names the reporter gave them; whether more may be added.
    attachments: await reporterAttachmentViews(deps, caseId, row.received_at),
    evidence: await evidenceState(deps, caseId),
    // Only when the case has a reward: its state, and the amount and claim date once notified.
    ...(reward ? { reward } : {}),
    identityDisclosed: await identityDisclosedFor(deps, caseId),
    satisfaction: satisfaction ? { rating: satisfaction.rating, resolved: satisfaction.resolved === 1, at: satisfaction.at } : null,
    canRate: row.status === 'closed' && !satisfaction,
  };
}

/** The reporter's view of the reward with unset fields left out; null when the case has none. */
function reporterReward(row: Parameters<typeof reporterRewardView>[0]): { status: string; amountFen?: number; claimBy?: string } | null {
  const view = reporterRewardView(row);
  if (!view) return null;
  const { amountFen, claimBy } = view as { amountFen?: number | null; claimBy?: string | null };
  return { status: view.status, ...(amountFen != null ? { amountFen } : {}), ...(claimBy ? { claimBy } : {}) };
}

function identityDisclosedFor(deps: Deps, caseId: string): Promise<boolean> {
  return identityDisclosed(deps.db, caseId);
}

/** Ends a follow-up session (sign-out). */
export async function logoutFollowup(deps: Deps, token: string): Promise<void> {
  await deps.batch([deleteFollowupSessionQuery(deps.db, await hashToken(token))]);
}

/** A message from the reporter: the department reads it redacted, the original stays sealed. */
export async function postReporterMessage(deps: Deps, caseId: string, body: string) {
  const row = await findCaseById(deps.db, caseId);
  if (!row) throw new AppError('unauthenticated', 'Enter your receipt again.');
  if (row.status === 'merged') throw new AppError('conflict', 'This case was merged into another; messages go there.');
  const at = toShanghaiIso(deps.clock.now());
  const id = nanoid();
  const box = await seal(deps.keys, body, `message:${id}`);
  const queries = [
    ...insertMessageQueries(deps.db,
      { id, case_id: caseId, at, sender: 'reporter', author: null, body: redact(body, await reporterNames(deps, caseId)) },
      { message_id: id, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext }),
    ...(row.department ? [outboxInsertQuery(deps.db, {
      case_id: caseId, template: 'reporter_message', recipient_type: 'department', recipient_ref: row.department,
      params: { category: row.category }, at,
    })] : []),
  ];
  await commitWithAudit(deps, queries, [{ actor: 'reporter', action: 'message.reporter', caseId }]);
  return { id, at };
}

/** The satisfaction survey, once, after closing (server/satisfaction/). */
export async function rateCase(deps: Deps, caseId: string, input: RatingInput) {
  const row = await findCaseById(deps.db, caseId);
  if (!row) throw new AppError('unauthenticated', 'Enter your receipt again.');
  return recordRating(deps, row, input, { kind: 'followup' });
}
