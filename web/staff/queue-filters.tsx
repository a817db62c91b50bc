/** The queue's filters: one-click views and statuses with their counts, and a GET form for the rest. */
import type { listQueue } from '../../server/cases/cases.service.js';
import { kinds } from '../../server/intake/intake.schema.js';
import type { StaffView } from './context.js';
import { isFiltered, queueHref, type QueueFilters } from './queue-query.js';

const activeKeys = (f: QueueFilters) => Object.entries(f).filter(([, value]) => Boolean(value)).map(([key]) => key).sort().join();

/** Whether the page shows exactly this one-click view, with no other filter on top. */
const isExactly = (filters: QueueFilters, view: QueueFilters) =>
  activeKeys(filters) === activeKeys(view) && Object.entries(view).every(([key, value]) => filters[key as keyof QueueFilters] === value);

export type QueueCounts = Awaited<ReturnType<typeof listQueue>>['counts'];

function FilterLink({ href, active, label, count }: { href: string; active: boolean; label: string; count: number }) {
  return (
    <li>
      <a href={href} class={active ? 'filter-link filter-active' : 'filter-link'} aria-current={active ? 'page' : undefined}>
        {label} <span class="count">{count}</span>
      </a>
    </li>
  );
}

export function QueueViews({ v, filters, counts }: { v: StaffView; filters: QueueFilters; counts: QueueCounts }) {
  const q = v.t.staff.queue;
  return (
    <nav aria-label={q.views} class="filters">
      <ul class="filter-list">
        <FilterLink href="/staff" active={!isFiltered(filters)} label={q.all} count={counts.total} />
        <FilterLink href={queueHref({ overdue: true })} active={isExactly(filters, { overdue: true })} label={q.overdue} count={counts.overdue} />
        <FilterLink href={queueHref({ dueSoon: true })} active={isExactly(filters, { dueSoon: true })} label={q.dueSoon} count={counts.dueSoon} />
        {counts.triage !== undefined && (
          <FilterLink href={queueHref({ triage: true })} active={isExactly(filters, { triage: true })} label={q.triage} count={counts.triage} />
        )}
      </ul>
    </nav>
  );
}

export function StatusLinks({ v, filters, counts }: { v: StaffView; filters: QueueFilters; counts: QueueCounts }) {
  const s = v.t.staff;
  const statuses = Object.keys(s.statuses).filter((status) => (counts.byStatus[status] ?? 0) > 0 || filters.status === status);
  if (statuses.length === 0) return null;
  return (
    <nav aria-label={s.queue.byStatus} class="filters">
      <ul class="filter-list">
        {statuses.map((status) => (
          <FilterLink href={queueHref({ status })} active={isExactly(filters, { status })}
            label={s.statuses[status] ?? status} count={counts.byStatus[status] ?? 0} />
        ))}
      </ul>
    </nav>
  );
}

/** Find a case by number, credit code or the start of the business name; a new search starts from the whole queue. */
export function SearchForm({ v, filters }: { v: StaffView; filters: QueueFilters }) {
  const w = v.t.staff.work.search;
  return (
    <form method="get" action="/staff" class="search-form" role="search">
      <label class="label" for="q-search">{w.label}</label>
      <p class="hint" id="q-search-hint">{w.hint}</p>
      <div class="search-row">
        <input class="input" type="search" id="q-search" name="q" value={filters.q ?? ''} maxlength={100}
          autocomplete="off" aria-describedby="q-search-hint" />
        <button type="submit" class="button">{w.submit}</button>
      </div>
      {filters.q?.trim() && <p class="search-showing">{w.showing(filters.q.trim())} <a href={queueHref({ ...filters, q: undefined })}>{w.clear}</a></p>}
    </form>
  );
}

export function FilterForm({ v, filters, counts }: { v: StaffView; filters: QueueFilters; counts: QueueCounts }) {
  const s = v.t.staff;
  const q = s.queue;
  return (
    <form method="get" action="/staff" class="filter-form">
      {filters.q?.trim() && <input type="hidden" name="q" value={filters.q.trim()} />}
      <fieldset class="fieldset">
        <legend class="legend">{q.filters}</legend>
        <div class="filter-grid">
          <label class="label" for="q-status">{q.status}
            <select class="select" id="q-status" name="status">
              <option value="">{q.any}</option>
              {Object.entries(s.statuses).map(([code, label]) => (
                <option value={code} selected={filters.status === code}>{`${label} (${counts.byStatus[code] ?? 0})`}</option>
              ))}
            </select>
          </label>
          <label class="label" for="q-kind">{q.kind}
            <select class="select" id="q-kind" name="kind">
              <option value="">{q.any}</option>
              {kinds.map((kind) => <option value={kind} selected={filters.kind === kind}>{s.kinds[kind] ?? kind}</option>)}
            </select>
          </label>
          <label class="label" for="q-category">{q.category}
            <select class="select" id="q-category" name="category">
              <option value="">{q.any}</option>
              {[...v.lookups.categories].map(([code, name]) => (
                <option value={code} selected={filters.category === code}>{name[v.lang]}</option>
              ))}
            </select>
          </label>
        </div>
        <div class="filter-checks">
          <label><input type="checkbox" name="overdue" value="1" checked={filters.overdue} /> {`${q.overdue} (${counts.overdue})`}</label>
          <label><input type="checkbox" name="dueSoon" value="1" checked={filters.dueSoon} /> {`${q.dueSoon} (${counts.dueSoon})`}</label>
          {counts.triage !== undefined && (
            <label><input type="checkbox" name="triage" value="1" checked={filters.triage} /> {`${q.triage} (${counts.triage})`}</label>
          )}
        </div>
        <button type="submit" class="button">{q.apply}</button>
        {isFiltered(filters) && <> <a href="/staff">{q.reset}</a></>}
      </fieldset>
    </form>
  );
}
