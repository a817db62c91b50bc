/**
 * Routing (docs/architecture.md), pure: the category's rule names the competent agency; the case goes to that
 * agency's department with the most specific jurisdiction covering the region (district, else city,
 * else province). Anything the rules cannot place goes to the intake centre's triage queue.
 */
import type { CaseKind, RoutingRule, Severity } from '../../db/schema.js';

export interface RoutingFacts {
  /** The region and its ancestors, most specific first, as far as the directory knows them. */
  regionChain: string[];
  /** Active rules for the case's category. */
  rules: Pick<RoutingRule, 'id' | 'kind' | 'agency' | 'priority'>[];
  /** Active departments whose jurisdiction includes a region of the chain. */
  coverage: { department: string; agency: string; region: string }[];
  /** The provincial market regulator, co-handler of serious injuries. */
  provincialSamr: string | null;
}

export interface RoutingInput {
  kind: CaseKind;
  category: string;
  region: string;
  severity: Severity | null;
}

export interface RoutingDecision {
  department: string | null;
  rule: string | null;
  reason: string;
  urgent: boolean;
  cohandlers: { department: string; reason: string }[];
}

/** Picks the rule that applies: kind-specific before generic, then by priority. */
export function pickRule(rules: RoutingFacts['rules'], kind: CaseKind) {
  return rules
    .filter((r) => r.kind === null || r.kind === kind)
    .sort((a, b) => Number(b.kind !== null) - Number(a.kind !== null) || b.priority - a.priority || a.id.localeCompare(b.id))[0];
}

function placeCase(input: RoutingInput, facts: RoutingFacts) {
  if (facts.regionChain.length === 0) {
    return { department: null, rule: null, reason: `region ${input.region} is not in the directory: triage` };
  }
  const rule = pickRule(facts.rules, input.kind);
  if (!rule) {
    return { department: null, rule: null, reason: `no routing rule for category ${input.category}: triage` };
  }
  for (const region of facts.regionChain) {
    const match = facts.coverage
      .filter((c) => c.agency === rule.agency && c.region === region)
      .sort((a, b) => a.department.localeCompare(b.department))[0];
    if (match) {
      return {
        department: match.department,
        rule: rule.id,
        reason: `${rule.id}: agency ${rule.agency}; most specific jurisdiction covering ${input.region} is ${region} → ${match.department}`,
      };
    }
  }
  return {
    department: null,
    rule: rule.id,
    reason: `${rule.id}: no ${rule.agency} department covers ${input.region}: triage`,
  };
}

/** Decides department, urgency and co-handlers for a new case. */
export function routeCase(input: RoutingInput, facts: RoutingFacts): RoutingDecision {
  const placed = placeCase(input, facts);
  const urgent = input.kind === 'injury' && (input.severity === 'serious' || input.severity === 'fatal');
  const cohandlers =
    urgent && facts.provincialSamr && facts.provincialSamr !== placed.department
      ? [{ department: facts.provincialSamr, reason: `${input.severity} injury: provincial SAMR co-handles` }]
      : [];
  return { ...placed, urgent, cohandlers };
}

/** The chain of region codes a code implies by its structure: district → city → province. */
export function structuralChain(code: string): string[] {
  const chain = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`];
  return chain.filter((c, i) => chain.indexOf(c) === i);
}
