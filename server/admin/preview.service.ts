/**
 * "Where would this go?": the routing decision a submission with these facts would get now. It runs
 * loadRoutingFacts + routeCase, the very path submitCase uses, so the answer cannot drift from it.
 */
import type { CaseKind } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { findCategory, findDepartment } from '../directory/directory.repository.js';
import { departmentRef } from '../directory/directory.js';
import { AppError } from '../errors.js';
import { routeCase } from '../routing/route.js';
import { loadRoutingFacts } from '../routing/routing.repository.js';
import type { PreviewQuery } from './admin.schema.js';

async function refOf(deps: Deps, code: string) {
  const d = await findDepartment(deps.db, code);
  return d ? departmentRef(d) : { code, name: { zh: code, en: code } };
}

export async function previewRoute(deps: Deps, q: PreviewQuery) {
  const invalid = (path: string, message: string) => new AppError('validation_failed', 'The request is not valid.', [{ path, message }]);
  // Checked as a submission is: an unknown category or a kind it does not take is refused, not triaged.
  const category = await findCategory(deps.db, q.category);
  if (!category) throw invalid('category', `unknown category ${q.category}`);
  const takes = category.kinds.split(',').map((k) => k.trim()) as CaseKind[];
  const kind = q.kind ?? takes[0] ?? 'complaint';
  if (!takes.includes(kind)) throw invalid('kind', `category ${q.category} does not take a ${kind} (it takes ${category.kinds})`);
  const severity = kind === 'injury' ? (q.severity ?? null) : null;
  const facts = await loadRoutingFacts(deps.db, q.category, q.region, deps.config.INTAKE_PROVINCE);
  const decision = routeCase({ kind, category: q.category, region: q.region, severity }, facts);
  return {
    input: { category: q.category, region: q.region, kind, severity },
    department: decision.department ? await refOf(deps, decision.department) : null,
    rule: decision.rule,
    reason: decision.reason,
    urgent: decision.urgent,
    cohandlers: await Promise.all(decision.cohandlers.map(async (h) => ({ ...(await refOf(deps, h.department)), reason: h.reason }))),
  };
}

export type RoutePreview = Awaited<ReturnType<typeof previewRoute>>;
