/**
 * Demo data (`npm run intake -- demo-data --cases N`): realistic cases across kinds, categories,
 * regions, months and states, with sealed identities, timelines, clocks, dispatches, messages,
 * satisfaction and sent mail — for demos, screenshots and the benchmark.
 *
 * Node-only and built for speed: rows are written with prepared better-sqlite3 statements in large
 * transactions, and sealing uses node:crypto synchronously. The envelope is exactly that of
 * server/identity/seal.ts (AES-256-GCM data key per record, wrapped with AES-KW under the HKDF
 * 'intake/wrap' key, AAD `${caseId}:${purpose}`, base64 fields) and receipts are hashed as in
 * server/identity/receipt.ts, so the app opens, shows and finds these cases as if they were filed.
 * Lifecycle steps come from the table in server/cases/lifecycle.ts and clocks from
 * server/clocks/clocks.ts, so states, clocks and next_due_at agree with what actions would write.
 */
import { createCipheriv, createHash, createHmac, hkdfSync, randomFillSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type Sqlite from 'better-sqlite3';
import { nanoid } from 'nanoid';
import type { CaseKind, Severity } from '../../db/schema.js';
import { recordAudit } from '../audit/audit.service.js';
import type { CalendarData } from '../clocks/calendar.js';
import {
  computeDue, DEFAULT_CLOCK_RULES, extendDue, firstClockRule, shanghaiDate, toShanghaiIso, type ClockRuleKey,
} from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { findTransition, NOT_ACCEPT_GROUNDS } from '../cases/lifecycle.js';
import { SIGN_WINDOW } from '../intake/intake.service.js';
import { newPseudonym } from '../identity/pseudonym.js';
import { routeCase, type RoutingDecision } from '../routing/route.js';
import { loadRoutingFacts } from '../routing/routing.repository.js';
import { demoStaff } from '../staff/demo.js';

export interface DemoDataOptions {
  cases: number;
  /** The 32 raw bytes of the current master key (the same INTAKE_MASTER_KEY / master.key the app loads). */
  masterKey: Uint8Array;
  /** Seed of the distributions (not of keys or receipts, which always come from the CSPRNG). */
  seed?: number;
  /** Received dates spread over this many months up to now (default 24). */
  months?: number;
  /** Write this many receipts (case number, receipt) as TSV to receiptsFile, for follow-up logins. */
  receiptsFile?: string;
  receiptsCount?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoDataSummary {
  cases: number;
  byKind: Record<string, number>;
  byStatus: Record<string, number>;
  overdue: number;
  firstReceived: string | null;
  lastReceived: string | null;
  receiptsWritten: number;
  seconds: number;
}

const CASES_PER_TRANSACTION = 2_000;
const MAX_PER_DAY = 99_999; // five sequence digits in a case number

// ---------------------------------------------------------------------------------------------
// Keys and sealing (node:crypto, same bytes as the Web Crypto code of server/identity/)

interface DemoKeys { id: string; wrapKey: Buffer; receiptKey: Buffer }

/** The key id and the HKDF-derived keys exactly as importMasterKey derives them. */
export function demoKeys(raw: Uint8Array): DemoKeys {
  if (raw.length !== 32) throw new Error('A master key must be 32 bytes.');
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', raw, new Uint8Array(0), Buffer.from(info), 32));
  return {
    id: 'k' + createHash('sha256').update(raw).digest('hex').slice(0, 12),
    wrapKey: derive('intake/wrap'),
    receiptKey: derive('intake/receipt'),
  };
}

/** CSPRNG bytes drawn from a refilled pool: one randomFillSync per 64 KiB instead of one per key. */
function randomPool(size = 65_536) {
  const pool = Buffer.alloc(size);
  let offset = size;
  return (n: number): Buffer => {
    if (offset + n > size) {
      randomFillSync(pool);
      offset = 0;
    }
    const out = Buffer.from(pool.subarray(offset, offset + n));
    offset += n;
    return out;
  };
}

type Random = ReturnType<typeof randomPool>;
const KW_DEFAULT_IV = Buffer.from('A6A6A6A6A6A6A6A6', 'hex');

export interface SealedBox { keyId: string; wrappedKey: string; iv: string; ciphertext: string }

/** seal() of server/identity/seal.ts, synchronously: Web Crypto's AES-GCM output is ciphertext ‖ 16-byte tag. */
export function sealSync(keys: DemoKeys, random: Random, value: unknown, context: string): SealedBox {
  const dataKey = random(32);
  const iv = random(12);
  const gcm = createCipheriv('aes-256-gcm', dataKey, iv);
  gcm.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([gcm.update(JSON.stringify(value), 'utf8'), gcm.final(), gcm.getAuthTag()]);
  const kw = createCipheriv('id-aes256-wrap', keys.wrapKey, KW_DEFAULT_IV);
  const wrapped = Buffer.concat([kw.update(dataKey), kw.final()]);
  return { keyId: keys.id, wrappedKey: wrapped.toString('base64'), iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64') };
}

/** hashReceipt() of server/identity/receipt.ts. */
export function hashReceiptSync(keys: DemoKeys, receipt: string): string {
  return createHmac('sha256', keys.receiptKey).update(`receipt:${receipt}`).digest('hex');
}

function newReceipt(random: Random): string {
  let digits = '';
  while (digits.length < 16) {
    for (const b of random(16)) if (b < 250 && digits.length < 16) digits += String(b % 10);
  }
  return digits;
}

// ---------------------------------------------------------------------------------------------
// Seeded distributions

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

function weighted<T>(items: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cumulative = items.map(([, w], i) => items.slice(0, i + 1).reduce((s, [, x]) => s + x, 0) / total);
  return (rng) => {
    const r = rng();
    const i = cumulative.findIndex((c) => r < c);
    return items[i === -1 ? items.length - 1 : i]![0];
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A duration around `typical` (log-normal-ish, never negative), in ms. */
const around = (rng: Rng, typicalMs: number) => typicalMs * Math.exp((rng() + rng() + rng() - 1.5) * 1.2);

// Population-weighted places (millions); districts only where the directory has them.
const CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['4401', 18.8], ['4403', 17.7], ['4419', 10.5], ['4406', 9.6], ['4408', 7.0], ['4409', 6.2], ['4413', 6.0],
  ['4452', 5.6], ['4405', 5.5], ['4407', 4.8], ['4420', 4.4], ['4412', 4.1], ['4418', 4.0], ['4414', 3.9],
  ['4402', 2.9], ['4416', 2.8], ['4415', 2.7], ['4451', 2.6], ['4417', 2.6], ['4404', 2.5], ['4453', 2.4],
];
// Commercial centres get more complaints than their population alone would give.
const DISTRICT_BOOST: Record<string, number> = { '440106': 3, '440104': 1.6, '440304': 2.4, '440305': 2.2, '440303': 1.5 };
// Districts outside the demo directory: routing falls back to the city by the code's structure.
const OTHER_DISTRICTS = ['02', '03', '04', '05', '06', '07', '08'];
// Respondents elsewhere in China: the intake centre triages them.
const OUTSIDE = ['110105', '310115', '330106', '420106', '510107'];

const CATEGORY_WEIGHTS: Record<string, number> = {
  'service.ecommerce': 16, 'product.food': 14, 'service.catering': 7, 'service.retail': 7, 'service.telecom': 6,
  'product.industrial': 5, 'engineering.housing': 5, 'service.property': 5, 'service.express': 4, 'service.tourism': 3,
  'product.drug': 3, 'service.finance': 3, 'service.transport': 3, 'product.counterfeit': 3, 'service.household': 2,
  'product.child': 2, 'service.health': 2, 'product.special_equipment': 2, 'product.measurement': 1.5,
  'engineering.public_building': 1, 'engineering.transport': 1, 'product.certification': 1, 'product.agri_input': 1,
  'product.agri_produce': 1, 'engineering.water': 0.5, 'product.standards': 0.5, other: 2,
};
const KIND_WEIGHTS: Record<CaseKind, number> = { complaint: 62, report: 30, injury: 8 };
const SEVERITY = weighted<Severity>([['minor', 75], ['serious', 20], ['fatal', 5]]);
const RATING = weighted<number>([[1, 5], [2, 7], [3, 10], [4, 33], [5, 45]]);

// Same set as server/cases/actions.service.ts: the steps a reporter sees on the follow-up page.
const PUBLIC_EVENTS: ReadonlySet<string> = new Set([
  'accept', 'not_accept', 'start_mediation', 'mediated', 'mediation_failed', 'start_verification', 'open_case',
  'not_open', 'decide_penalty', 'triage', 'start_investigation', 'close', 'rehandle', 'merge',
]);

// ---------------------------------------------------------------------------------------------
// Words the cases are made of

interface Category { code: string; domain: string; kinds: CaseKind[] }

const BUSINESS_WORDS: Record<string, readonly string[]> = {
  brand: [...'华美新永恒鑫泰盛达兴隆嘉信和安顺利祥宏丰汇源宝金佳康瑞正联创'],
  product: ['食品', '电器', '日用品', '科技', '玩具', '服饰', '五金', '建材', '化妆品', '医疗器械', '农资', '计量仪器'],
  engineering: ['建设工程', '房地产开发', '市政工程', '装饰工程', '水利工程'],
  service: ['商贸', '餐饮管理', '物业管理', '旅行社', '快递', '通信服务', '健身', '教育咨询', '家政服务', '电子商务', '医疗美容'],
  other: ['实业', '贸易', '发展'],
  road: ['中山路', '人民路', '建设路', '解放路', '天河路', '深南大道', '体育西路', '环市东路', '滨江路', '工业大道', '新华路', '青年路'],
};

const ITEMS: Record<string, readonly string[]> = {
  'product.food': ['月饼', '牛奶', '婴儿奶粉', '速冻水饺', '食用油', '蛋糕', '腊肠', '瓶装饮料', '进口牛排'],
  'product.special_equipment': ['小区电梯', '商场自动扶梯', '游乐场过山车', '燃气锅炉'],
  'product.industrial': ['电热水器', '电动自行车电池', '空调', '插线板', '燃气灶'],
  'product.child': ['儿童玩具', '婴儿推车', '儿童安全座椅', '学生文具'],
  'product.drug': ['降压药', '口罩', '血糖仪', '面霜'],
  'product.agri_input': ['化肥', '农药', '种子'],
  'product.agri_produce': ['大米', '蔬菜', '水果'],
  'engineering.housing': ['新购商品房', '装修工程', '小区外墙'],
  'engineering.public_building': ['学校教学楼', '体育馆'],
  'engineering.transport': ['市政道路', '人行天桥'],
  'engineering.water': ['供水管网', '河堤'],
  'service.ecommerce': ['网购手机', '直播间购买的护肤品', '网购家具', '外卖平台订单'],
  'service.catering': ['餐厅套餐', '奶茶', '外卖'],
  'service.tourism': ['跟团游', '景区门票', '酒店预订'],
  'service.express': ['快递包裹', '同城配送'],
  'service.telecom': ['宽带套餐', '手机话费', '流量包'],
  'service.finance': ['信用卡分期', '理财产品'],
  'service.property': ['物业服务', '停车收费'],
  'service.health': ['体检套餐', '医美项目'],
};
const DEFAULT_ITEMS = ['商品', '服务', '会员卡', '预付卡'];

const PROBLEMS: Record<string, readonly string[]> = {
  product: ['已经发霉变质', '与宣传严重不符', '使用一周就出现故障', '包装上没有生产日期', '疑似假冒注册商标', '实际重量不足'],
  engineering: ['墙体出现多处裂缝', '交付后卫生间漏水', '施工质量明显不合格', '使用的材料与合同不符'],
  service: ['收费与宣传不一致', '迟迟不履行约定', '擅自扣费', '服务质量很差且拒绝退款', '办卡后商家关门跑路'],
  other: ['存在质量问题', '与约定不符'],
};
const RESPONSES = ['商家拒绝退换', '客服一直推诿', '对方不予理睬', '多次协商未果', '商家只同意退一半'];
const CLAIMS = ['退款并赔偿', '退一赔三', '更换商品', '赔偿损失', '修复并赔偿', '退还预付费用'];
const VIOLATIONS = ['使用过期原料生产', '无证生产经营', '销售假冒伪劣产品', '虚假宣传', '缺斤短两', '违规添加非食用物质'];
const EVIDENCE = ['仓库在厂区后门', '每天夜间出货', '有进货单据为证', '已拍下现场照片', '员工可以作证'];
const HARMS = ['孩子误吞小零件入院', '起火导致手部烧伤', '突然爆裂划伤面部', '导致过敏住院治疗', '发生漏电致人受伤'];

const EN: Record<CaseKind, readonly string[]> = {
  complaint: ['The product I bought stopped working within a week and the shop refuses a refund.', 'The service was not what was advertised and the company will not reply.'],
  report: ['The factory relabels expired goods and sells them as new; deliveries leave at night.', 'The shop sells counterfeit branded goods; I have photos of the stock.'],
  injury: ['A part came loose and my child swallowed it; she was treated in hospital.', 'The charger overheated and burned my hand.'],
};

const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉晓燕建国志红海波宇欣怡浩然子轩梓涵'];

function personName(rng: Rng): string {
  return pick(rng, SURNAMES) + pick(rng, GIVEN) + (chance(rng, 0.7) ? pick(rng, GIVEN) : '');
}

function describe(rng: Rng, c: Category, kind: CaseKind, business: Business, language: string, receivedAt: Date): string {
  if (language === 'en') return pick(rng, EN[kind]);
  const item = pick(rng, ITEMS[c.code] ?? DEFAULT_ITEMS);
  const problems = PROBLEMS[c.domain] ?? PROBLEMS.other!;
  if (kind === 'report') return `${business.name}${pick(rng, VIOLATIONS)}${item}，${pick(rng, EVIDENCE)}，请依法查处。`;
  if (kind === 'injury') return `使用${business.name}的${item}时${pick(rng, HARMS)}，请调查该产品的质量问题。`;
  const when = shanghaiDate(new Date(receivedAt.getTime() - Math.floor(rng() * 20) * DAY));
  return `我于${when}在${business.name}购买的${item}${pick(rng, problems)}，${pick(rng, RESPONSES)}，请求处理。`;
}

const QUESTIONS = ['请补充购买凭证的照片。', '请提供事发的具体时间和地点。', '我们已联系商家核实，请保持电话畅通。'];
const ANSWERS = ['凭证已补充，请查收。', '商家至今没有联系我。', '请问现在的处理进度如何？'];
const REPLIES: Record<string, readonly string[]> = {
  mediated: ['经调解，双方达成一致，商家已退款。', '经调解，商家同意更换商品并赔偿。'],
  mediation_failed: ['调解未能达成一致，您可依法向人民法院起诉或申请仲裁。'],
  not_accepted: ['经审查，不符合受理条件，已告知您向有关部门反映。'],
  accepted: ['已受理并处理完毕。'],
  penalty_decided: ['经核查，已依法立案并作出行政处罚。感谢您的举报。'],
  case_opened: ['已立案调查，相关线索已移送司法机关处理。'],
  not_opened: ['经核查，未发现违法事实，决定不予立案。'],
  investigating: ['已完成调查，已督促企业召回问题产品。'],
  triaged: ['经核查，属一般质量问题，已督促企业整改。'],
};

// ---------------------------------------------------------------------------------------------
// Directory facts the generator needs

interface Business { name: string; creditCode: string; address: string; region: string; checkFailed: boolean }

interface Directory {
  regions: Map<string, string>; // code → name_zh
  departments: Set<string>;
  categories: Category[];
  pickCategory: (rng: Rng) => Category;
  pickRegion: (rng: Rng) => string;
  businesses: Map<string, Business[]>;
  route: (kind: CaseKind, category: string, region: string, severity: Severity | null) => Promise<RoutingDecision>;
  province: string;
}

const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A GB 32100 code for a company registered in `region` (check character right unless told). */
function creditCode(rng: Rng, region: string, rightCheck = true): string {
  let body = '91' + region;
  while (body.length < 17) body += pick(rng, [...CREDIT_ALPHABET]);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_ALPHABET.indexOf(body[i]!) * CREDIT_WEIGHTS[i]!;
  const check = CREDIT_ALPHABET[(31 - (sum % 31)) % 31]!;
  return body + (rightCheck ? check : CREDIT_ALPHABET[(CREDIT_ALPHABET.indexOf(check) + 1) % 31]);
}

async function loadDirectory(deps: Deps, rng: Rng): Promise<Directory> {
  const regions = new Map((await deps.db.selectFrom('regions').select(['code', 'name_zh']).execute()).map((r) => [r.code, r.name_zh]));
  const departments = new Set((await deps.db.selectFrom('departments').select('code').where('active', '=', 1).execute()).map((d) => d.code));
  const categories = (await deps.db.selectFrom('categories').select(['code', 'domain', 'kinds']).execute())
    .map((c) => ({ code: c.code, domain: c.domain, kinds: c.kinds.split(',') as CaseKind[] }));
  const pickCategory = weighted(categories.map((c) => [c, CATEGORY_WEIGHTS[c.code] ?? 1] as const));

  const places: [string, number][] = [];
  for (const [city, weight] of CITY_WEIGHTS) {
    const districts = [...regions.keys()].filter((code) => code.startsWith(city) && !code.endsWith('00'));
    const codes = districts.length > 0 ? districts : OTHER_DISTRICTS.map((d) => city + d);
    const boosts = codes.map((c) => DISTRICT_BOOST[c] ?? 1);
    const sum = boosts.reduce((a, b) => a + b, 0);
    codes.forEach((c, i) => places.push([c, (weight * boosts[i]!) / sum]));
  }
  for (const code of OUTSIDE) places.push([code, 0.15]);
  const pickRegion = weighted(places);

  // A few hundred businesses per category, picked with a long tail: some collect many cases.
  const businesses = new Map<string, Business[]>();
  for (const c of categories) {
    const list: Business[] = [];
    for (let i = 0; i < 300; i++) {
      const region = pickRegion(rng);
      const cityName = regions.get(`${region.slice(0, 4)}00`) ?? regions.get(region) ?? '';
      const checkFailed = chance(rng, 0.02);
      list.push({
        name: `${cityName.replace(/市$/, '')}${pick(rng, BUSINESS_WORDS.brand)}${pick(rng, BUSINESS_WORDS.brand)}${pick(rng, BUSINESS_WORDS[c.domain] ?? BUSINESS_WORDS.other)}有限公司`,
        creditCode: creditCode(rng, region, !checkFailed),
        address: `${cityName}${regions.get(region) ?? ''}${pick(rng, BUSINESS_WORDS.road)}${1 + Math.floor(rng() * 300)}号`,
        region,
        checkFailed,
      });
    }
    businesses.set(c.code, list);
  }

  const facts = new Map<string, ReturnType<typeof loadRoutingFacts>>();
  const route = async (kind: CaseKind, category: string, region: string, severity: Severity | null) => {
    const key = `${category}|${region}`;
    if (!facts.has(key)) facts.set(key, loadRoutingFacts(deps.db, category, region, deps.config.INTAKE_PROVINCE));
    return routeCase({ kind, category, region, severity }, await facts.get(key)!);
  };
  return { regions, departments, categories, pickCategory, pickRegion, businesses, route, province: deps.config.INTAKE_PROVINCE };
}

// ---------------------------------------------------------------------------------------------
// When cases arrive: a growing volume over the months, quieter weekends and nights

/** How many cases arrive on each day from `from` to today, summing to `total`. */
function casesPerDay(total: number, now: Date, months: number): { day: string; count: number }[] {
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
  const sum = days.reduce((s, d) => s + d.weight, 0);
  let assigned = 0;
  const out = days.map((d, i) => {
    const count = i === days.length - 1 ? total - assigned : Math.min(MAX_PER_DAY, Math.round((total * d.weight) / sum));
    assigned += count;
    return { day: d.day, count };
  });
  if (out.some((d) => d.count > MAX_PER_DAY || d.count < 0)) {
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
function timesOfDay(rng: Rng, day: string, count: number, now: Date): Date[] {
  const start = new Date(`${day}T00:00:00+08:00`).getTime();
  const limit = Math.min(start + DAY, now.getTime()) - 1;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = start + HOUR_OF_DAY(rng) * HOUR + Math.floor(rng() * HOUR);
    times.push(t > limit ? start + Math.floor(rng() * (limit - start)) : t);
  }
  return times.sort((a, b) => a - b).map((t) => new Date(t));
}
