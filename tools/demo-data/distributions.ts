/** Seeded distributions of the demo data: where and when cases arrive, and what they are about. */
import type { CaseKind, Severity } from '../../domain/vocabulary.js';
import { shanghaiDate, toShanghaiIso } from '../../server/clocks/clocks.js';

export type Rng = () => number;

/** mulberry32: small, fast and good enough for picking demo values. */
export function seededRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A picker of items in proportion to their weights. */
export function weighted<T>(items: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cumulative = items.map(([, w], i) => items.slice(0, i + 1).reduce((s, [, x]) => s + x, 0) / total);
  return (rng) => {
    const r = rng();
    const i = cumulative.findIndex((c) => r < c);
    return items[i === -1 ? items.length - 1 : i]![0];
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
export const chance = (rng: Rng, p: number) => rng() < p;
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
/** A duration around `typical` (log-normal-ish, never negative), in ms. */
export const around = (rng: Rng, typicalMs: number) => typicalMs * Math.exp((rng() + rng() + rng() - 1.5) * 1.2);
// The first of 1,000 businesses gets about 2 % of its category's cases, the median one 0.03 %.
export const longTail = <T>(rng: Rng, items: readonly T[]) => items[Math.floor(items.length * rng() ** 1.8)]!;

/** Five sequence digits in a case number. */
export const MAX_PER_DAY = 99_999;

// Population-weighted places (millions); districts only where the directory has them.
export const CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['4401', 18.8], ['4403', 17.7], ['4419', 10.5], ['4406', 9.6], ['4408', 7.0], ['4409', 6.2], ['4413', 6.0],
  ['4452', 5.6], ['4405', 5.5], ['4407', 4.8], ['4420', 4.4], ['4412', 4.1], ['4418', 4.0], ['4414', 3.9],
  ['4402', 2.9], ['4416', 2.8], ['4415', 2.7], ['4451', 2.6], ['4417', 2.6], ['4404', 2.5], ['4453', 2.4],
];
// Commercial centres get more complaints than their population alone would give.
export const DISTRICT_BOOST: Record<string, number> = { '440106': 3, '440104': 1.6, '440304': 2.4, '440305': 2.2, '440303': 1.5 };
// Districts outside the demo directory: routing falls back to the city by the code's structure.
export const OTHER_DISTRICTS = ['02', '03', '04', '05', '06', '07', '08'];
// Respondents elsewhere in China: the intake centre triages them.
export const OUTSIDE = ['110105', '310115', '330106', '420106', '510107'];

export const CATEGORY_WEIGHTS: Record<string, number> = {
  'service.ecommerce': 16, 'product.food': 14, 'service.catering': 7, 'service.retail': 7, 'service.telecom': 6,
  'product.industrial': 5, 'engineering.housing': 5, 'service.property': 5, 'service.express': 4, 'service.tourism': 3,
  'product.drug': 3, 'service.finance': 3, 'service.transport': 3, 'product.counterfeit': 3, 'service.household': 2,
  'product.child': 2, 'service.health': 2, 'product.special_equipment': 2, 'product.measurement': 1.5,
  'engineering.public_building': 1, 'engineering.transport': 1, 'product.certification': 1, 'product.agri_input': 1,
  'product.agri_produce': 1, 'engineering.water': 0.5, 'product.standards': 0.5, other: 2,
};
export const KIND_WEIGHTS: Record<CaseKind, number> = { complaint: 62, report: 30, injury: 8 };
export const SEVERITY = weighted<Severity>([['minor', 75], ['serious', 20], ['fatal', 5]]);
export const RATING = weighted<number>([[1, 5], [2, 7], [3, 10], [4, 33], [5, 45]]);

// When cases arrive: a growing volume over the months, quieter weekends and nights.

/** How many cases arrive on each day from `months` ago to today, summing to `total`. */
export function casesPerDay(total: number, now: Date, months: number): { day: string; count: number }[] {
  const days: { day: string; weight: number }[] = [];
  const span = Math.max(1, Math.round(months * 30.4));
  for (let i = span; i >= 0; i--) {
    const at = new Date(now.getTime() - i * DAY);
    const day = shanghaiDate(at);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const growth = 1 + (span - i) / span; // twice the volume at the end of the period than at its start
    const weekend = weekday === 0 || weekday === 6 ? 0.6 : 1;
    const festival = /-(01-0[1-3]|10-0[1-7]|05-0[1-3])$/.test(day) ? 1.4 : 1; // holiday shopping complaints
    days.push({ day, weight: growth * weekend * festival * (i === 0 ? fractionOfDayPassed(now) : 1) });
  }
  // Largest remainder: whole cases per day, summing exactly to the total.
  const sum = days.reduce((s, d) => s + d.weight, 0);
  const exact = days.map((d) => (total * d.weight) / sum);
  const out = days.map((d, i) => ({ day: d.day, count: Math.floor(exact[i]!) }));
  const left = total - out.reduce((s, d) => s + d.count, 0);
  const byRemainder = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) out[byRemainder[k]![1]]!.count += 1;
  if (out.some((d) => d.count > MAX_PER_DAY)) {
    throw new Error(`${total} cases over ${months} months would exceed ${MAX_PER_DAY} a day: give more months`);
  }
  return out;
}

function fractionOfDayPassed(now: Date): number {
  const iso = toShanghaiIso(now);
  const [h, m] = [Number(iso.slice(11, 13)), Number(iso.slice(14, 16))];
  return Math.max(0.02, (h * 60 + m) / 1440);
}

const HOUR_OF_DAY = weighted(Array.from({ length: 24 }, (_, h) => [h, h < 7 ? 0.3 : h < 9 ? 2 : h < 12 ? 6 : h < 14 ? 4 : h < 18 ? 6 : h < 23 ? 4 : 1] as const));

/** Sorted instants within a Shanghai day, none after `now`. */
export function timesOfDay(rng: Rng, day: string, count: number, now: Date): Date[] {
  const start = new Date(`${day}T00:00:00+08:00`).getTime();
  const limit = Math.min(start + DAY, now.getTime()) - 1;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = start + HOUR_OF_DAY(rng) * HOUR + Math.floor(rng() * HOUR);
    times.push(t > limit ? start + Math.floor(rng() * (limit - start)) : t);
  }
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}
