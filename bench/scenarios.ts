/** What the benchmark asks of the server: one autocannon request definition per scenario. */
import type { Request } from 'autocannon';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, gtinCheckDigit } from '../server/lib/identifiers.js';

export interface Scenario {
  name: string;
  /** The target it is held to, if any. */
  target?: { minOkPerSecond?: number; maxP99Ms?: number };
  /**
   * 'pages': measured at --page-connections (default 1), the latency one member of staff waits for a
   * page at this data size: at 50 connections a page's p99 is the queue of 49 others in front of one
   * event loop, not the page. Otherwise at --connections, the 50 concurrent clients.
   */
  load?: 'pages';
  /** Load kept up beside the measured requests for the scenario's whole run (bench/flood.ts). */
  background?: 'login-flood';
  /**
   * The quality-signal counting (signal_settings.enabled, migration 0030) set for the scenario; the
   * two scenarios of the pair are measured in turns (bench/run.ts) and compared (bench/report.ts).
   */
  signals?: 'on' | 'off';
  requests: Request[];
}

export interface ScenarioInputs {
  categories: { code: string; kinds: string[] }[];
  regions: string[];
  staffToken: string;
  /** The intake centre dispatcher's token: the staff overview of every department. */
  intakeToken: string;
  /** Today in Beijing time, YYYY-MM-DD. */
  today: string;
  /** The credit code with the most cases, for the enterprise summary; null when there is none. */
  enterpriseCode: string | null;
  /** The first page's nextCursor chain followed deep into the handler's queue. */
  deepCursor: string;
  deepRows: number;
  caseNumbers: string[];
  receipts: string[];
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const ITEMS = ['月饼', '电热水器', '婴儿推车', '网购手机', '宽带套餐', '装修工程', '跟团游', '外卖'];

/** A GB 32100 credit code with a right check character, the same for the same `i`. */
export function benchCreditCode(i: number): string {
  let body = `91440106${String(i).padStart(6, '0')}`;
  for (let k = 0; body.length < 17; k++) body += CREDIT_CODE_ALPHABET[(i * 7 + k * 13) % CREDIT_CODE_ALPHABET.length];
  return body + creditCodeCheckChar(body);
}

/** A GTIN-13 under China's GS1 prefix 690 with a right check digit, the same for the same `i`. */
export function benchGtin(i: number): string {
  const body = `690${String(100_000_000 + i).slice(-9)}`;
  return body + gtinCheckDigit(body);
}

/**
 * Valid, varied submission bodies, each different from the last. Most name the business's credit
 * code, and product cases a product with its barcode, so that the quality-signal counters do the work
 * they do for real filings (business, product and category × city keys).
 */
export function submissionBodies(inputs: Pick<ScenarioInputs, 'categories' | 'regions'>): () => string {
  let n = 0;
  return () => {
    n += 1;
    const category = inputs.categories[n % inputs.categories.length]!;
    const kind = category.kinds[(n >> 3) % category.kinds.length]!;
    const named = kind === 'complaint' || n % 3 === 0;
    const business = n % 500;
    const product = category.code.startsWith('product.')
      ? { product: { name: `${ITEMS[n % ITEMS.length]}`, brand: `压测${n % 40}牌`, model: `BX-${n % 60}`, batch: `B${n % 1000}`, gtin: benchGtin(n % 300) } }
      : {};
    const body: Record<string, unknown> = {
      kind,
      category: category.code,
      region: inputs.regions[(n * 7) % inputs.regions.length],
      subject: {
        name: `压测样本${business}号商贸有限公司`, address: `广州市天河区体育西路${n % 300}号`,
        ...(n % 5 === 0 ? {} : { creditCode: benchCreditCode(business) }), ...product,
      },
      description: `第${n}份压测投诉：购买的${ITEMS[n % ITEMS.length]}存在质量问题，商家拒绝处理，请求依法处理。`,
      occurredOn: '2026-11-20',
      reporter: named
        ? { anonymous: false, name: `${SURNAMES[n % SURNAMES.length]}某${n % 97}`, phone: `138${String(n % 1e8).padStart(8, '0')}`, address: '广州市天河区天河路2号' }
        : { anonymous: true },
      ...(kind === 'complaint' ? { claim: '退款并赔偿' } : {}),
      ...(kind === 'injury' ? { severity: n % 10 === 0 ? 'serious' : 'minor' } : {}),
      ...(kind === 'report' ? { reward: n % 4 === 0 } : {}),
    };
    return JSON.stringify(body);
  };
}

export const PLAIN_SUBMISSIONS = 'submission POST /api/v1/cases';
export const SUBMISSIONS_DURING_LOGIN_FLOOD = 'submissions during a login flood';
export const SUBMISSIONS_SIGNALS_ON = 'submissions, signal counters on';
export const SUBMISSIONS_SIGNALS_OFF = 'submissions, signal counters off';
/**
 * The order of the pair's turns, the whole duration each: each half mirrors itself (ABBA, then BAAB),
 * so a drift of the machine's speed over the minute and a half falls on both alike.
 */
export const SIGNAL_TURNS = ['off', 'on', 'on', 'off', 'on', 'off', 'off', 'on'] as const;
/** The event loop may be held this long at most, in any scenario (issue 16). */
export const MAX_LOOP_DELAY_MS = 50;

/** 'YYYY-MM' `k` months before `month` (k may be negative). */
export function monthsBefore(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const at = new Date(Date.UTC(y, m - 1 - k, 1));
  return at.toISOString().slice(0, 7);
}

function rotating<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
}

