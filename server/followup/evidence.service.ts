/**
 * Evidence sent after filing (POST /api/v1/followup/attachments and the follow-up page): checked,
 * stripped and stored like the files of a submission, in one audited batch with its history entry
 * and the department's notice, as a reporter's message is.
 */
import { attachmentAnswer, prepareAttachments, withStoredAttachments, type AttachmentPart } from '../attachments/attachments.service.js';
import { countAttachments } from '../attachments/attachments.repository.js';
import { AttachmentRefusal, MAX_ATTACHMENTS } from '../attachments/limits.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { findCaseById } from '../cases/cases.repository.js';
import { toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { newRowId } from '../lib/ids.js';
import { outboxInsertQuery } from '../notify/outbox.repository.js';
import { evidenceEventQuery } from './followup.repository.js';

/** Why a case takes no more evidence, or null; `room`: how many files it may still take. */
export type EvidenceState = { open: true; room: number } | { open: false; reason: 'closed' | 'merged' | 'full' };

export async function evidenceState(deps: Deps, caseId: string): Promise<EvidenceState> {
  const row = await findCaseById(deps.db, caseId);
  if (!row) throw new AppError('unauthenticated', 'Enter your receipt again.');
  if (row.status === 'closed' || row.purged_at) return { open: false, reason: 'closed' };
  if (row.status === 'merged') return { open: false, reason: 'merged' };
  const room = MAX_ATTACHMENTS - (await countAttachments(deps.db, caseId));
  return room > 0 ? { open: true, room } : { open: false, reason: 'full' };
}

/** 409 unless the case still takes evidence: asked before a byte of an upload is read. */
export async function assertEvidenceOpen(deps: Deps, caseId: string): Promise<number> {
  const state = await evidenceState(deps, caseId);
  if (state.open) return state.room;
  if (state.reason === 'full') {
    throw new AttachmentRefusal('case_full', `This case already has the ${MAX_ATTACHMENTS} attachments a case may have.`);
  }
  throw new AppError('conflict', state.reason === 'closed'
    ? 'This case is closed: it takes no more evidence.'
    : 'This case was merged into another; evidence goes there.');
}

/** Checks, stores and records the files; throws AttachmentRefusal (a file, or the case's limit) or 409. */
export async function addEvidence(deps: Deps, caseId: string, files: AttachmentPart[]) {
  const room = await assertEvidenceOpen(deps, caseId);
  if (files.length === 0) {
    throw new AppError('validation_failed', 'Send at least one file.', [{ path: 'attachments', message: 'choose a file' }]);
  }
  if (files.length > room) {
    throw new AttachmentRefusal('case_full', `A case may have ${MAX_ATTACHMENTS} attachments: this one can take ${room} more, not ${files.length}.`);
  }
  const prepared = await prepareAttachments(files);
  const row = (await findCaseById(deps.db, caseId))!;
  const at = toShanghaiIso(deps.clock.now());
  const ids = prepared.map((a) => a.id);
  const notice = row.department ? [outboxInsertQuery(deps.db, {
    case_id: caseId, template: 'reporter_evidence', recipient_type: 'department', recipient_ref: row.department,
    params: { category: row.category }, at,
  })] : [];
  await withStoredAttachments(deps, { caseId, at }, prepared, (queries) => commitWithAudit(deps, [
    ...queries, evidenceEventQuery(deps.db, { id: newRowId(), caseId, at, attachments: ids }), ...notice,
  ], [{ actor: 'reporter', action: 'attachment.reporter_added', caseId, detail: { attachments: ids } }]));
  return { attachments: prepared.map(attachmentAnswer) };
}
