/** What a demo reporter files: the business, the words, the identity, and where routing sends it. */
import type { CaseKind, Severity } from '../../domain/vocabulary.js';
import { shanghaiDate } from '../../server/clocks/clocks.js';
import { idNumberCheckChar } from '../../server/lib/identifiers.js';
import type { RoutingDecision } from '../../server/routing/route.js';
import type { Business, Category, Directory, Product } from './directory.js';
import { chance, DAY, KIND_WEIGHTS, longTail, pick, SEVERITY, weighted, type Rng } from './distributions.js';
import {
  BUSINESS_WORDS, CLAIMS, DEFAULT_ITEMS, EN, EVIDENCE, GIVEN, HARMS, ITEMS, PROBLEMS, RESPONSES, SURNAMES, VIOLATIONS,
} from './words.js';

export interface CaseFacts {
  category: Category;
  kind: CaseKind;
  severity: Severity | null;
  business: Business;
  region: string;
  decision: RoutingDecision;
  language: string;
  description: string;
  claim: string | null;
  identity: Record<string, string> | null;
  /** The product the case names, with its batch (product categories only). */
  product: (Product & { batch: string }) | null;
}

/** What a planted case must be about (generate.ts's clusters); the rest is drawn as usual. */
export interface ForcedFacts { category?: Category; kind?: CaseKind; business?: Business; region?: string; product?: Product }

function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN) + (chance(rng, 0.7) ? pick(rng, GIVEN) : '');
}

/** A GB 11643 resident ID number registered in `region` with a right check digit. */
function idNumber(rng: Rng, region: string): string {
  const birth = new Date(Date.UTC(1950 + Math.floor(rng() * 55), 0, 1) + Math.floor(rng() * 365) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${region}${birth}${String(Math.floor(rng() * 1000)).padStart(3, '0')}`;
  return body + idNumberCheckChar(body);
}

function describe(rng: Rng, c: Category, kind: CaseKind, business: Business, language: string, receivedAt: Date, product: CaseFacts['product']): string {
  if (language === 'en') return pick(rng, EN[kind]);
  const item = product ? `${product.brand}牌${product.name}` : pick(rng, ITEMS[c.code] ?? DEFAULT_ITEMS);
  const problems = PROBLEMS[c.domain] ?? PROBLEMS.other!;
  if (kind === 'report') return `${business.name}${pick(rng, VIOLATIONS)}${item}，${pick(rng, EVIDENCE)}，请依法查处。`;
  if (kind === 'injury') return `使用${business.name}的${item}时${pick(rng, HARMS)}，请调查该产品的质量问题。`;
  const when = shanghaiDate(new Date(receivedAt.getTime() - Math.floor(rng() * 20) * DAY));
  return `我于${when}在${business.name}购买的${item}${pick(rng, problems)}，${pick(rng, RESPONSES)}，请求处理。`;
}

/** A product of the business, most often: the batch is the production date and a line letter. */
function productOf(rng: Rng, business: Business, receivedAt: Date, forced: Product | undefined): CaseFacts['product'] {
  const product = forced ?? (business.products.length > 0 && chance(rng, 0.85) ? pick(rng, business.products) : null);
  if (!product) return null;
  const made = shanghaiDate(new Date(receivedAt.getTime() - (10 + Math.floor(rng() * 200)) * DAY)).replaceAll('-', '');
  return { ...product, batch: `${made}${pick(rng, ['A', 'B', 'C'])}` };
}

/** What the reporter filed, and where the routing rules sent it. */
export function caseFacts(rng: Rng, dir: Directory, receivedAt: Date, force: ForcedFacts = {}): CaseFacts {
  const category = force.category ?? dir.pickCategory(rng);
  const kind = force.kind ?? weighted(category.kinds.map((k) => [k, KIND_WEIGHTS[k]] as const))(rng);
  const severity: Severity | null = kind === 'injury' ? SEVERITY(rng) : null;
  const business = force.business ?? longTail(rng, dir.businesses.get(category.code)!);
  const region = force.region ?? (chance(rng, 0.9) ? business.region : dir.pickRegion(rng));
  const product = productOf(rng, business, receivedAt, force.product);
  const anonymous = kind === 'complaint' ? false : chance(rng, kind === 'report' ? 0.6 : 0.5);
  const language = chance(rng, 0.08) ? 'en' : 'zh';
  // The shape server/intake/intake.service.ts seals: name, phone, then what was given.
  const identity = anonymous ? null : {
    name: personName(rng),
    phone: `1${pick(rng, [3, 5, 7, 8, 9])}${String(Math.floor(rng() * 1e9)).padStart(9, '0')}`,
    ...(chance(rng, 0.3) ? { idNumber: idNumber(rng, region) } : {}),
    ...(chance(rng, 0.2) ? { email: `user${Math.floor(rng() * 1e6)}@mail.example` } : {}),
    ...(kind === 'complaint' || chance(rng, 0.5) ? { address: `${dir.regions.get(region) ?? ''}${pick(rng, BUSINESS_WORDS.road)}${1 + Math.floor(rng() * 200)}号` } : {}),
  };
  return {
    category, kind, severity, business, region, language, identity,
    decision: dir.route(kind, category.code, region, severity),
    description: describe(rng, category, kind, business, language, receivedAt, product),
    claim: kind === 'complaint' ? pick(rng, CLAIMS) : null,
    product,
  };
}
