/** Submitting a case: validate against the directory, route, seal, start the first clock. */
import { nanoid } from 'nanoid';
import { newRowId } from '../lib/ids.js';
import type { Severity } from '../../domain/vocabulary.js';
import { attachmentAnswer, withStoredAttachments, type PreparedAttachment } from '../attachments/attachments.service.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { computeDue, firstClockRule, shanghaiDate, toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { departmentRef } from '../directory/directory.js';
import { directorySnapshot, type DirectorySnapshot } from '../directory/snapshot.js';
import { AppError } from '../errors.js';
import { formatReceipt, hashReceipt, newReceipt } from '../identity/receipt.js';
import { redact } from '../identity/redact.js';
import { seal } from '../identity/seal.js';
import { newPseudonym } from '../identity/pseudonym.js';
import { parseJsonText } from '../lib/body.js';
import { checkCreditCode } from '../lib/identifiers.js';
import { routeCase } from '../routing/route.js';
import { routingFacts } from '../routing/routing.repository.js';
import { insertCaseQueries } from './intake.repository.js';
import { submissionSchema, type Submission, type SubmittedCase } from './intake.schema.js';

/** The sign-for window of a dispatched case (a KPI, never a pause of the statutory clock). */
export const SIGN_WINDOW = { clock: 'accept_decision', workingDays: 1 } as const;

/** The directory checks zod cannot do: the category exists and takes this kind. */
function checkAgainstDirectory(dir: DirectorySnapshot, s: Submission) {
  const category = dir.categories.get(s.category);
  if (!category) {
    throw new AppError('validation_failed', 'The request is not valid.', [{ path: 'category', message: `unknown category ${s.category}` }]);
  }
  if (!category.kinds.split(',').includes(s.kind)) {
    throw new AppError('validation_failed', 'The request is not valid.', [
      { path: 'category', message: `category ${s.category} does not take a ${s.kind} (it takes ${category.kinds})` },
    ]);
  }
}

function identityOf(s: Submission) {
  const r = s.reporter;
  if (!r || r.anonymous) return null;
  return { name: r.name, phone: r.phone, idNumber: r.idNumber, email: r.email, address: r.address };
}

/**
 * Files a case with its attachments (already checked by prepareAttachments); returns what the
 * reporter is shown once, receipt included.
 */
