/** The queue page's filters as a URL: read from the query, written back into links. */
import { queueQuerySchema } from '../../server/cases/cases.schema.js';
import type { QueueQuery } from '../../server/cases/cases.service.js';

export type QueueFilters = Omit<QueueQuery, 'cursor' | 'limit'>;

export const PAGE_SIZE = 50;

/** A GET form sends empty selects as `status=`: those mean "any", not an invalid value. */
export function readQueueQuery(query: Record<string, string>): QueueQuery {
  const present = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
  return queueQuerySchema.parse({ limit: String(PAGE_SIZE), ...present });
}

export function filtersOf(q: QueueQuery): QueueFilters {
  const { cursor: _cursor, limit: _limit, ...filters } = q;
  return filters;
}

export function queueHref(filters: QueueFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.category) params.set('category', filters.category);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.dueSoon) params.set('dueSoon', '1');
  if (filters.triage) params.set('triage', '1');
  if (filters.q?.trim()) params.set('q', filters.q.trim());
  if (cursor) params.set('cursor', cursor);
  const search = params.toString();
  return search ? `/staff?${search}` : '/staff';
}

export const isFiltered = (f: QueueFilters) => Boolean(f.status || f.kind || f.category || f.overdue || f.dueSoon || f.triage || f.q?.trim());
