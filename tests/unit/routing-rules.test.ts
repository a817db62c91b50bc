/** Routing, pure: the category's rule names the agency, the most specific jurisdiction takes the case. */
import { describe, expect, it } from 'vitest';
import { pickRule, routeCase, structuralChain, type RoutingFacts, type RoutingInput } from '../../server/routing/route.js';

const food: RoutingInput = { kind: 'complaint', category: 'food', region: '440106', severity: null };
const facts = (over: Partial<RoutingFacts> = {}): RoutingFacts => ({
  regionChain: ['440106', '440100', '440000'],
  rules: [{ id: 'food-samr', kind: null, agency: 'samr', priority: 0 }],
  coverage: [
    { department: 'gz-samr', agency: 'samr', region: '440100' },
    { department: 'gz-th-samr', agency: 'samr', region: '440106' },
    { department: 'gd-samr', agency: 'samr', region: '440000' },
  ],
  provincialSamr: 'gd-samr',
  ...over,
});

describe('routeCase', () => {
  it('sends the case to the agency’s department of the most specific jurisdiction', () => {
    const d = routeCase(food, facts());
    expect(d).toMatchObject({ department: 'gz-th-samr', rule: 'food-samr', urgent: false, cohandlers: [] });
    expect(d.reason).toBe('food-samr: agency samr; most specific jurisdiction covering 440106 is 440106 → gz-th-samr');
  });

  it('falls back to the city, then the province, when no district department covers the region', () => {
    const coverage = facts().coverage;
    expect(routeCase(food, facts({ coverage: coverage.filter((c) => c.region !== '440106') })).department).toBe('gz-samr');
    expect(routeCase(food, facts({ coverage: coverage.filter((c) => c.region === '440000') })).department).toBe('gd-samr');
  });

  it('ignores the departments of other agencies, and takes the first code when two share a region', () => {
    const coverage = [
      { department: 'gz-th-health', agency: 'health', region: '440106' },
      { department: 'gz-th-samr-b', agency: 'samr', region: '440106' },
      { department: 'gz-th-samr-a', agency: 'samr', region: '440106' },
    ];
    expect(routeCase(food, facts({ coverage })).department).toBe('gz-th-samr-a');
  });

  it('sends to triage what it cannot place, and says why', () => {
    expect(routeCase(food, facts({ regionChain: [] }))).toMatchObject({ department: null, rule: null, reason: 'region 440106 is not in the directory: triage' });
    expect(routeCase(food, facts({ rules: [] }))).toMatchObject({ department: null, rule: null, reason: 'no routing rule for category food: triage' });
    expect(routeCase(food, facts({ coverage: [] }))).toMatchObject({ department: null, rule: 'food-samr', reason: 'food-samr: no samr department covers 440106: triage' });
  });

  it('marks a serious or fatal injury urgent, with the provincial regulator co-handling', () => {
    for (const severity of ['serious', 'fatal'] as const) {
      const d = routeCase({ ...food, kind: 'injury', severity }, facts());
      expect(d.urgent).toBe(true);
      expect(d.cohandlers).toEqual([{ department: 'gd-samr', reason: `${severity} injury: provincial SAMR co-handles` }]);
    }
    expect(routeCase({ ...food, kind: 'injury', severity: 'minor' }, facts())).toMatchObject({ urgent: false, cohandlers: [] });
  });

  it('does not make the provincial regulator co-handle a case it leads', () => {
    const d = routeCase({ ...food, kind: 'injury', severity: 'fatal' }, facts({ coverage: facts().coverage.filter((c) => c.region === '440000') }));
    expect(d).toMatchObject({ department: 'gd-samr', urgent: true, cohandlers: [] });
  });
});

describe('pickRule', () => {
  const rules = [
    { id: 'a-generic-high', kind: null, agency: 'x', priority: 9 },
    { id: 'b-report', kind: 'report' as const, agency: 'y', priority: 1 },
    { id: 'c-report', kind: 'report' as const, agency: 'z', priority: 1 },
  ];

  it('prefers a rule for the kind over a generic one, then priority, then the id', () => {
    expect(pickRule(rules, 'report')?.id).toBe('b-report');
    expect(pickRule(rules, 'complaint')?.id).toBe('a-generic-high');
    expect(pickRule([...rules, { id: 'd-report', kind: 'report', agency: 'w', priority: 2 }], 'report')?.id).toBe('d-report');
    expect(pickRule(rules.slice(1), 'injury')).toBeUndefined();
  });
});

describe('structuralChain', () => {
  it('reads district, city and province from the code, without repeats', () => {
    expect(structuralChain('440106')).toEqual(['440106', '440100', '440000']);
    expect(structuralChain('440100')).toEqual(['440100', '440000']);
    expect(structuralChain('440000')).toEqual(['440000']);
  });
});
