/** The intake centre's re-handling list (重办 suggestions): cases whose reporter rated 1–2 or "not resolved". */
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import type { Actor } from '../staff/actor.js';
import { countRehandleSuggestions, listRehandleSuggestions } from './satisfaction.repository.js';

export async function rehandleSuggestions(deps: Deps, actor: Actor, limit = 200) {
  if (actor.role !== 'intake') throw new AppError('forbidden', 'Only the intake centre reads the re-handling list.');
  const rows = await listRehandleSuggestions(deps.db, limit);
  return {
    items: rows.map((r) => ({
      caseNumber: r.case_number, kind: r.kind, category: r.category, department: r.department, status: r.status,
      score: r.rating, resolved: r.resolved === 1, ratedAt: r.at, rehandled: r.rehandle_count > 0,
    })),
  };
}

/** Re-handling suggestions per department among ratings given in the period (the overview's KPI). */
export async function rehandleSuggestionCounts(deps: Deps, start: string, end: string): Promise<Map<string | null, number>> {
  const rows = await countRehandleSuggestions(deps.db, start, end);
  return new Map(rows.map((r) => [r.department, Number(r.n)]));
}
