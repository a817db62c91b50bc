/** The staff workspace's reads: the department queue and the case page. */
import { addWorkingDays } from '../clocks/calendar.js';
import { endOfShanghaiDay, shanghaiDate, toShanghaiIso } from '../clocks/clocks.js';
import { attachmentViews } from '../attachments/attachments.service.js';
import type { Deps } from '../deps.js';
import { directorySnapshot } from '../directory/snapshot.js';
import { AppError } from '../errors.js';
import { reporterContactFor } from '../identity/identity.service.js';
import type { Actor } from '../staff/actor.js';
import {
  countByStatus, countQueue, findCaseByNumber, findLikelyDuplicates, listAssignments, listClocks, listCohandlers,
  listEvents, listMessages, listQueuePage, listRunningClocks, type QueueFilter, type Visibility,
} from './cases.repository.js';
import { clockView, departmentOf, eventView, queueItemView, type DepartmentNames, type DueItem } from './cases.view.js';
import { allowedActions } from './lifecycle.js';
import { guardedActions } from './guards.js';

const CASE_ROLES = new Set(['intake', 'handler', 'supervisor']);

/** What this staff member may see; roles without case work are refused outright. */
export function visibilityOf(actor: Actor): Visibility {
  if (!CASE_ROLES.has(actor.role)) throw new AppError('forbidden', `The role ${actor.role} has no case queue.`);
  if (actor.role === 'intake') return { all: true };
  if (!actor.department) throw new AppError('forbidden', 'This account has no department.');
  return { all: false, department: actor.department };
}

/** Department names by code, for showing cases (all departments, inactive ones included). */
export async function departmentNames(deps: Deps): Promise<DepartmentNames> {
  return (await directorySnapshot(deps.db)).departmentNames;
}

/** The end of the second working day from now: "due soon" (DESIGN §3). */
export async function dueSoonLimit(deps: Deps, now: Date): Promise<string> {
  const cal = await deps.calendar.get();
  return toShanghaiIso(endOfShanghaiDay(addWorkingDays(cal, shanghaiDate(now), 2).date));
}

export interface QueueQuery {
  status?: string;
  kind?: string;
  category?: string;
  overdue?: boolean;
  dueSoon?: boolean;
  triage?: boolean;
  cursor?: string;
  limit: number;
}

const encodeCursor = (key: string, number: string) => btoa(JSON.stringify([key, number])).replace(/=+$/, '');

function decodeCursor(cursor: string): [string, string] {
  try {
    const value = JSON.parse(atob(cursor)) as unknown;
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) return value as [string, string];
  } catch { /* fall through */ }
  throw new AppError('validation_failed', 'The cursor is not valid.', [{ path: 'cursor', message: 'use nextCursor from the previous page' }]);
}

/** One page of the caller's queue, sorted by due date, with counts per filter. */
export async function listQueue(deps: Deps, actor: Actor, query: QueueQuery) {
  const visibility = visibilityOf(actor);
  const now = deps.clock.now();
  const nowIso = toShanghaiIso(now);
  const soon = await dueSoonLimit(deps, now);
  const filter: QueueFilter = {
    status: query.status, kind: query.kind, category: query.category, triage: query.triage,
    overdueBefore: query.overdue ? nowIso : undefined,
    dueBetween: query.dueSoon ? [nowIso, soon] : undefined,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  };
  // The counts first: they tell the page whether the status filtered on is a common one.
  const counts = await queueCounts(deps, visibility, nowIso, soon);
  if (filter.status) filter.statusIsCommon = (counts.byStatus[filter.status] ?? 0) * 5 >= counts.total && counts.total > 0;
  const [rows, names] = await Promise.all([listQueuePage(deps.db, visibility, filter), departmentNames(deps)]);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const running = new Map<string, DueItem[]>();
  for (const r of await listRunningClocks(deps.db, page.map((c) => c.id))) {
    running.set(r.case_id, [...(running.get(r.case_id) ?? []), { clock: r.clock, dueAt: r.due_at, provisional: r.provisional === 1 }]);
  }
  return {
    items: page.map((c) => queueItemView(c, names, now, soon, running.get(c.id))),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.next_due_at ?? '~', last.case_number) : null,
    counts,
  };
}

