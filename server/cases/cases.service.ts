/** The staff workspace's queue. The case page is case-page.service.ts; who sees what, visibility.ts. */
import { addWorkingDays } from '../clocks/calendar.js';
import { endOfShanghaiDay, shanghaiDate, toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { directorySnapshot } from '../directory/snapshot.js';
import type { Actor } from '../staff/actor.js';
import { countByStatus, countQueue, listQueuePage, listRunningClocks, queueKeyOf, type QueueFilter } from './cases.repository.js';
import { queueSearchOf } from './cases.schema.js';
import { queueItemView, type DepartmentNames, type DueItem } from './cases.view.js';
import { visibilityOf, type Visibility } from './visibility.js';
import { decodeCursor, encodeCursor } from '../lib/cursor.js';

/** Department names by code, for showing cases (all departments, inactive ones included). */
export async function departmentNames(deps: Deps): Promise<DepartmentNames> {
  return (await directorySnapshot(deps.db)).departmentNames;
}

/** The end of the second working day from now: "due soon" (docs/lifecycle.md). */
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
  /** A search: see queueSearchOf. */
  q?: string | undefined;
  cursor?: string;
  limit: number;
}

/** One page of the caller's queue (open cases by due date, closed last), with counts per filter. */
export async function listQueue(deps: Deps, actor: Actor, query: QueueQuery) {
  const visibility = visibilityOf(actor);
  const now = deps.clock.now();
  const nowIso = toShanghaiIso(now);
  const soon = await dueSoonLimit(deps, now);
  const filter: QueueFilter = {
    status: query.status, kind: query.kind, category: query.category, triage: query.triage, search: queueSearchOf(query.q),
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
    nextCursor: rows.length > query.limit && last ? encodeCursor(queueKeyOf(last), last.case_number) : null,
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
