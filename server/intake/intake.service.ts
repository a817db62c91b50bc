/** Submitting a case: validate against the directory, route, seal, start the first clock. */
import type { CompiledQuery } from 'kysely';
import { nanoid } from 'nanoid';
import { newRowId } from '../lib/ids.js';
import type { CaseLanguage, Severity } from '../../domain/vocabulary.js';
import { attachmentAnswer, withStoredAttachments, type PreparedAttachment } from '../attachments/attachments.service.js';
import { commitWithAudit } from '../audit/audit.service.js';
import { computeDue, firstClockRule, shanghaiDate, SIGN_WINDOW, toShanghaiIso, type ClockRule } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { departmentRef } from '../directory/directory.js';
import { directorySnapshot, type DirectorySnapshot } from '../directory/snapshot.js';
import { AppError, zodIssues, type ErrorIssue } from '../errors.js';
import { formatReceipt, hashReceipt, newReceipt } from '../identity/receipt.js';
import { redact } from '../identity/redact.js';
import { seal } from '../identity/seal.js';
import { newPseudonym } from '../identity/pseudonym.js';
import { parseJsonText } from '../lib/body.js';
import { checkCreditCode, checkGtin, type CreditCodeCheck } from '../lib/identifiers.js';
import { routeCase, type RoutingDecision } from '../routing/route.js';
import { routingFacts } from '../routing/routing-facts.js';
import { injurySeverity } from './accident.js';
import { insertCaseQueries } from './intake.repository.js';
import { kinds, submissionSchema, type Submission, type SubmittedCase } from './intake.schema.js';
import { keyRowQueries } from './submit-once.service.js';
import type { KeyClaim } from './submission-keys.js';

/** The directory checks zod cannot do: the category exists and takes this kind. */
function directoryIssues(dir: DirectorySnapshot, code: string, kind: string | null): ErrorIssue[] {
  const category = dir.categories.get(code);
  if (!category) return [{ path: 'category', message: `unknown category ${code}` }];
  if (kind !== null && !category.kinds.split(',').includes(kind)) {
    return [{ path: 'category', message: `category ${code} does not take a ${kind} (it takes ${category.kinds})` }];
  }
  return [];
}

function checkAgainstDirectory(dir: DirectorySnapshot, s: Submission) {
  const issues = directoryIssues(dir, s.category, s.kind);
  if (issues.length > 0) throw new AppError('validation_failed', 'The request is not valid.', issues);
}

/**
 * The submission checked by the schema; a refusal names every problem at once, the directory's
 * (an unknown category, or one that does not take this kind) with the schema's.
 */
export async function validateSubmission(deps: Deps, input: unknown): Promise<Submission> {
  const parsed = submissionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  const raw = (typeof input === 'object' && input !== null ? input : {}) as { category?: unknown; kind?: unknown };
  if (typeof raw.category === 'string' && raw.category.trim() !== '' && !issues.some((i) => i.path === 'category')) {
    const kind = typeof raw.kind === 'string' && (kinds as readonly string[]).includes(raw.kind) ? raw.kind : null;
    issues.push(...directoryIssues(await directorySnapshot(deps.db), raw.category.trim(), kind));
  }
  throw new AppError('validation_failed', 'The request is not valid.', issues);
}

function identityOf(s: Submission) {
  const r = s.reporter;
  if (!r || r.anonymous) return null;
  // A filing enterprise is sealed with its contact person: the reporter is the person, for the enterprise.
  return { name: r.name, phone: r.phone, idNumber: r.idNumber, email: r.email, address: r.address, ...(r.enterprise ? { enterprise: r.enterprise } : {}) };
}

/** The accident figures and who filed, as stored on the case (figures NULL when none were given). */
function accidentColumns(s: Submission) {
  const a = s.kind === 'injury' ? s.accident : undefined;
  return {
    accident_deaths: a?.deaths ?? null, accident_seriously_injured: a?.seriouslyInjured ?? null,
    accident_injured: a?.injured ?? null, accident_loss_fen: a?.directLossFen ?? null,
    filed_by_enterprise: s.kind === 'injury' && s.reporter && !s.reporter.anonymous && s.reporter.enterprise ? 1 : 0,
  };
}

/** What a submission decides before anything is written: routing, the first clock, the receipt. */
interface Filing {
  s: Submission;
  caseId: string;
  at: string;
  /** The case number's day, in Shanghai (yyyymmdd). */
  day: string;
  identity: ReturnType<typeof identityOf>;
  /** The reporter's own name: redaction takes it out of the free text. */
  names: string[];
  severity: Severity | null;
  decision: RoutingDecision;
  rule: ClockRule;
  dueAt: string;
  provisional: boolean;
  signDueAt: string;
  receipt: string;
  creditCheck: CreditCodeCheck | null;
  /** The product's GTIN has a wrong check digit. */
  gtinCheckFailed: boolean;
}