export async function submitCase(
  deps: Deps, s: Submission, language: 'zh' | 'en' = 'zh', attachments: PreparedAttachment[] = [],
): Promise<SubmittedCase> {
  const dir = await directorySnapshot(deps.db);
  checkAgainstDirectory(dir, s);
  const now = deps.clock.now();
  const at = toShanghaiIso(now);
  const caseId = newRowId();
  const identity = identityOf(s);
  const severity: Severity | null = s.kind === 'injury' ? (s.severity ?? null) : null;
  const facts = routingFacts(dir, s.category, s.region, deps.config.INTAKE_PROVINCE);
  const decision = routeCase({ kind: s.kind, category: s.category, region: s.region, severity }, facts);
  const calendar = await deps.calendar.get();
  const rule = firstClockRule(s.kind, severity);
  const due = computeDue(calendar, now, rule);
  const dueAt = toShanghaiIso(due.dueAt);
  const signDueAt = toShanghaiIso(computeDue(calendar, now, SIGN_WINDOW).dueAt);
  const receipt = newReceipt();
  const creditCheck = s.subject.creditCode ? checkCreditCode(s.subject.creditCode) : null;
  const names = identity ? [identity.name] : [];
  const day = shanghaiDate(now).replaceAll('-', '');

  const sealed = [
    // The subject is kept as typed too: redaction may take a phone number out of its name or address.
    { purpose: 'original_text' as const, value: { description: s.description, claim: s.claim ?? null, subject: { name: s.subject.name, address: s.subject.address ?? null } } },
    ...(identity ? [{ purpose: 'identity' as const, value: identity }] : []),
  ];
  const sealedRows = await Promise.all(sealed.map(async ({ purpose, value }) => {
    const box = await seal(deps.keys, value, `${caseId}:${purpose}`);
    return { case_id: caseId, purpose, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext, created_at: at };
  }));

  const event = (name: string, note: string | null, data: unknown = null, isPublic = true) => ({
    id: newRowId(), case_id: caseId, at, event: name, actor: 'system', note,
    data: data === null ? null : JSON.stringify(data), public: isPublic ? 1 : 0,
  });
  const outboxRow = (template: string, type: 'department' | 'reporter', ref: string) => ({
    id: newRowId(), case_id: caseId, template, recipient_type: type, recipient_ref: ref,
    // Department mail carries the number, category and due date, never identity or narrative.
    params: JSON.stringify({ category: s.category, dueAt, clock: rule.clock }),
    next_attempt_at: at, message_id: `<${nanoid()}@intake>`, created_at: at,
  });

  const queries = insertCaseQueries(deps.db, {
    numberPrefix: `${deps.config.INTAKE_CASE_PREFIX}${day}`,
    day,
    caseRow: {
      id: caseId, kind: s.kind, category: s.category, region: s.region, status: 'received',
      department: decision.department, routing_rule: decision.rule, routing_reason: decision.reason,
      // The subject fields are free text too ("张三的店，电话138…"); the business name itself stays.
      subject_name: redact(s.subject.name, names), subject_credit_code: creditCheck?.code ?? null,
      subject_address: s.subject.address ? redact(s.subject.address, names) : null,
      credit_code_check_failed: creditCheck && !creditCheck.checkOk ? 1 : 0,
      description: redact(s.description, names), claim: s.claim ? redact(s.claim, names) : null,
      occurred_on: s.occurredOn ?? null, severity, reward_requested: s.reward ? 1 : 0, urgent: decision.urgent ? 1 : 0,
      anonymous: identity ? 0 : 1, pseudonym: newPseudonym(),
      receipt_hash: await hashReceipt(deps.keys.current, receipt), receipt_key_id: deps.keys.current.id,
      language, received_at: at, updated_at: at, next_due_at: dueAt,
    },
    sealed: sealedRows,
    events: [
      event('received', null),
      event(decision.department ? 'routed' : 'triage', decision.department ?? null, { rule: decision.rule, reason: decision.reason }, false),
      ...decision.cohandlers.map((c) => event('cohandler_added', c.department, { reason: c.reason }, false)),
    ],
    clocks: [{
      id: newRowId(), case_id: caseId, clock: rule.clock, started_at: at, due_at: dueAt,
      provisional: due.provisional ? 1 : 0, status: 'running',
    }],
    cohandlers: decision.cohandlers.map((c) => ({ case_id: caseId, department: c.department, reason: c.reason, added_at: at })),
    assignments: [decision.department, ...decision.cohandlers.map((c) => c.department)].flatMap((department) =>
      department ? [{ id: newRowId(), case_id: caseId, department, dispatched_at: at, sign_due_at: signDueAt }] : []),
    outbox: [
      decision.department
        ? outboxRow('case_new_department', 'department', decision.department)
        : outboxRow('case_triage', 'department', `intake-${deps.config.INTAKE_PROVINCE}`),
      ...decision.cohandlers.map((c) => outboxRow('case_new_department', 'department', c.department)),
      ...(identity?.email ? [outboxRow('case_received_reporter', 'reporter', caseId)] : []),
    ],
  });
  // The attachment rows join the case's batch; their bytes are stored first and removed if it fails.
  const results = await withStoredAttachments(deps, { caseId, at, reporterNames: names }, attachments, (attachmentQueries) =>
    commitWithAudit(deps, [...queries, ...attachmentQueries], [{
      actor: 'public', action: 'case.submitted', caseId,
      detail: { kind: s.kind, department: decision.department, attachments: attachments.length },
    }]));
  const caseNumber = (results[1]?.rows[0] as { case_number: string } | undefined)?.case_number;
  if (!caseNumber) throw new AppError('internal', 'The case could not be numbered.');

  const refs = (codes: string[]) => codes.flatMap((code) => {
    const d = dir.departments.get(code);
    return d ? [departmentRef(d)] : [];
  });
  const [department] = decision.department ? refs([decision.department]) : [];
  return {
    caseNumber,
    receipt: formatReceipt(receipt),
    kind: s.kind,
    status: 'received',
    department: department ?? null,
    cohandlers: refs(decision.cohandlers.map((c) => c.department)),
    urgent: decision.urgent,
    creditCodeCheckFailed: Boolean(creditCheck && !creditCheck.checkOk),
    due: [{ clock: rule.clock, dueAt, provisional: due.provisional }],
    receivedAt: at,
    attachments: attachments.map(attachmentAnswer),
  };
}

/** A JSON submission from its text: parsed, validated, filed (POST /api/v1/cases without attachments). */
export async function submitJson(deps: Deps, jsonText: string, language: 'zh' | 'en'): Promise<SubmittedCase> {
  return submitCase(deps, submissionSchema.parse(parseJsonText(jsonText)), language);
}
