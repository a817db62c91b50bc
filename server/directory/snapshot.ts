/**
 * The directory in memory. Every submission routes against it and every page names departments, but
 * it changes only when an admin edits it: a process keeps one copy and reads the directory version
 * (one row, bumped by triggers on every directory table) before each use, reloading when it moved.
 * So an edit made anywhere — an admin page, `directory import`, another Workers isolate — is seen by
 * the next request, at the cost of one tiny query instead of the six a submission used to make.
 */
import type { Kysely } from 'kysely';
import type { Category, Database, Department, RoutingRule } from '../../db/schema.js';
import type { Named } from './directory.js';

export interface DirectorySnapshot {
  version: number;
  /** Region code → parent code, for every region in the directory. */
  regionParent: ReadonlyMap<string, string | null>;
  categories: ReadonlyMap<string, Category>;
  /** Every department, inactive ones included (old cases still name them). */
  departments: ReadonlyMap<string, Department>;
  departmentNames: ReadonlyMap<string, Named>;
  /** Active rules by category. */
  rulesByCategory: ReadonlyMap<string, readonly RoutingRule[]>;
  /** Active departments by a region their jurisdiction names. */
  coverageByRegion: ReadonlyMap<string, readonly { department: string; agency: string }[]>;
  /** The active market regulator (SAMR) department seated in a region, by region code. */
  samrByRegion: ReadonlyMap<string, string>;
}

const cache = new WeakMap<Kysely<Database>, { version: number; snapshot: Promise<DirectorySnapshot> }>();

async function readVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('directory_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row?.version ?? 0;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

async function load(db: Kysely<Database>, version: number): Promise<DirectorySnapshot> {
  const [regions, categories, departments, rules, jurisdictions] = await Promise.all([
    db.selectFrom('regions').select(['code', 'parent']).execute(),
    db.selectFrom('categories').selectAll().execute(),
    db.selectFrom('departments').selectAll().orderBy('code').execute(),
    db.selectFrom('routing_rules').selectAll().where('active', '=', 1).orderBy('id').execute(),
    db.selectFrom('department_jurisdictions').select(['department', 'region']).orderBy('department').execute(),
  ]);
  const byCode = new Map(departments.map((d) => [d.code, d]));
  const active = jurisdictions.flatMap((j) => {
    const d = byCode.get(j.department);
    return d && d.active === 1 ? [{ department: d.code, agency: d.agency, region: j.region }] : [];
  });
  return {
    version,
    regionParent: new Map(regions.map((r) => [r.code, r.parent])),
    categories: new Map(categories.map((c) => [c.code, c])),
    departments: byCode,
    departmentNames: new Map(departments.map((d) => [d.code, { zh: d.name_zh, en: d.name_en }])),
    rulesByCategory: groupBy(rules, (r) => r.category),
    samrByRegion: new Map(departments.filter((d) => d.agency === 'samr' && d.active === 1).reverse().map((d) => [d.region, d.code])),
    coverageByRegion: new Map([...groupBy(active, (j) => j.region)].map(([region, list]) =>
      [region, list.map(({ department, agency }) => ({ department, agency }))])),
  };
}

/** The directory as it is now (reloaded only if it changed since this process last read it). */
export async function directorySnapshot(db: Kysely<Database>): Promise<DirectorySnapshot> {
  const version = await readVersion(db);
  const cached = cache.get(db);
  if (cached && cached.version === version) return cached.snapshot;
  const snapshot = load(db, version);
  cache.set(db, { version, snapshot });
  snapshot.catch(() => {
    if (cache.get(db)?.snapshot === snapshot) cache.delete(db);
  });
  return snapshot;
}