async function planFiling(deps: Deps, dir: DirectorySnapshot, s: Submission, now: Date): Promise<Filing> {
  const identity = identityOf(s);
  // An injury's figures may raise its severity, never lower it (server/intake/accident.ts).
  const severity: Severity | null = s.kind === 'injury' ? injurySeverity(s.severity, s.accident) : null;
  const facts = routingFacts(dir, s.category, s.region, deps.config.INTAKE_PROVINCE);
  const decision = routeCase({ kind: s.kind, category: s.category, region: s.region, severity }, facts);
  const calendar = await deps.calendar.get();
  const rule = firstClockRule(s.kind, severity);
  const due = computeDue(calendar, now, rule);
  return {
    s, caseId: newRowId(), at: toShanghaiIso(now), day: shanghaiDate(now).replaceAll('-', ''),
    identity, names: identity ? [identity.name] : [], severity, decision, rule,
    dueAt: toShanghaiIso(due.dueAt), provisional: due.provisional,
    signDueAt: toShanghaiIso(computeDue(calendar, now, SIGN_WINDOW).dueAt),
    receipt: newReceipt(),
    creditCheck: s.subject.creditCode ? checkCreditCode(s.subject.creditCode) : null,
    gtinCheckFailed: s.subject.product?.gtin ? !checkGtin(s.subject.product.gtin).checkOk : false,
  };
}

/** The text as typed and the reporter's identity, each sealed to this case and purpose. */
function sealedRows(deps: Deps, { s, caseId, at, identity }: Filing) {
  const sealed = [
    // The subject is kept as typed too: redaction may take a phone number out of its name or address.
    { purpose: 'original_text' as const, value: { description: s.description, claim: s.claim ?? null, subject: { name: s.subject.name, address: s.subject.address ?? null, product: s.subject.product ?? null } } },
    ...(identity ? [{ purpose: 'identity' as const, value: identity }] : []),
  ];
  return Promise.all(sealed.map(async ({ purpose, value }) => {
    const box = await seal(deps.keys, value, `${caseId}:${purpose}`);
    return { case_id: caseId, purpose, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext, created_at: at };
  }));
}

/** The product's free text redacted like the subject's; the GTIN is digits already checked, kept as is. */
function productColumns(s: Submission, names: string[]) {
  const p = s.subject.product;
  const text = (v: string | undefined) => (v ? redact(v, names) : null);
  return {
    product_name: text(p?.name), product_brand: text(p?.brand), product_model: text(p?.model),
    product_batch: text(p?.batch), product_gtin: p?.gtin ?? null,
  };
}

/** The case row: the free text redacted, the receipt kept only as its keyed hash. */
async function caseRow(deps: Deps, f: Filing, language: CaseLanguage) {
  const { s, decision, names, creditCheck, at } = f;
  return {
    id: f.caseId, kind: s.kind, category: s.category, region: s.region, status: 'received' as const,
    department: decision.department, routing_rule: decision.rule, routing_reason: decision.reason,
    // The subject fields are free text too ("张三的店，电话138…"); the business name itself stays.
    subject_name: redact(s.subject.name, names), subject_credit_code: creditCheck?.code ?? null,
    subject_address: s.subject.address ? redact(s.subject.address, names) : null,
    credit_code_check_failed: creditCheck && !creditCheck.checkOk ? 1 : 0,
    ...productColumns(s, names), gtin_check_failed: f.gtinCheckFailed ? 1 : 0, ...accidentColumns(s),
    description: redact(s.description, names), claim: s.claim ? redact(s.claim, names) : null,
    occurred_on: s.occurredOn ?? null, severity: f.severity, reward_requested: s.reward ? 1 : 0, urgent: decision.urgent ? 1 : 0,
    reporter_relation: s.kind === 'report' ? (s.reporter?.relation ?? null) : null,
    anonymous: f.identity ? 0 : 1, pseudonym: newPseudonym(),
    receipt_hash: await hashReceipt(deps.keys.current, f.receipt), receipt_key_id: deps.keys.current.id,
    language, received_at: at, updated_at: at, next_due_at: f.dueAt,
  };
}

