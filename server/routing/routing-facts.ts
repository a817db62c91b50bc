/** What routing needs from the directory, read from the in-memory directory snapshot. */
import type { DirectorySnapshot } from '../directory/snapshot.js';
import type { RoutingFacts } from './route.js';
import { structuralChain } from './route.js';

/** The known regions of the code's structural chain, each followed by its directory ancestors. */
export function regionChain(dir: DirectorySnapshot, code: string): string[] {
  const start = structuralChain(code).find((c) => dir.regionParent.has(c));
  const chain: string[] = [];
  let current: string | null = start ?? null;
  while (current && !chain.includes(current) && chain.length < 8) {
    chain.push(current);
    current = dir.regionParent.get(current) ?? null;
  }
  return chain;
}

export function routingFacts(dir: DirectorySnapshot, category: string, region: string, province: string): RoutingFacts {
  const chain = regionChain(dir, region);
  const rules = (dir.rulesByCategory.get(category) ?? []).map(({ id, kind, agency, priority }) => ({ id, kind, agency, priority }));
  const coverage = chain.flatMap((r) => (dir.coverageByRegion.get(r) ?? []).map((c) => ({ ...c, region: r })));
  return { regionChain: chain, rules, coverage, provincialSamr: dir.samrByRegion.get(province) ?? null };
}
