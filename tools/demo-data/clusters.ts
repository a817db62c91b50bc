/**
 * Planted clusters: a few recent cases about the same business, the same product and one category in
 * one city, so that the quality signals (docs/signals.md) have something to show after a demo load of
 * any size. They are planned after the spread-out load, so the weeks before them are already counted.
 */
import { shanghaiDate } from '../../server/clocks/clocks.js';
import { planCase } from './case-plan.js';
import type { PlanContext, PlannedCase } from './case-record.js';
import type { Business, Category, Product } from './directory.js';
import { DAY, HOUR } from './distributions.js';

/** Cases of each cluster: at least the 5 in 30 days a signal needs, and the 10 of a spike week. */
export const BUSINESS_CLUSTER = 6;
export const PRODUCT_CLUSTER = 6;
export const SPIKE_CLUSTER = 14;
export const PLANTED_CASES = BUSINESS_CLUSTER + PRODUCT_CLUSTER + SPIKE_CLUSTER;
/** Below this many cases a load plants nothing: the clusters would be most of it. */
export const PLANT_FROM = 200;

/** Where the spike is planted: a category and a small city, few cases in an ordinary week. */
const SPIKE_CATEGORY = 'product.child';
const SPIKE_CITY = '4453';

/** `days` days and some hours before now, never in the future. */
function before(now: Date, days: number, hours: number): Date {
  return new Date(now.getTime() - days * DAY - hours * HOUR);
}

/** The Monday 00:00 (Beijing time) of the last full week before now's. */
function lastFullWeek(now: Date): Date {
  const today = new Date(`${shanghaiDate(now)}T00:00:00+08:00`);
  const weekday = (new Date(`${shanghaiDate(now)}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
  return new Date(today.getTime() - (weekday + 7) * DAY);
}

function categoryOf(ctx: PlanContext, code: string): Category {
  const c = ctx.dir.categories.find((x) => x.code === code);
  if (!c) throw new Error(`demo-data: no category ${code} in the directory`);
  return c;
}

/** A business of the category far down its long tail (few cases of its own), with a right credit code and a barcoded product. */
function quietBusiness(ctx: PlanContext, category: string, from: number): { business: Business; product: Product } {
  const list = ctx.dir.businesses.get(category) ?? [];
  for (let i = from; i < list.length; i++) {
    const b = list[i]!;
    const product = b.products.find((p) => p.gtin && !p.gtinCheckFailed);
    if (!b.checkFailed && product) return { business: b, product };
  }
  throw new Error(`demo-data: no business in ${category} to plant a cluster on`);
}

/**
 * The planted cases: one business named by BUSINESS_CLUSTER complaints within the last three weeks,
 * one product (its GTIN) in PRODUCT_CLUSTER cases against different sellers within four weeks, and
 * SPIKE_CLUSTER cases of one category in one small city in the last full week.
 */
export function plantClusters(ctx: PlanContext): PlannedCase[] {
  const { now, rng } = ctx;
  const planned: PlannedCase[] = [];
  const food = categoryOf(ctx, 'product.food');
  const named = quietBusiness(ctx, food.code, 700);
  for (let i = 0; i < BUSINESS_CLUSTER; i++) {
    planned.push(planCase(ctx, before(now, 1 + i * 3, rng() * 8), { category: food, kind: 'complaint', business: named.business, region: named.business.region }));
  }
  const industrial = categoryOf(ctx, 'product.industrial');
  const made = quietBusiness(ctx, industrial.code, 800);
  const sellers = ctx.dir.businesses.get(industrial.code)!;
  for (let i = 0; i < PRODUCT_CLUSTER; i++) {
    const seller = sellers[100 + i * 37]!;
    planned.push(planCase(ctx, before(now, 2 + i * 4, rng() * 8), {
      category: industrial, kind: i % 3 === 2 ? 'injury' : 'complaint', business: seller, region: seller.region, product: made.product,
    }));
  }
  const child = categoryOf(ctx, SPIKE_CATEGORY);
  const districts = [...ctx.dir.regions.keys()].filter((r) => r.startsWith(SPIKE_CITY) && !r.endsWith('00'));
  const monday = lastFullWeek(now);
  for (let i = 0; i < SPIKE_CLUSTER; i++) {
    const region = districts.length > 0 ? districts[i % districts.length]! : `${SPIKE_CITY}02`;
    const at = new Date(monday.getTime() + (i % 7) * DAY + (9 + rng() * 10) * HOUR);
    planned.push(planCase(ctx, at, { category: child, kind: 'complaint', region }));
  }
  // In order of receipt, as they would have arrived.
  return planned.sort((a, b) => String(a.rows.cases.received_at).localeCompare(String(b.rows.cases.received_at)));
}
