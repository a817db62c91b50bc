/** The directory as the form offers it: categories by domain, regions by city. */
import type { CaseKind } from '../../db/schema.js';
import type { Deps } from '../../server/deps.js';
import type { Named } from '../../server/directory/directory.js';
import { listCategories, listRegions } from '../../server/directory/directory.repository.js';
import { kinds } from '../../server/intake/intake.schema.js';

export interface CategoryChoice { code: string; domain: string; name: Named; kinds: CaseKind[] }
export interface RegionChoice { code: string; name: Named }
export interface CityGroup extends RegionChoice { districts: RegionChoice[] }
export interface Choices { categories: CategoryChoice[]; cities: CityGroup[] }

export const isKind = (value: unknown): value is CaseKind => kinds.includes(value as CaseKind);

export async function loadChoices(deps: Deps): Promise<Choices> {
  const [categoryRows, regionRows] = await Promise.all([listCategories(deps.db), listRegions(deps.db)]);
  const categories = categoryRows.map((c) => ({
    code: c.code,
    domain: c.domain,
    name: { zh: c.name_zh, en: c.name_en },
    kinds: c.kinds.split(',').map((k) => k.trim()).filter(isKind),
  }));
  const named = (r: (typeof regionRows)[number]) => ({ code: r.code, name: { zh: r.name_zh, en: r.name_en } });
  const cities = regionRows
    .filter((r) => r.parent === deps.config.INTAKE_PROVINCE)
    .map((city) => ({ ...named(city), districts: regionRows.filter((r) => r.parent === city.code).map(named) }));
  return { categories, cities };
}

/** Categories grouped by domain, in directory order, optionally only those that take `kind`. */
export function categoryGroups(categories: CategoryChoice[], kind?: CaseKind) {
  const groups = new Map<string, CategoryChoice[]>();
  for (const category of categories) {
    if (kind && !category.kinds.includes(kind)) continue;
    groups.set(category.domain, [...(groups.get(category.domain) ?? []), category]);
  }
  return [...groups].map(([domain, items]) => ({ domain, items }));
}