/** The answers read from counters at any size: the public statistics, the overview, an enterprise's summary. */
function aggregateScenarios(inputs: ScenarioInputs): Scenario[] {
  const intake = { authorization: `Bearer ${inputs.intakeToken}` };
  const thisMonth = inputs.today.slice(0, 7);
  return [
    {
      // The public statistics of the last 12 months, read from the counters (not cached by the server).
      name: 'stats 12 months GET /api/v1/stats',
      load: 'pages',
      target: { maxP99Ms: 20 },
      requests: [{ method: 'GET', path: `/api/v1/stats?from=${monthsBefore(thisMonth, 11)}&to=${thisMonth}` }],
    },
    {
      // Every department's deadlines and KPIs over two years, as the intake centre sees them.
      name: 'staff overview 2 years GET /api/v1/staff/overview',
      load: 'pages',
      target: { maxP99Ms: 20 },
      requests: [{ method: 'GET', path: `/api/v1/staff/overview?from=${monthsBefore(thisMonth, 23)}-01&to=${inputs.today}`, headers: intake }],
    },
    ...(inputs.enterpriseCode ? [{
      // The enterprise with the most cases: its summary reads its counters, never its cases.
      name: 'enterprise summary GET /api/v1/enterprises/{code}',
      load: 'pages' as const,
      target: { maxP99Ms: 20 },
      requests: [{ method: 'GET', path: `/api/v1/enterprises/${inputs.enterpriseCode}` }],
    }] : []),
  ];
}

export function scenarios(inputs: ScenarioInputs): Scenario[] {
  const staff = { authorization: `Bearer ${inputs.staffToken}` };
  const json = { 'content-type': 'application/json' };
  const nextBody = submissionBodies(inputs);
  const nextCase = rotating(inputs.caseNumbers);
  const nextReceipt = rotating(inputs.receipts);
  let reporter = 0;
  const nextAddress = () => {
    reporter += 1;
    return `198.18.${(reporter >> 8) & 255}.${reporter & 255}`;
  };
  return [
    { name: 'baseline GET /api/v1/health', requests: [{ method: 'GET', path: '/api/v1/health' }] },
    {
      name: 'queue, first page (50)',
      load: 'pages',
      target: { maxP99Ms: 10 },
      requests: [{ method: 'GET', path: '/api/v1/staff/cases?limit=50', headers: staff }],
    },
    {
      name: `queue, keyset page ${inputs.deepRows} rows deep`,
      load: 'pages',
      target: { maxP99Ms: 10 },
      requests: [{ method: 'GET', path: `/api/v1/staff/cases?limit=50&cursor=${encodeURIComponent(inputs.deepCursor)}`, headers: staff }],
    },
    {
      name: 'staff case page',
      load: 'pages',
      target: { maxP99Ms: 10 },
      requests: [{ method: 'GET', headers: staff, setupRequest: (req) => ({ ...req, path: `/api/v1/staff/cases/${nextCase()}` }) }],
    },
    {
      name: 'follow-up login (valid receipt)',
      // Reporters behind the proxy the server trusts (127.0.0.1): each from an address of its own, as
      // fifty reporters are. From one address, receipts checked at once count against its limit of 10.
      requests: [{
        method: 'POST', path: '/api/v1/followup/login',
        setupRequest: (req) => ({ ...req, headers: { ...json, 'x-forwarded-for': nextAddress() }, body: JSON.stringify({ receipt: nextReceipt() }) }),
      }],
    },
    {
      name: PLAIN_SUBMISSIONS,
      target: { minOkPerSecond: 1_000, maxP99Ms: 100 },
      requests: [{ method: 'POST', path: '/api/v1/cases', headers: json, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    },
    ...aggregateScenarios(inputs),
    {
      // The same submissions with the quality signals counted and not: measured in turns.
      name: SUBMISSIONS_SIGNALS_ON,
      signals: 'on',
      requests: [{ method: 'POST', path: '/api/v1/cases', headers: json, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    },
    {
      name: SUBMISSIONS_SIGNALS_OFF,
      signals: 'off',
      requests: [{ method: 'POST', path: '/api/v1/cases', headers: json, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    },
    {
      // The same submissions while 100 wrong staff logins are kept in flight (bench/flood.ts).
      name: SUBMISSIONS_DURING_LOGIN_FLOOD,
      background: 'login-flood',
      requests: [{ method: 'POST', path: '/api/v1/cases', headers: json, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    },
  ];
}
