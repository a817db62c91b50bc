/** GET /staff: the caller's cases sorted by due date, with filters, counts and keyset pages. */
import type { listQueue } from '../../server/cases/cases.service.js';
import { formatDue } from '../format.js';
import { DueBadge, Flags } from './badges.js';
import { departmentName, nameOf, type StaffView } from './context.js';
import { formatTime } from './format.js';
import { StaffLayout } from './layout.js';
import { FilterForm, QueueViews, SearchForm, StatusLinks } from './queue-filters.js';
import { queueHref, type QueueFilters } from './queue-query.js';

type Queue = Awaited<ReturnType<typeof listQueue>>;
type QueueItem = Queue['items'][number];

/**
 * One case. Each cell names its column (data-label): on a narrow screen the rows become cards, the
 * header is hidden and the due date comes right after the case number (web/static/styles.ts).
 */
function QueueRow({ v, item }: { v: StaffView; item: QueueItem }) {
  const { t, lang } = v;
  const s = t.staff;
  const c = s.queue.columns;
  return (
    <tr>
      <th scope="row" data-label={c.caseNumber}><a href={`/staff/cases/${item.caseNumber}`}>{item.caseNumber}</a></th>
      <td data-label={c.kind}>{s.kinds[item.kind] ?? item.kind}</td>
      <td data-label={c.category}>{nameOf(v.lookups.categories, item.category, lang)}</td>
      <td data-label={c.region}>{nameOf(v.lookups.regions, item.region, lang)}</td>
      <td data-label={c.status}>{s.statuses[item.status] ?? item.status}</td>
      <td data-label={c.department}>{item.department ? item.department.name[lang] : <em>{s.case.triage}</em>}</td>
      <td data-label={c.received} class="nowrap">{formatTime(item.receivedAt)}</td>
      <td data-label={c.due} class="queue-due">
        {item.nextDueAt && <span class="due-date">{formatDue(item.nextDueAt, lang, t)}</span>}
        <DueBadge t={t} due={item} />
      </td>
      <td data-label={c.flags} class="queue-flags"><Flags t={t} flags={item} /></td>
      <td data-label={c.reporter}>{item.reporter}</td>
    </tr>
  );
}

function QueueTable({ v, items }: { v: StaffView; items: QueueItem[] }) {
  const c = v.t.staff.queue.columns;
  return (
    <div class="table-scroll">
      <table class="table queue-table">
        <caption class="visually-hidden">{v.t.staff.work.order}</caption>
        <thead>
          <tr>
            <th scope="col">{c.caseNumber}</th><th scope="col">{c.kind}</th><th scope="col">{c.category}</th>
            <th scope="col">{c.region}</th><th scope="col">{c.status}</th><th scope="col">{c.department}</th>
            <th scope="col">{c.received}</th><th scope="col">{c.due}</th><th scope="col">{c.flags}</th>
            <th scope="col">{c.reporter}</th>
          </tr>
        </thead>
        <tbody>{items.map((item) => <QueueRow v={v} item={item} />)}</tbody>
      </table>
    </div>
  );
}

export interface QueuePageProps {
  v: StaffView;
  filters: QueueFilters;
  /** null: the caller's role has no queue. */
  queue: Queue | null;
  paged: boolean;
  notice?: string | undefined;
}

export function QueuePage({ v, filters, queue, paged, notice }: QueuePageProps) {
  const q = v.t.staff.queue;
  const department = v.actor ? departmentName(v, v.actor.department) : null;
  return (
    <StaffLayout v={v} title={q.title} current="queue">
      <h1>{q.title}{department && <span class="subtitle">{department}</span>}</h1>
      {notice && <p class="notice notice-success" role="status">{notice}</p>}
      {queue === null ? (
        <div class="notice" role="status">
          <p><strong>{q.noQueue}</strong></p>
          <p>{q.noQueueHint}</p>
          {(v.actor?.role === 'reward_officer' || v.actor?.role === 'reward_approver') && (
            <p><a href="/staff/rewards">{v.t.staff.reward.queue.title}</a></p>
          )}
        </div>
      ) : (
        <>
          <SearchForm v={v} filters={filters} />
          <QueueViews v={v} filters={filters} counts={queue.counts} />
          <StatusLinks v={v} filters={filters} counts={queue.counts} />
          <FilterForm v={v} filters={filters} counts={queue.counts} />
          <p class="hint">{v.t.staff.work.order}</p>
          {queue.items.length === 0 ? <p class="notice">{q.empty}</p> : <QueueTable v={v} items={queue.items} />}
          <nav class="pager" aria-label={q.pages}>
            {paged && <a href={queueHref(filters)}>{q.first}</a>}
            {queue.nextCursor && <a class="button button-secondary" rel="next" href={queueHref(filters, queue.nextCursor)}>{q.next}</a>}
          </nav>
        </>
      )}
    </StaffLayout>
  );
}
