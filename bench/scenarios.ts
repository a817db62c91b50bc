/** What the benchmark asks of the server: one autocannon request definition per scenario. */
import type { Request } from 'autocannon';

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
  requests: Request[];
}

export interface ScenarioInputs {
  categories: { code: string; kinds: string[] }[];
  regions: string[];
  staffToken: string;
  /** The first page's nextCursor chain followed deep into the handler's queue. */
  deepCursor: string;
  deepRows: number;
  caseNumbers: string[];
  receipts: string[];
}

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'];
const ITEMS = ['月饼', '电热水器', '婴儿推车', '网购手机', '宽带套餐', '装修工程', '跟团游', '外卖'];

/** Valid, varied submission bodies, each different from the last. */
export function submissionBodies(inputs: Pick<ScenarioInputs, 'categories' | 'regions'>): () => string {
  let n = 0;
  return () => {
    n += 1;
    const category = inputs.categories[n % inputs.categories.length]!;
    const kind = category.kinds[(n >> 3) % category.kinds.length]!;
    const named = kind === 'complaint' || n % 3 === 0;
    const body: Record<string, unknown> = {
      kind,
      category: category.code,
      region: inputs.regions[(n * 7) % inputs.regions.length],
      subject: { name: `压测样本${n % 500}号商贸有限公司`, address: `广州市天河区体育西路${n % 300}号` },
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

function rotating<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[i++ % items.length]!;
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
    {
      // The same submissions while 100 wrong staff logins are kept in flight (bench/flood.ts).
      name: SUBMISSIONS_DURING_LOGIN_FLOOD,
      background: 'login-flood',
      requests: [{ method: 'POST', path: '/api/v1/cases', headers: json, setupRequest: (req) => ({ ...req, body: nextBody() }) }],
    },
  ];
}