/** Every row of a new case, in one batch: the case, its first events and clock, its assignments, its mail. */
async function caseQueries(deps: Deps, f: Filing, language: CaseLanguage) {
  const { s, caseId, at, decision } = f;
  const sealed = await sealedRows(deps, f);
  const row = await caseRow(deps, f, language);
  const event = (name: string, note: string | null, data: unknown = null, isPublic = true) => ({
    id: newRowId(), case_id: caseId, at, event: name, actor: 'system', note,
    data: data === null ? null : JSON.stringify(data), public: isPublic ? 1 : 0,
  });
  const outboxRow = (template: string, type: 'department' | 'reporter', ref: string) => ({
    id: newRowId(), case_id: caseId, template, recipient_type: type, recipient_ref: ref,
    // Department mail carries the number, category and due date, never identity or narrative.
    params: JSON.stringify({ category: s.category, dueAt: f.dueAt, clock: f.rule.clock }),
    next_attempt_at: at, message_id: `<${nanoid()}@intake>`, created_at: at,
  });
  return insertCaseQueries(deps.db, {
    numberPrefix: `${deps.config.INTAKE_CASE_PREFIX}${f.day}`,
    day: f.day,
    caseRow: row,
    sealed,
    events: [
      event('received', null),
      event(decision.department ? 'routed' : 'triage', decision.department ?? null, { rule: decision.rule, reason: decision.reason }, false),
      ...decision.cohandlers.map((c) => event('cohandler_added', c.department, { reason: c.reason }, false)),
    ],
    clocks: [{
      id: newRowId(), case_id: caseId, clock: f.rule.clock, started_at: at, due_at: f.dueAt,
      provisional: f.provisional ? 1 : 0, status: 'running',
    }],
    cohandlers: decision.cohandlers.map((c) => ({ case_id: caseId, department: c.department, reason: c.reason, added_at: at })),
    assignments: [decision.department, ...decision.cohandlers.map((c) => c.department)].flatMap((department) =>
      department ? [{ id: newRowId(), case_id: caseId, department, dispatched_at: at, sign_due_at: f.signDueAt }] : []),
    outbox: [
      decision.department
        ? outboxRow('case_new_department', 'department', decision.department)
        : outboxRow('case_triage', 'department', `intake-${deps.config.INTAKE_PROVINCE}`),
      ...decision.cohandlers.map((c) => outboxRow('case_new_department', 'department', c.department)),
      ...(f.identity?.email ? [outboxRow('case_received_reporter', 'reporter', caseId)] : []),
    ],
    // A report asking for a reward starts its reward at `requested` (server/rewards/).
    rewards: s.kind === 'report' && s.reward ? [{ case_id: caseId, status: 'requested', created_at: at, updated_at: at }] : [],
  });
}

function submittedAnswer(dir: DirectorySnapshot, f: Filing, caseNumber: string, attachments: PreparedAttachment[]): SubmittedCase {
  const refs = (codes: string[]) => codes.flatMap((code) => {
    const d = dir.departments.get(code);
    return d ? [departmentRef(d)] : [];
  });
  const [department] = f.decision.department ? refs([f.decision.department]) : [];
  return {
    caseNumber,
    receipt: formatReceipt(f.receipt),
    kind: f.s.kind,
    status: 'received',
    department: department ?? null,
    cohandlers: refs(f.decision.cohandlers.map((c) => c.department)),
    urgent: f.decision.urgent,
    creditCodeCheckFailed: Boolean(f.creditCheck && !f.creditCheck.checkOk),
    gtinCheckFailed: f.gtinCheckFailed,
    severity: f.severity,
    due: [{ clock: f.rule.clock, dueAt: f.dueAt, provisional: f.provisional }],
    receivedAt: f.at,
    attachments: attachments.map(attachmentAnswer),
  };
}

/**
 * Files a case with its attachments (already checked by prepareAttachments); returns what the
 * reporter is shown once, receipt included. With a key claim, the key's row joins the batch; so do
 * a channel's own rows (`extraRows`, e.g. the Open311 token), given the new case's id.
 */
export async function submitCase(
  deps: Deps, s: Submission, language: CaseLanguage = 'zh', attachments: PreparedAttachment[] = [], claim: KeyClaim | null = null,
  extraRows: (caseId: string) => CompiledQuery[] = () => [],
): Promise<SubmittedCase> {
  const dir = await directorySnapshot(deps.db);
  checkAgainstDirectory(dir, s);
  const now = deps.clock.now();
  const filing = await planFiling(deps, dir, s, now);
  const queries = await caseQueries(deps, filing, language);
  const answer = submittedAnswer(dir, filing, '', attachments);
  if (claim) queries.push(...await keyRowQueries(deps, claim, filing.caseId, answer, now));
  queries.push(...extraRows(filing.caseId));
  const { caseId, at, decision } = filing;
  // The attachment rows join the case's batch; their bytes are stored first and removed if it fails.
  const results = await withStoredAttachments(deps, { caseId, at }, attachments, (attachmentQueries) =>
    commitWithAudit(deps, [...queries, ...attachmentQueries], [{
      actor: 'public', action: 'case.submitted', caseId,
      detail: { kind: s.kind, department: decision.department, attachments: attachments.length },
    }]));
  const caseNumber = (results[1]?.rows[0] as { case_number: string } | undefined)?.case_number;
  if (!caseNumber) throw new AppError('internal', 'The case could not be numbered.');
  return { ...answer, caseNumber };
}

/** A JSON submission from its text: parsed, validated, filed (POST /api/v1/cases without attachments). */
export async function submitJson(deps: Deps, jsonText: string, language: CaseLanguage): Promise<SubmittedCase> {
  return submitCase(deps, await validateSubmission(deps, parseJsonText(jsonText)), language);
}
