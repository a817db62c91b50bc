/**
 * "Where would this go?": the routing decision a submission with these facts would get now. It runs
 * routingFacts + routeCase on the directory snapshot, the very path submitCase uses, so the answer cannot drift from it.
 */
import type { CaseKind } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { departmentRef } from '../directory/directory.js';
import { directorySnapshot, type DirectorySnapshot } from '../directory/snapshot.js';
import { AppError } from '../errors.js';
import { routeCase } from '../routing/route.js';
import { routingFacts } from '../routing/routing-facts.js';
import type { PreviewQuery } from './admin.schema.js';

function refOf(dir: DirectorySnapshot, code: string) {
  const d = dir.departments.get(code);
  return d ? departmentRef(d) : { code, name: { zh: code, en: code } };
}

export async function previewRoute(deps: Deps, q: PreviewQuery) {
  const invalid = (path: string, message: string) => new AppError('validation_failed', 'The request is not valid.', [{ path, message }]);
  // Checked as a submission is: an unknown category or a kind it does not take is refused, not triaged.
  const dir = await directorySnapshot(deps.db);
  const category = dir.categories.get(q.category);
  if (!category) throw invalid('category', `unknown category ${q.category}`);
  const takes = category.kinds.split(',').map((k) => k.trim()) as CaseKind[];
  const kind = q.kind ?? takes[0] ?? 'complaint';
  if (!takes.includes(kind)) throw invalid('kind', `category ${q.category} does not take a ${kind} (it takes ${category.kinds})`);
  const severity = kind === 'injury' ? (q.severity ?? null) : null;
  const facts = routingFacts(dir, q.category, q.region, deps.config.INTAKE_PROVINCE);
  const decision = routeCase({ kind, category: q.category, region: q.region, severity }, facts);
  return {
    input: { category: q.category, region: q.region, kind, severity },
    department: decision.department ? refOf(dir, decision.department) : null,
    rule: decision.rule,
    reason: decision.reason,
    urgent: decision.urgent,
    cohandlers: decision.cohandlers.map((h) => ({ ...refOf(dir, h.department), reason: h.reason })),
  };
}

export type RoutePreview = Awaited<ReturnType<typeof previewRoute>>;
