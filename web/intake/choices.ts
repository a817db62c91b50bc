/** The directory as the form offers it: categories by domain, regions by city. */
import type { CaseKind } from '../../domain/vocabulary.js';
import type { Deps } from '../../server/deps.js';
import { listCategoryEntries, listRegionEntries, type CategoryEntry, type DirectoryEntry } from '../../server/directory/directory.service.js';
import { kinds } from '../../server/intake/intake.schema.js';

export type CategoryChoice = CategoryEntry;
export type RegionChoice = DirectoryEntry;
export interface CityGroup extends RegionChoice { districts: RegionChoice[] }
export interface Choices { categories: CategoryChoice[]; cities: CityGroup[] }

export const isKind = (value: unknown): value is CaseKind => kinds.includes(value as CaseKind);

export async function loadChoices(deps: Deps): Promise<Choices> {
  const [categories, regions] = await Promise.all([listCategoryEntries(deps), listRegionEntries(deps)]);
  const named = (r: RegionChoice): RegionChoice => ({ code: r.code, name: r.name });
  const cities = regions
    .filter((r) => r.parent === deps.config.INTAKE_PROVINCE)
    .map((city) => ({ ...named(city), districts: regions.filter((r) => r.parent === city.code).map(named) }));
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

/** The categories of the product domain: only they ask for the product (name, brand, barcode …). */
export const PRODUCT_DOMAIN = 'product';
export const productCategoryCodes = (categories: CategoryChoice[]) =>
  categories.filter((c) => c.domain === PRODUCT_DOMAIN).map((c) => c.code);