// The intake centre's counts span every case (a full index scan at a million cases): they are
// reused for a few seconds. A department's counts are index ranges and always fresh.
const ALL_COUNTS_TTL_MS = 3_000;
const allCountsCache = new WeakMap<Deps, { expires: number; counts: Promise<QueueCounts> }>();

type QueueCounts = { total: number; overdue: number; dueSoon: number; triage?: number; byStatus: Record<string, number> };

async function countAll(deps: Deps, visibility: Visibility, nowIso: string, soon: string): Promise<QueueCounts> {
  const [byStatus, overdue, dueSoon, triage] = await Promise.all([
    countByStatus(deps.db, visibility),
    countQueue(deps.db, visibility, { overdueBefore: nowIso }),
    countQueue(deps.db, visibility, { dueBetween: [nowIso, soon] }),
    visibility.all ? countQueue(deps.db, visibility, { triage: true }) : Promise.resolve(0),
  ]);
  return {
    total: byStatus.reduce((sum, r) => sum + r.n, 0), overdue, dueSoon, ...(visibility.all ? { triage } : {}),
    byStatus: Object.fromEntries(byStatus.map((r) => [r.status, r.n])),
  };
}

function queueCounts(deps: Deps, visibility: Visibility, nowIso: string, soon: string): Promise<QueueCounts> {
  if (!visibility.all) return countAll(deps, visibility, nowIso, soon);
  const now = deps.clock.now().getTime();
  const cached = allCountsCache.get(deps);
  if (cached && cached.expires > now) return cached.counts;
  const counts = countAll(deps, visibility, nowIso, soon);
  allCountsCache.set(deps, { expires: now + ALL_COUNTS_TTL_MS, counts });
  counts.catch(() => allCountsCache.delete(deps));
  return counts;
}

/** Finds a case the actor may see; any other case is "not found", never "forbidden". */
export async function findVisibleCase(deps: Deps, actor: Actor, caseNumber: string, justActed = false) {
  const visibility = visibilityOf(actor);
  const row = await findCaseByNumber(deps.db, caseNumber);
  if (!row) throw new AppError('not_found', `No case ${caseNumber}.`);
  const cohandlers = await listCohandlers(deps.db, row.id);
  // justActed: a department that just returned a case is shown the result of its own action once.
  if (!justActed && !visibility.all && row.department !== visibility.department && !cohandlers.includes(visibility.department)) {
    throw new AppError('not_found', `No case ${caseNumber}.`);
  }
  return { row, cohandlers, visibility };
}

/** The case page: redacted text, clocks, timeline, messages, allowed actions, likely duplicates. */
export async function getCase(deps: Deps, actor: Actor, caseNumber: string, justActed = false) {
  const { row, cohandlers, visibility } = await findVisibleCase(deps, actor, caseNumber, justActed);
  const now = deps.clock.now();
  const cal = await deps.calendar.get();
  const [clocks, events, messages, assignments, names] = await Promise.all([
    listClocks(deps.db, row.id), listEvents(deps.db, row.id), listMessages(deps.db, row.id),
    listAssignments(deps.db, row.id), departmentNames(deps),
  ]);
  const since = toShanghaiIso(new Date(new Date(row.received_at).getTime() - 90 * 86_400_000));
  const duplicates = await findLikelyDuplicates(deps.db, row, since, visibility);
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
    subject: { name: row.subject_name, creditCode: row.subject_credit_code, address: row.subject_address },
    flags: {
      creditCodeCheckFailed: row.credit_code_check_failed === 1, urgent: row.urgent === 1,
      escalated: row.escalated === 1, urged: row.urge_count > 0, legalHold: row.legal_hold === 1,
    },
    description: row.description,
    claim: row.claim,
    occurredOn: row.occurred_on,
    severity: row.severity,
    fineFen: row.fine_fen,
    receivedAt: row.received_at,
    closedAt: row.closed_at,
    reporter: row.pseudonym,
    anonymous: row.anonymous === 1,
    /** Complaint only, lead department only: e.g. { name: '张*', phone: '138****8000' }; null otherwise. */
    reporterContact: await reporterContactFor(deps, actor, row),
    due: clockViews,
    overdue: clockViews.some((c) => c.overdue),
    timeline: events.map(eventView),
    messages: messages.map((m) => ({ id: m.id, at: m.at, from: m.sender, body: m.body })),
    attachments: await attachmentViews(deps, row.id, row.case_number),
    reward: row.kind === 'report' ? { requested: row.reward_requested === 1 } : null,
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
