/** Reads what routing needs from the directory tables. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { RoutingFacts } from './route.js';
import { structuralChain } from './route.js';

/** The known regions of the code's structural chain, each followed by its directory ancestors. */
export async function findRegionChain(db: Kysely<Database>, code: string): Promise<string[]> {
  const candidates = structuralChain(code);
  const known = await db.selectFrom('regions').select(['code', 'parent']).where('code', 'in', candidates).execute();
  const start = candidates.find((c) => known.some((k) => k.code === c));
  if (!start) return [];
  const chain: string[] = [];
  let current: string | null = start;
  while (current && !chain.includes(current) && chain.length < 8) {
    chain.push(current);
    const row = await db.selectFrom('regions').select('parent').where('code', '=', current).executeTakeFirst();
    current = row?.parent ?? null;
  }
  return chain;
}

export async function loadRoutingFacts(
  db: Kysely<Database>,
  category: string,
  region: string,
  province: string,
): Promise<RoutingFacts> {
  const regionChain = await findRegionChain(db, region);
  const rules = await db.selectFrom('routing_rules')
    .select(['id', 'kind', 'agency', 'priority'])
    .where('category', '=', category).where('active', '=', 1)
    .execute();
  const coverage = regionChain.length === 0 ? [] : await db.selectFrom('department_jurisdictions as j')
    .innerJoin('departments as d', 'd.code', 'j.department')
    .select(['d.code as department', 'd.agency', 'j.region'])
    .where('j.region', 'in', regionChain).where('d.active', '=', 1)
    .execute();
  const samr = await db.selectFrom('departments').select('code')
    .where('agency', '=', 'samr').where('region', '=', province).where('active', '=', 1)
    .executeTakeFirst();
  return { regionChain, rules, coverage, provincialSamr: samr?.code ?? null };
}
