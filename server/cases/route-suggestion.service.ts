/**
 * "Where would this go?" for a case waiting in the intake centre's triage queue: what the routing
 * rules answer now for its kind, category and region (the path submitCase takes), offered as the
 * dispatch form's first choice. A department that already returned the case is named, not chosen.
 */
import type { Severity } from '../../db/schema.js';
import type { Deps } from '../deps.js';
import { directorySnapshot } from '../directory/snapshot.js';
import { routeCase } from '../routing/route.js';
import { routingFacts } from '../routing/routing-facts.js';

export interface RouteSuggestion {
  /** The department the rules name now; null when they still send the case to triage. */
  department: string | null;
  /** That department returned this case before (退回): shown, not preselected. */
  returnedIt: boolean;
}

interface CaseFacts {
  kind: 'complaint' | 'report' | 'injury';
  category: string;
  region: string;
  severity: string | null;
  assignments: readonly { department: string; returnedAt: string | null }[];
}

export async function routeSuggestion(deps: Deps, c: CaseFacts): Promise<RouteSuggestion> {
  const dir = await directorySnapshot(deps.db);
  const facts = routingFacts(dir, c.category, c.region, deps.config.INTAKE_PROVINCE);
  const severity = c.kind === 'injury' ? (c.severity as Severity | null) : null;
  const { department } = routeCase({ kind: c.kind, category: c.category, region: c.region, severity }, facts);
  const returnedIt = department !== null && c.assignments.some((a) => a.department === department && a.returnedAt !== null);
  return { department, returnedIt };
}
