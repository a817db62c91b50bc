/** The directory facts the generator needs: regions, departments, categories, businesses, routing. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { CaseKind, Severity } from '../../domain/vocabulary.js';
import { directorySnapshot } from '../../server/directory/snapshot.js';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, gtinCheckDigit } from '../../server/lib/identifiers.js';
import { routeCase, type RoutingDecision } from '../../server/routing/route.js';
import { routingFacts } from '../../server/routing/routing-facts.js';
import {
  CATEGORY_WEIGHTS, chance, CITY_WEIGHTS, DISTRICT_BOOST, OTHER_DISTRICTS, OUTSIDE, pick, weighted, type Rng,
} from './distributions.js';
import { BUSINESS_WORDS, DEFAULT_ITEMS, ITEMS, MODEL_PREFIXES, PRODUCT_BRANDS } from './words.js';

export interface Category { code: string; domain: string; kinds: CaseKind[] }

/** A product as cases name it: the GTIN (GS1 barcode) null when the reporter gives none. */
export interface Product { name: string; brand: string; model: string; gtin: string | null; gtinCheckFailed: boolean }

/** A business; in a product category, the products it makes or sells (cases name one of them). */
export interface Business { name: string; creditCode: string; address: string; region: string; checkFailed: boolean; products: Product[] }

export interface Directory {
  regions: Map<string, string>; // code → name_zh
  departments: Set<string>;
  categories: Category[];
  pickCategory: (rng: Rng) => Category;
  pickRegion: (rng: Rng) => string;
  businesses: Map<string, Business[]>;
  route: (kind: CaseKind, category: string, region: string, severity: Severity | null) => RoutingDecision;
  province: string;
}

const CREDIT_SYMBOLS = [...CREDIT_CODE_ALPHABET];

/** A GB 32100 code for a company registered in `region` (check character right unless told). */
function creditCode(rng: Rng, region: string, rightCheck = true): string {
  let body = '91' + region;
  while (body.length < 17) body += pick(rng, CREDIT_SYMBOLS);
  const check = creditCodeCheckChar(body);
  return body + (rightCheck ? check : CREDIT_SYMBOLS[(CREDIT_SYMBOLS.indexOf(check) + 1) % CREDIT_SYMBOLS.length]);
}

/** Share of barcodes typed with a wrong check digit (accepted and flagged by the intake). */
export const WRONG_GTIN_SHARE = 0.03;

/** A GTIN-13 under China's GS1 prefixes 690–699, its check digit right unless told. */
export function gtin13(rng: Rng, rightCheck = true): string {
  const body = `69${Math.floor(rng() * 10)}${String(Math.floor(rng() * 1e9)).padStart(9, '0')}`;
  const check = Number(gtinCheckDigit(body));
  return body + (rightCheck ? check : (check + 1 + Math.floor(rng() * 9)) % 10);
}

/** One to three products of a business in a product category; most with a barcode. */
function makeProducts(rng: Rng, category: string): Product[] {
  const items = ITEMS[category] ?? DEFAULT_ITEMS;
  return Array.from({ length: 1 + Math.floor(rng() * 3) }, () => {
    const withGtin = chance(rng, 0.85);
    const gtinCheckFailed = withGtin && chance(rng, WRONG_GTIN_SHARE);
    return {
      name: pick(rng, items), brand: pick(rng, PRODUCT_BRANDS),
      model: `${pick(rng, MODEL_PREFIXES)}-${100 + Math.floor(rng() * 900)}`,
      gtin: withGtin ? gtin13(rng, !gtinCheckFailed) : null, gtinCheckFailed,
    };
  });
}

/** Regions weighted by population, a city's weight shared among its districts. */
function regionPicker(regions: Map<string, string>): (rng: Rng) => string {
  const places: [string, number][] = [];
  for (const [city, weight] of CITY_WEIGHTS) {
    const districts = [...regions.keys()].filter((code) => code.startsWith(city) && !code.endsWith('00'));
    const codes = districts.length > 0 ? districts : OTHER_DISTRICTS.map((d) => city + d);
    const boosts = codes.map((c) => DISTRICT_BOOST[c] ?? 1);
    const sum = boosts.reduce((a, b) => a + b, 0);
    codes.forEach((c, i) => places.push([c, (weight * boosts[i]!) / sum]));
  }
  for (const code of OUTSIDE) places.push([code, 0.15]);
  return weighted(places);
}

/** A thousand businesses per category, registered where cases come from. */
function makeBusinesses(rng: Rng, categories: Category[], regions: Map<string, string>, pickRegion: (rng: Rng) => string) {
  const words = BUSINESS_WORDS as Record<string, readonly string[]>;
  const businesses = new Map<string, Business[]>();
  for (const c of categories) {
    const list: Business[] = [];
    for (let i = 0; i < 1_000; i++) {
      const region = pickRegion(rng);
      const cityName = regions.get(`${region.slice(0, 4)}00`) ?? regions.get(region) ?? '';
      const checkFailed = chance(rng, 0.02);
      list.push({
        name: `${cityName.replace(/市$/, '')}${pick(rng, BUSINESS_WORDS.brand)}${pick(rng, BUSINESS_WORDS.brand)}${pick(rng, words[c.domain] ?? BUSINESS_WORDS.other)}有限公司`,
        creditCode: creditCode(rng, region, !checkFailed),
        address: `${cityName}${regions.get(region) ?? ''}${pick(rng, BUSINESS_WORDS.road)}${1 + Math.floor(rng() * 300)}号`,
        region,
        checkFailed,
        products: c.code.startsWith('product.') ? makeProducts(rng, c.code) : [],
      });
    }
    businesses.set(c.code, list);
  }
  return businesses;
}

/** The directory as the database holds it, with businesses made from `rng`. */
export async function loadDirectory(db: Kysely<Database>, province: string, rng: Rng): Promise<Directory> {
  const regions = new Map((await db.selectFrom('regions').select(['code', 'name_zh']).execute()).map((r) => [r.code, r.name_zh]));
  const departments = new Set((await db.selectFrom('departments').select('code').where('active', '=', 1).execute()).map((d) => d.code));
  const categories = (await db.selectFrom('categories').select(['code', 'domain', 'kinds']).execute())
    .map((c) => ({ code: c.code, domain: c.domain, kinds: c.kinds.split(',') as CaseKind[] }));
  const pickCategory = weighted(categories.map((c) => [c, CATEGORY_WEIGHTS[c.code] ?? 1] as const));
  const pickRegion = regionPicker(regions);
  const businesses = makeBusinesses(rng, categories, regions, pickRegion);

  // Routing as the intake routes, from the same in-memory directory: no query, no await per case.
  const snapshot = await directorySnapshot(db);
  // The same filing routes the same way: decisions are kept (a few thousand combinations).
  const decisions = new Map<string, RoutingDecision>();
  const route = (kind: CaseKind, category: string, region: string, severity: Severity | null) => {
    const key = `${kind}|${category}|${region}|${severity}`;
    let decision = decisions.get(key);
    if (!decision) decisions.set(key, (decision = routeCase({ kind, category, region, severity }, routingFacts(snapshot, category, region, province))));
    return decision;
  };
  return { regions, departments, categories, pickCategory, pickRegion, businesses, route, province };
}
