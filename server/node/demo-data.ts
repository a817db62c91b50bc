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
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3';
import { nanoid } from 'nanoid';
import { recordAudit } from '../audit/audit.service.js';
import { Kysely, SqliteDialect } from 'kysely';
import type { CaseKind, Database, Severity } from '../../db/schema.js';
import type { CalendarData } from '../clocks/calendar.js';
import { loadCalendar } from '../clocks/calendar.repository.js';
import {
  computeDue, DEFAULT_CLOCK_RULES, extendDue, firstClockRule, shanghaiDate, toShanghaiIso, type ClockRuleKey,
} from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { clockRunsFor, findTransition, NOT_ACCEPT_GROUNDS, PUBLIC_EVENTS } from '../cases/lifecycle.js';
import type { CaseStatus } from '../../domain/vocabulary.js';
import { SIGN_WINDOW } from '../intake/intake.service.js';
import { fromBase64 } from '../lib/encoding.js';
import { routeCase, type RoutingDecision } from '../routing/route.js';
import { routingFacts } from '../routing/routing.repository.js';
import { directorySnapshot } from '../directory/snapshot.js';
import { escalationTime, noticesFor } from '../notify/sweep-rules.js';
import { demoStaff } from '../staff/demo.js';
import type { NodeRuntime } from './bootstrap.js';
import { devKeyFile } from './keyfiles.js';
import { buildPendingIndexes, dropIndexesForLoad } from './bulk-indexes.js';
import { timePrefix } from '../lib/ids.js';
import { nodeKeys, randomPool, receiptMacSync, sealSync, type NodeKeys, type Random } from './crypto.js';

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
  /** Called when the load is written and `count` indexes set aside for it are being built. */
  onIndexes?: (count: number) => void;
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

const MAX_PER_DAY = 99_999; // five sequence digits in a case number

// ---------------------------------------------------------------------------------------------
// Keys and sealing: server/node/crypto.ts

// The alphabet of server/identity/pseudonym.ts (no 0/O, 1/I/L, 5/S, 2/Z), drawn from the pool.
const PSEUDONYM_ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

function pseudonym(random: Random): string {
  let out = 'R-';
  while (out.length < 6) {
    for (const b of random(8)) if (b < 243 && out.length < 6) out += PSEUDONYM_ALPHABET[b % 27];
  }
  return out;
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

// ---------------------------------------------------------------------------------------------
// Words the cases are made of

interface Category { code: string; domain: string; kinds: CaseKind[] }

const BUSINESS_WORDS = {
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
  route: (kind: CaseKind, category: string, region: string, severity: Severity | null) => RoutingDecision;
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

async function loadDirectory(db: Kysely<Database>, province: string, rng: Rng): Promise<Directory> {
  const regions = new Map((await db.selectFrom('regions').select(['code', 'name_zh']).execute()).map((r) => [r.code, r.name_zh]));
  const departments = new Set((await db.selectFrom('departments').select('code').where('active', '=', 1).execute()).map((d) => d.code));
  const categories = (await db.selectFrom('categories').select(['code', 'domain', 'kinds']).execute())
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

  // A thousand businesses per category, picked with a long tail: some collect many cases.
  const businesses = new Map<string, Business[]>();
  for (const c of categories) {
    const list: Business[] = [];
    for (let i = 0; i < 1_000; i++) {
      const region = pickRegion(rng);
      const cityName = regions.get(`${region.slice(0, 4)}00`) ?? regions.get(region) ?? '';
      const checkFailed = chance(rng, 0.02);
      list.push({
        name: `${cityName.replace(/市$/, '')}${pick(rng, BUSINESS_WORDS.brand)}${pick(rng, BUSINESS_WORDS.brand)}${pick(rng, (BUSINESS_WORDS as Record<string, readonly string[]>)[c.domain] ?? BUSINESS_WORDS.other)}有限公司`,
        creditCode: creditCode(rng, region, !checkFailed),
        address: `${cityName}${regions.get(region) ?? ''}${pick(rng, BUSINESS_WORDS.road)}${1 + Math.floor(rng() * 300)}号`,
        region,
        checkFailed,
      });
    }
    businesses.set(c.code, list);
  }

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

// ---------------------------------------------------------------------------------------------
// One case, from receipt to wherever it has got by now

type Row = Record<string, unknown>;

interface PlannedCase {
  day: string; // YYYYMMDD of receipt: the case number's day
  receipt: string;
  kind: CaseKind;
  status: string;
  overdue: boolean;
  rows: { cases: Row; sealed: Row[]; events: Row[]; clocks: Row[]; cohandlers: Row[]; assignments: Row[]; outbox: Row[]; messages: Row[]; sealedMessages: Row[]; satisfaction: Row[] };
}

interface PlanContext {
  rng: Rng;
  random: Random;
  keys: NodeKeys;
  dir: Directory;
  calendar: CalendarData;
  now: Date;
  dueMemo: Map<string, { dueAt: string; provisional: boolean }>;
}

/** Due date of a clock started at `start`, memoised per start day (working-day counting is the slow part). */
function dueOf(ctx: PlanContext, start: Date, key: ClockRuleKey | 'sign'): { dueAt: string; provisional: boolean } {
  const rule = key === 'sign' ? SIGN_WINDOW : DEFAULT_CLOCK_RULES[key];
  const compute = () => {
    const due = computeDue(ctx.calendar, start, rule);
    return { dueAt: toShanghaiIso(due.dueAt), provisional: due.provisional };
  };
  if ('hours' in rule) return compute();
  const memoKey = `${shanghaiDate(start)}|${rule.workingDays}`;
  let due = ctx.dueMemo.get(memoKey);
  if (!due) ctx.dueMemo.set(memoKey, (due = compute()));
  return due;
}


const staffOf = (department: string, role: 'handler' | 'supervisor') =>
  demoStaff.find((s) => s.department === department && s.role === role)?.username ?? `${role}@${department}`;

// The first of 1,000 businesses gets about 2 % of its category's cases, the median one 0.03 %.
const longTail = <T>(rng: Rng, items: readonly T[]) => items[Math.floor(items.length * rng() ** 1.8)]!;

interface CaseFacts {
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
}

/** What the reporter filed, and where the routing rules sent it. */
function caseFacts(ctx: PlanContext, receivedAt: Date): CaseFacts {
  const { rng, dir } = ctx;
  const category = dir.pickCategory(rng);
  const kind = weighted(category.kinds.map((k) => [k, KIND_WEIGHTS[k]] as const))(rng);
  const severity: Severity | null = kind === 'injury' ? SEVERITY(rng) : null;
  const business = longTail(rng, dir.businesses.get(category.code)!);
  const region = chance(rng, 0.9) ? business.region : dir.pickRegion(rng);
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
    description: describe(rng, category, kind, business, language, receivedAt),
    claim: kind === 'complaint' ? pick(rng, CLAIMS) : null,
  };
}

type Who = 'handler' | 'supervisor' | 'intake';

/** One case on its way from receipt to wherever it has got by `now`, collecting the rows written. */
class CasePlan {
  readonly rows: PlannedCase['rows'] = { cases: {}, sealed: [], events: [], clocks: [], cohandlers: [], assignments: [], outbox: [], messages: [], sealedMessages: [], satisfaction: [] };
  readonly id: string;
  private readonly idPrefix: string;
  private status: CaseStatus = 'received';
  private department: string | null;
  private at: Date;
  private closedAt: string | null = null;
  private fine: number | null = null;
  private urged: string | null = null;
  private escalated = false;
  // A few departments sit on their cases: most of the overdue ones.
  private readonly stall: number;

  constructor(private readonly ctx: PlanContext, private readonly receivedAt: Date, private readonly f: CaseFacts) {
    // Ids in the order of receipt: the load appends to every id and case_id index instead of touching
    // pages all over them (a bulk load's write volume). The random tail keeps them unguessable.
    this.idPrefix = timePrefix(receivedAt);
    this.id = this.newId();
    this.department = f.decision.department;
    this.at = receivedAt;
    this.stall = chance(ctx.rng, 0.05) ? 8 : 1;
  }

  private newId() {
    return this.idPrefix + nanoid(13);
  }

  private get iso() {
    return toShanghaiIso(this.at);
  }

  private seal(purpose: string, value: unknown, at: string) {
    const box = sealSync(this.ctx.keys, this.ctx.random, value, `${this.id}:${purpose}`);
    this.rows.sealed.push({ case_id: this.id, purpose, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext, created_at: at });
  }

  private event(event: string, at: string, actor: string, note: string | null, data: Row | null, isPublic: boolean) {
    this.rows.events.push({ id: this.newId(), case_id: this.id, at, event, actor, note, data: data && JSON.stringify(data), public: isPublic ? 1 : 0 });
  }

  /** A mail as the outbox worker left it: sent once. */
  private mail(template: string, type: 'department' | 'reporter', ref: string, at: string, params: Row) {
    this.rows.outbox.push({
      id: this.newId(), case_id: this.id, template, recipient_type: type, recipient_ref: ref, params: JSON.stringify(params),
      message_id: `<${nanoid()}@intake>`, status: 'sent', attempts: 1, next_attempt_at: at, created_at: at, claimed_at: at, sent_at: at, last_error: null,
    });
  }

  private dispatch(department: string, at: Date) {
    this.rows.assignments.push({ id: this.newId(), case_id: this.id, department, dispatched_at: toShanghaiIso(at), sign_due_at: dueOf(this.ctx, at, 'sign').dueAt, signed_at: null, returned_at: null, return_reason: null });
  }

  private startClock(key: ClockRuleKey, at: Date) {
    const due = dueOf(this.ctx, at, key);
    this.rows.clocks.push({ id: this.newId(), case_id: this.id, clock: DEFAULT_CLOCK_RULES[key].clock, started_at: toShanghaiIso(at), due_at: due.dueAt, provisional: due.provisional ? 1 : 0, status: 'running', stopped_at: null, paused_at: null, extended: 0 });
  }

  private get running() {
    return this.rows.clocks.filter((c) => c.status === 'running');
  }

  private staff(who: Who) {
    return who === 'intake' ? 'intake' : staffOf(this.department!, who);
  }

  /** The rows of submitCase: sealed text and identity, first events, the first clock, dispatches, mail. */
  submit() {
    const { decision, kind, severity } = this.f;
    const received = this.iso;
    this.seal('original_text', { description: this.f.description, claim: this.f.claim }, received);
    if (this.f.identity) this.seal('identity', this.f.identity, received);
    const firstRule = firstClockRule(kind, severity);
    this.startClock((Object.keys(DEFAULT_CLOCK_RULES) as ClockRuleKey[]).find((k) => DEFAULT_CLOCK_RULES[k] === firstRule)!, this.receivedAt);
    this.event('received', received, 'system', null, null, true);
    this.event(decision.department ? 'routed' : 'triage', received, 'system', decision.department, { rule: decision.rule, reason: decision.reason }, false);
    for (const c of decision.cohandlers) {
      this.event('cohandler_added', received, 'system', c.department, { reason: c.reason }, false);
      this.rows.cohandlers.push({ case_id: this.id, department: c.department, reason: c.reason, added_at: received });
    }
    for (const d of [decision.department, ...decision.cohandlers.map((c) => c.department)]) if (d) this.dispatch(d, this.receivedAt);
    const params = { category: this.f.category.code, dueAt: this.rows.clocks[0]!.due_at, clock: firstRule.clock };
    this.mail(decision.department ? 'case_new_department' : 'case_triage', 'department', decision.department ?? `intake-${this.ctx.dir.province}`, received, params);
    for (const c of decision.cohandlers) this.mail('case_new_department', 'department', c.department, received, params);
    if (this.f.identity?.email) this.mail('case_received_reporter', 'reporter', this.id, received, params);
  }

  /** A staff action `delay` ms after the last one, if that is before now: checked against the lifecycle table. */
  private act(action: string, delay: number, who: Who, extra: { note?: string; data?: Row } = {}): boolean {
    const next = new Date(this.at.getTime() + delay * this.stall);
    if (next > this.ctx.now) return false;
    const scope = { kind: this.f.kind, status: this.status, department: this.department, cohandlers: this.f.decision.cohandlers.map((c) => c.department) };
    const t = findTransition(action, scope);
    if (!t) throw new Error(`demo-data: ${action} is not allowed while a ${this.f.kind} is ${this.status}`);
    this.at = next;
    for (const c of this.running) {
      if (t.stops && (t.stops.includes('*') || t.stops.includes(c.clock as string))) Object.assign(c, { status: 'stopped', stopped_at: this.iso });
    }
    for (const key of t.starts ?? []) {
      if (clockRunsFor(DEFAULT_CLOCK_RULES[key].clock, !this.f.identity)) this.startClock(key, this.at);
    }
    const to = typeof t.to === 'string' && t.to !== 'restore' && t.to !== 'rehandle' ? t.to : this.status;
    this.event(action, this.iso, this.staff(who), extra.note ?? null, { from: this.status, to, ...extra.data }, PUBLIC_EVENTS.has(action));
    this.status = to;
    return true;
  }

  /** What the rules could not place, the intake centre assigns: to the city's market regulator, else the province's. */
  assignTriaged() {
    if (this.department) return;
    const { dir, rng, now } = this.ctx;
    const target = [`samr-${this.f.region.slice(0, 4)}00`, `samr-${dir.province}`].find((d) => dir.departments.has(d))!;
    const next = new Date(this.at.getTime() + around(rng, 0.8 * DAY));
    if (next > now) return;
    this.at = next;
    this.event('assign', this.iso, 'intake', null, { from: this.status, to: this.status, department: target, previous: null }, false);
    this.department = target;
    this.dispatch(target, this.at);
    this.mail('case_new_department', 'department', target, this.iso, { category: this.f.category.code, dueAt: this.rows.clocks[0]!.due_at });
  }

  /** Signing for it, perhaps a question and its answer, then the kind's own path. */
  handle() {
    if (!this.department) return;
    if (this.act('sign', around(this.ctx.rng, 0.5 * DAY), 'handler')) {
      const a = this.rows.assignments.find((x) => x.department === this.department && !x.signed_at);
      if (a) a.signed_at = this.iso;
    }
    if (chance(this.ctx.rng, 0.1)) this.exchangeMessages();
    if (this.f.kind === 'complaint') this.complaintPath();
    else if (this.f.kind === 'report') this.reportPath();
    else this.injuryPath();
  }

  private exchangeMessages() {
    const { rng, now, keys, random } = this.ctx;
    const asked = new Date(this.at.getTime() + around(rng, 0.5 * DAY));
    if (asked > now) return;
    this.rows.messages.push({ id: this.newId(), case_id: this.id, at: toShanghaiIso(asked), sender: 'department', author: this.staff('handler'), body: pick(rng, QUESTIONS) });
    const answered = new Date(asked.getTime() + around(rng, DAY));
    if (answered > now) return;
    const messageId = this.newId();
    const body = pick(rng, ANSWERS);
    const box = sealSync(keys, random, body, `message:${messageId}`);
    this.rows.messages.push({ id: messageId, case_id: this.id, at: toShanghaiIso(answered), sender: 'reporter', author: null, body });
    this.rows.sealedMessages.push({ message_id: messageId, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext });
  }

  /** Closing carries the result reply, which the reporter reads as a message from the department. */
  private close(delay: number, who: Who) {
    const reply = pick(this.ctx.rng, REPLIES[this.status] ?? REPLIES.accepted!);
    if (!this.act('close', delay, who, { note: reply })) return;
    this.closedAt = this.iso;
    this.rows.messages.push({ id: this.newId(), case_id: this.id, at: this.closedAt, sender: 'department', author: this.staff(who), body: reply });
  }

  private complaintPath() {
    const { rng } = this.ctx;
    if (chance(rng, 0.12)) {
      const ground = pick(rng, NOT_ACCEPT_GROUNDS);
      if (this.act('not_accept', around(rng, 3 * DAY), 'handler', { note: '不符合受理条件', data: { ground } })) this.close(around(rng, DAY), 'handler');
      return;
    }
    if (!this.act('accept', around(rng, 3 * DAY), 'handler') || !this.act('start_mediation', around(rng, DAY), 'handler')) return;
    const outcome = chance(rng, 0.7) ? 'mediated' : 'mediation_failed';
    if (this.act(outcome, around(rng, 18 * DAY), 'handler', { note: outcome === 'mediated' ? '双方达成调解协议' : '商家拒绝调解' })) this.close(around(rng, 2 * DAY), 'handler');
  }

  private reportPath() {
    const { rng } = this.ctx;
    if (!this.act('start_verification', around(rng, 2 * DAY), 'handler')) return;
    if (chance(rng, 0.08)) this.extendOpenDecision();
    if (!chance(rng, 0.35)) {
      if (this.act('not_open', around(rng, 9 * DAY), 'handler', { note: '违法事实不成立' })) this.close(around(rng, 3 * DAY), 'supervisor');
      return;
    }
    if (!this.act('open_case', around(rng, 9 * DAY), 'handler')) return;
    if (chance(rng, 0.75)) {
      const fine = 1_000_00 * Math.ceil(around(rng, 30));
      if (!this.act('decide_penalty', around(rng, 30 * DAY), 'handler', { data: { fineFen: fine } })) return;
      this.fine = fine;
    }
    this.close(around(rng, 7 * DAY), 'supervisor');
  }

  /** The one +15 working days a supervisor may grant (cases/effects.ts `extend`). */
  private extendOpenDecision() {
    const clock = this.running.find((c) => c.clock === 'open_decision');
    const delay = around(this.ctx.rng, 12 * DAY);
    if (!clock || new Date(this.at.getTime() + delay) > this.ctx.now) return;
    const moved = toShanghaiIso(extendDue(this.ctx.calendar, new Date(clock.due_at as string), 15).dueAt);
    if (this.act('extend', delay / this.stall, 'supervisor', { note: '案情复杂，需延长核查期限', data: { clock: 'open_decision', from: clock.due_at, dueAt: moved } })) {
      Object.assign(clock, { due_at: moved, extended: 1 });
    }
  }

  private injuryPath() {
    const { rng } = this.ctx;
    if (!this.act('triage', around(rng, this.f.decision.urgent ? 6 * HOUR : 0.8 * DAY), 'handler')) return;
    if (this.act('start_investigation', around(rng, DAY), 'handler')) this.close(around(rng, 25 * DAY), 'handler');
  }

  /** The clock sweeper has been running all along: what it owes a clock now, it sent when it fell due. */
  sweep() {
    const { now, calendar, dir } = this.ctx;
    for (const c of this.running) {
      const owed = noticesFor({ due_at: c.due_at as string, due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null, urgent: this.f.decision.urgent ? 1 : 0 }, now, calendar);
      if (owed.length === 0) continue;
      const dueMs = new Date(c.due_at as string).getTime();
      const when = (ms: number) => toShanghaiIso(new Date(Math.min(now.getTime(), Math.max(new Date(c.started_at as string).getTime(), ms))));
      const params = { category: this.f.category.code, dueAt: c.due_at, clock: c.clock };
      const owner = this.department ?? `intake-${dir.province}`;
      const soon = when(dueMs - 2 * DAY);
      c.due_soon_notified_at = soon;
      this.mail('clock_due_soon', 'department', owner, soon, params);
      if (owed.includes('overdue')) {
        const overdue = when(dueMs + 60_000);
        c.overdue_notified_at = overdue;
        this.mail('clock_overdue', 'department', owner, overdue, params);
      }
      if (!owed.includes('escalate')) continue;
      const at = when(this.f.decision.urgent ? dueMs + 60_000 : escalationTime(new Date(dueMs), calendar).getTime() + 60_000);
      c.escalated_at = at;
      this.escalated = true;
      this.event('escalated', at, 'system', `overdue since ${c.due_at} (${c.clock}): escalated to the intake centre supervisor`, { reason: 'overdue', clock: c.clock, dueAt: c.due_at }, false);
      this.mail('escalation', 'department', `intake-${dir.province}`, at, { ...params, reason: 'overdue', department: this.department });
    }
  }

  private get nextDue(): string | null {
    return this.running.map((c) => c.due_at as string).sort()[0] ?? null;
  }

  /** Overdue cases get urged by the intake centre, as supervisors do; closed ones sometimes rated. */
  followUp() {
    const { rng, now } = this.ctx;
    const nextDue = this.nextDue;
    if (nextDue && new Date(nextDue) < now && this.department && chance(rng, 0.4)) {
      const urgeAt = new Date(new Date(nextDue).getTime() + around(rng, DAY));
      if (urgeAt <= now && urgeAt > this.at) {
        this.at = urgeAt;
        this.urged = this.iso;
        this.event('urge', this.urged, 'intake', null, { from: this.status, to: this.status }, false);
        this.mail('urge', 'department', this.department, this.urged, { category: this.f.category.code, dueAt: nextDue, by: 'intake' });
      }
    }
    if (!this.closedAt || !chance(rng, 0.35)) return;
    const rated = new Date(this.at.getTime() + around(rng, 2 * DAY));
    const rating = RATING(rng);
    if (rated <= now) this.rows.satisfaction.push({ case_id: this.id, rating, resolved: rating >= 3 ? 1 : 0, comment: null, at: toShanghaiIso(rated) });
  }

  /** The case row as the actions left it. */
  finish(): PlannedCase {
    const { f, ctx } = this;
    const receipt = newReceipt(ctx.random);
    const nextDue = this.nextDue;
    this.rows.cases = {
      id: this.id, kind: f.kind, category: f.category.code, region: f.region, status: this.status, department: this.department,
      routing_rule: f.decision.rule, routing_reason: f.decision.reason, subject_name: f.business.name,
      subject_credit_code: f.business.creditCode, subject_address: f.business.address, credit_code_check_failed: f.business.checkFailed ? 1 : 0,
      description: f.description, claim: f.claim, severity: f.severity,
      occurred_on: shanghaiDate(new Date(this.receivedAt.getTime() - Math.floor(ctx.rng() * 10) * DAY)),
      reward_requested: f.kind === 'report' && chance(ctx.rng, 0.3) ? 1 : 0, urgent: f.decision.urgent ? 1 : 0, anonymous: f.identity ? 0 : 1,
      pseudonym: pseudonym(ctx.random), receipt_hash: receiptMacSync(ctx.keys, receipt), receipt_key_id: ctx.keys.id, language: f.language,
      received_at: toShanghaiIso(this.receivedAt), updated_at: this.iso, closed_at: this.closedAt, next_due_at: nextDue, fine_fen: this.fine,
      transfer_count: 0, status_before_transfer: null, escalated: this.escalated ? 1 : 0, urge_count: this.urged ? 1 : 0, last_urged_at: this.urged,
      rehandle_count: 0, merged_into: null, legal_hold: 0, purged_at: null,
    };
    return {
      day: shanghaiDate(this.receivedAt).replaceAll('-', ''), receipt, kind: f.kind, status: this.status,
      overdue: nextDue !== null && new Date(nextDue) < ctx.now, rows: this.rows,
    };
  }
}

/** Plans a case received at `receivedAt`: its rows as the intake and the staff actions would have written them. */
function planCase(ctx: PlanContext, receivedAt: Date): PlannedCase {
  const plan = new CasePlan(ctx, receivedAt, caseFacts(ctx, receivedAt));
  plan.submit();
  plan.assignTriaged();
  plan.handle();
  plan.sweep();
  plan.followUp();
  return plan.finish();
}

/** A GB 11643 resident ID number registered in `region` with a right check digit. */
function idNumber(rng: Rng, region: string): string {
  const birth = new Date(Date.UTC(1950 + Math.floor(rng() * 55), 0, 1) + Math.floor(rng() * 365) * DAY).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `${region}${birth}${String(Math.floor(rng() * 1000)).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

// ---------------------------------------------------------------------------------------------
// Writing: planning threads flatten chunks of cases into rows; one connection writes them all

const COLUMNS = {
  cases: ['id', 'case_number', 'kind', 'category', 'region', 'status', 'department', 'routing_rule', 'routing_reason', 'subject_name',
    'subject_credit_code', 'subject_address', 'credit_code_check_failed', 'description', 'claim', 'occurred_on', 'severity',
    'reward_requested', 'urgent', 'anonymous', 'pseudonym', 'receipt_hash', 'receipt_key_id', 'language', 'received_at', 'updated_at',
    'closed_at', 'next_due_at', 'fine_fen', 'transfer_count', 'status_before_transfer', 'escalated', 'urge_count', 'last_urged_at',
    'rehandle_count', 'merged_into', 'legal_hold', 'purged_at'],
  sealed: ['case_id', 'purpose', 'key_id', 'wrapped_key', 'iv', 'ciphertext', 'created_at'],
  events: ['id', 'case_id', 'at', 'event', 'actor', 'note', 'data', 'public'],
  clocks: ['id', 'case_id', 'clock', 'started_at', 'due_at', 'provisional', 'status', 'stopped_at', 'paused_at', 'extended',
    'due_soon_notified_at', 'overdue_notified_at', 'escalated_at'],
  cohandlers: ['case_id', 'department', 'reason', 'added_at'],
  assignments: ['id', 'case_id', 'department', 'dispatched_at', 'sign_due_at', 'signed_at', 'returned_at', 'return_reason'],
  outbox: ['id', 'case_id', 'template', 'recipient_type', 'recipient_ref', 'params', 'status', 'attempts', 'next_attempt_at',
    'last_error', 'message_id', 'created_at', 'sent_at', 'claimed_at'],
  messages: ['id', 'case_id', 'at', 'sender', 'author', 'body'],
  sealedMessages: ['message_id', 'key_id', 'wrapped_key', 'iv', 'ciphertext'],
  satisfaction: ['case_id', 'rating', 'resolved', 'comment', 'at'],
} as const;

type TableKey = keyof typeof COLUMNS;
const TABLE_KEYS = Object.keys(COLUMNS) as TableKey[];
const TABLES: Record<TableKey, string> = {
  cases: 'cases', sealed: 'sealed_records', events: 'case_events', clocks: 'clocks', cohandlers: 'case_cohandlers',
  assignments: 'case_assignments', outbox: 'outbox', messages: 'case_messages', sealedMessages: 'sealed_messages', satisfaction: 'satisfaction',
};
/** The tables a large load writes most of; their secondary indexes are built after it (bulk-indexes.ts). */
const LOADED_TABLES = ['cases', 'case_events', 'clocks', 'case_assignments', 'case_cohandlers', 'outbox', 'case_messages'];

// Rows per INSERT: one statement for many rows costs far less than as many statements.
const ROWS_PER_INSERT = 50;

/** What happened to one case, for the summary and the receipts file. */
interface CaseNote { day: string; receipt: string; kind: CaseKind; status: string; overdue: boolean; receivedAt: string }

/**
 * A chunk of planned cases as a planning thread hands it to the writer: each table's rows as one flat
 * array of values in COLUMNS order (the case number left empty: the writer numbers the cases).
 */
interface PlannedChunk { values: Record<TableKey, unknown[]>; cases: CaseNote[] }

function flatten(planned: PlannedCase[]): PlannedChunk {
  const values = Object.fromEntries(TABLE_KEYS.map((t) => [t, [] as unknown[]])) as Record<TableKey, unknown[]>;
  for (const p of planned) {
    for (const t of TABLE_KEYS) {
      const rows = p.rows[t];
      const into = values[t];
      for (const row of Array.isArray(rows) ? rows : [rows]) for (const c of COLUMNS[t]) into.push(row[c] ?? null);
    }
  }
  const cases = planned.map(({ day, receipt, kind, status, overdue, rows }) => ({ day, receipt, kind, status, overdue, receivedAt: rows.cases.received_at as string }));
  return { values, cases };
}

/**
 * Writes a chunk inside the writer's open transaction; case numbers continue each day's sequence. No
 * savepoint of its own: a failing chunk ends the load, whose open transaction is rolled back whole.
 */
function chunkWriter(sqlite: Sqlite.Database, prefix: string) {
  const statements = new Map<string, Sqlite.Statement>();
  const insertStatement = (key: TableKey, rows: number) => {
    const name = `${key}:${rows}`;
    let stmt = statements.get(name);
    if (!stmt) {
      const columns = COLUMNS[key];
      const tuple = `(${columns.map(() => '?').join(', ')})`;
      stmt = sqlite.prepare(`INSERT INTO ${TABLES[key]} (${columns.join(', ')}) VALUES ${Array(rows).fill(tuple).join(', ')}`);
      statements.set(name, stmt);
    }
    return stmt;
  };
  const insertAll = (key: TableKey, values: unknown[]) => {
    const width = COLUMNS[key].length;
    const rows = values.length / width;
    for (let i = 0; i < rows; i += ROWS_PER_INSERT) {
      const n = Math.min(ROWS_PER_INSERT, rows - i);
      insertStatement(key, n).run(values.slice(i * width, (i + n) * width));
    }
  };
  const readLast = sqlite.prepare<[string], { last: number }>('SELECT last FROM case_sequences WHERE day = ?');
  const writeLast = sqlite.prepare('INSERT INTO case_sequences (day, last) VALUES (?, ?) ON CONFLICT (day) DO UPDATE SET last = excluded.last');
  const width = COLUMNS.cases.length;
  const numberAt = COLUMNS.cases.indexOf('case_number');

  return (chunk: PlannedChunk): string[] => {
    const last = new Map<string, number>();
    const numbers = chunk.cases.map((c, i) => {
      const n = (last.get(c.day) ?? readLast.get(c.day)?.last ?? 0) + 1;
      if (n > MAX_PER_DAY) throw new Error(`more than ${MAX_PER_DAY} cases on ${c.day}`);
      last.set(c.day, n);
      const caseNumber = `${prefix}${c.day}${String(n).padStart(5, '0')}`;
      chunk.values.cases[i * width + numberAt] = caseNumber;
      return caseNumber;
    });
    for (const t of TABLE_KEYS) insertAll(t, chunk.values[t]);
    for (const [day, n] of last) writeLast.run(day, n);
    return numbers;
  };
}

/**
 * Bulk-load settings for the writing connection, restored afterwards: foreign keys are right by
 * construction, and one fsync per checkpoint is enough while loading (the caller checkpoints durably
 * at the end). A checkpoint every ~400 MB of WAL rather than every 4 MB: a page changed by several
 * chunks is copied once. Not never: every page read searches the WAL's index, which grows with it.
 */
function withLoadSettings<T>(sqlite: Sqlite.Database, run: () => Promise<T>): Promise<T> {
  // Pages read through a memory map rather than a read() call each. Statement journals in memory: each
  // multi-row INSERT journals the pages it changes, which spilled to a temporary file past 64 KiB
  // (1,255,000 pwrite calls for 100,000 cases, 532,000 without the spill; 159 → 144 s at 1,000,000).
  // Only for the load: the indexes built after it sort through temporary files again.
  const settings = { foreign_keys: 'OFF', synchronous: 'NORMAL', cache_size: '-262144', wal_autocheckpoint: '100000', mmap_size: '8589934592', temp_store: 'MEMORY' };
  const previous = Object.fromEntries(Object.keys(settings).map((k) => [k, sqlite.pragma(k, { simple: true })]));
  for (const [k, v] of Object.entries(settings)) sqlite.pragma(`${k} = ${v}`);
  return run().finally(() => {
    for (const [k, v] of Object.entries(previous)) sqlite.pragma(`${k} = ${v}`);
  });
}

/** The summary and the receipts sample, as the writer numbers the chunks. */
class Tally {
  readonly summary: DemoDataSummary = {
    cases: 0, byKind: {}, byStatus: {}, overdue: 0, firstReceived: null, lastReceived: null, receiptsWritten: 0, seconds: 0,
  };
  readonly receipts: string[] = [];
  constructor(private readonly wanted: number, private readonly rng: Rng) {}

  add(chunk: PlannedChunk, numbers: string[]) {
    const s = this.summary;
    chunk.cases.forEach((c, i) => {
      s.byKind[c.kind] = (s.byKind[c.kind] ?? 0) + 1;
      s.byStatus[c.status] = (s.byStatus[c.status] ?? 0) + 1;
      if (c.overdue) s.overdue += 1;
      if (!s.firstReceived || c.receivedAt < s.firstReceived) s.firstReceived = c.receivedAt;
      if (!s.lastReceived || c.receivedAt > s.lastReceived) s.lastReceived = c.receivedAt;
      // Reservoir sampling: an even spread of receipts over all the cases.
      const seen = s.cases + i;
      const line = `${numbers[i]}\t${c.receipt}`;
      if (seen < this.wanted) this.receipts.push(line);
      else if (this.wanted > 0) {
        const j = Math.floor(this.rng() * (seen + 1));
        if (j < this.wanted) this.receipts[j] = line;
      }
    });
    s.cases += chunk.cases.length;
  }
}

// ---------------------------------------------------------------------------------------------
// Shares: the days are dealt out to planning threads; the calling thread writes what they plan

/** What a share needs; plain data, so it can be handed to a worker thread. */
interface ShareInput {
  filename: string;
  days: { day: string; count: number }[];
  seed: number;
  share: number;
  masterKey: Uint8Array;
  nowMs: number;
  province: string;
}

// Cases per chunk handed to the writer, chunks a planning thread may have ahead of it, chunks per commit.
const CASES_PER_CHUNK = 2_000;
const CHUNKS_AHEAD = 2;
const CHUNKS_PER_COMMIT = 5;

/** Plans one share of the days, handing each chunk to `emit` (which may make it wait). */
async function planShare(input: ShareInput, db: Kysely<Database>, calendar: CalendarData, emit: (chunk: PlannedChunk) => void | Promise<void>): Promise<void> {
  const now = new Date(input.nowMs);
  // The businesses come from the common seed, so every share names the same companies.
  const dir = await loadDirectory(db, input.province, seededRng(input.seed));
  const rng = seededRng(input.seed + 7919 * (input.share + 1));
  const ctx: PlanContext = { rng, random: randomPool(), keys: nodeKeys(input.masterKey), dir, calendar, now, dueMemo: new Map() };
  let chunk: PlannedCase[] = [];
  for (const { day, count } of input.days) {
    for (const receivedAt of timesOfDay(rng, day, count, now)) {
      chunk.push(planCase(ctx, receivedAt));
      if (chunk.length >= CASES_PER_CHUNK) {
        await emit(flatten(chunk));
        chunk = [];
      }
    }
  }
  if (chunk.length > 0) await emit(flatten(chunk));
}

/**
 * A planning thread's side, called by the worker bootstrap below: a read-only connection for the
 * directory and the calendar, and chunks posted to the writer, at most CHUNKS_AHEAD unwritten.
 */
export async function planShareInWorker(input: ShareInput): Promise<void> {
  const sqlite = new Sqlite(input.filename, { readonly: true });
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  let unwritten = 0;
  let wake: (() => void) | null = null;
  parentPort!.on('message', (m) => {
    if (m !== 'written') return;
    unwritten -= 1;
    wake?.();
    wake = null;
  });
  try {
    await planShare(input, db, await loadCalendar(db), async (chunk) => {
      while (unwritten >= CHUNKS_AHEAD) await new Promise<void>((resolve) => (wake = resolve));
      unwritten += 1;
      parentPort!.postMessage({ chunk });
    });
    parentPort!.postMessage({ done: true });
  } finally {
    await db.destroy();
    parentPort!.close();
  }
}

/**
 * Starts a planning thread for one share; `write` is called here with each chunk it posts. The app
 * runs TypeScript through tsx, whose loader a worker does not inherit: the bootstrap registers it
 * before importing this module again.
 */
function startPlanner(input: ShareInput, write: (chunk: PlannedChunk) => void): { done: Promise<void>; stop: () => void } {
  const self = import.meta.url;
  const tsx = self.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
  const bootstrap = `(async () => {
    const { workerData } = await import('node:worker_threads');
    ${tsx ? `(await import(${JSON.stringify(tsx)})).register();` : ''}
    await (await import(${JSON.stringify(self)})).planShareInWorker(workerData);
  })().catch((err) => { console.error(err); process.exit(1); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: input, });
  const done = new Promise<void>((resolve, reject) => {
    let finished = false;
    worker.on('message', (m: { chunk?: PlannedChunk; done?: true }) => {
      if (m.chunk) {
        try {
          write(m.chunk);
        } catch (err) {
          reject(err);
          void worker.terminate();
          return;
        }
        worker.postMessage('written');
      }
      if (m.done) finished = true;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (finished ? resolve() : reject(new Error(`a demo data planning thread stopped (exit code ${code})`))));
  });
  return { done, stop: () => void worker.terminate() };
}

// ---------------------------------------------------------------------------------------------
// The command

export interface DemoStore { sqlite: Sqlite.Database; flush(): void }

/**
 * Fills the database with `options.cases` demo cases received over the last months, and audits it.
 * On a file, `workers` threads (default: one per core, at most 4) plan the cases and this thread
 * writes them on the store's connection; ':memory:' plans here too. A load at least as large as what
 * the database holds builds the loaded tables' secondary indexes after it (`deferIndexes` to choose).
 */
export async function generateDemoData(
  deps: Deps, store: DemoStore, options: DemoDataOptions & { workers?: number; deferIndexes?: boolean },
): Promise<DemoDataSummary> {
  const started = performance.now();
  const keys = nodeKeys(options.masterKey);
  if (keys.id !== deps.keys.current.id) {
    throw new Error(`the master key given (${keys.id}) is not the one in use (${deps.keys.current.id})`);
  }
  const seed = options.seed ?? 20261126;
  const now = deps.clock.now();
  const days = casesPerDay(options.cases, now, options.months ?? 24);
  const { sqlite } = store;
  const inMemory = sqlite.name === ':memory:' || sqlite.memory;
  const workers = inMemory ? 0 : Math.max(0, Math.min(options.workers ?? availableParallelism(), 4));
  const shares = Math.max(1, workers);
  const wanted = options.receiptsFile ? Math.min(options.receiptsCount ?? 1_000, options.cases) : 0;
  const tally = new Tally(wanted, seededRng(seed + 1));
  // Days dealt round-robin: every share spans the whole period with about the same number of cases.
  const inputs: ShareInput[] = Array.from({ length: shares }, (_, share) => ({
    filename: sqlite.name, seed, share, masterKey: options.masterKey, nowMs: now.getTime(),
    province: deps.config.INTAKE_PROVINCE, days: days.filter((_, i) => i % shares === share),
  }));

  // Whatever the app wrote last must be committed before the load changes the connection's settings.
  store.flush();
  const existing = (sqlite.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  const defer = options.deferIndexes ?? (!inMemory && options.cases >= existing);
  const set = defer ? dropIndexesForLoad(sqlite, LOADED_TABLES) : [];
  try {
    const write = chunkWriter(sqlite, deps.config.INTAKE_CASE_PREFIX);
    // Several chunks share a commit: a commit writes every page the chunks changed, and the pages of
    // the receipt index, whose keys are random, are changed by every chunk.
    let uncommitted = 0;
    let failed = false;
    const writeChunk = (chunk: PlannedChunk) => {
      // After a failed chunk, nothing more joins (or commits) the transaction it left half-written.
      if (failed) throw new Error('the demo data load has already failed');
      if (!sqlite.inTransaction) sqlite.exec('BEGIN IMMEDIATE');
      let numbers: string[];
      try {
        numbers = write(chunk);
      } catch (err) {
        failed = true;
        throw err;
      }
      tally.add(chunk, numbers);
      if (++uncommitted >= CHUNKS_PER_COMMIT) {
        sqlite.exec('COMMIT');
        uncommitted = 0;
      }
      options.onProgress?.(tally.summary.cases, options.cases);
    };
    await withLoadSettings(sqlite, async () => {
      try {
        if (workers === 0) {
          await planShare(inputs[0]!, deps.db, await deps.calendar.get(), writeChunk);
        } else {
          const planners = inputs.map((input) => startPlanner(input, writeChunk));
          try {
            await Promise.all(planners.map((p) => p.done));
          } finally {
            for (const p of planners) p.stop();
          }
        }
        if (sqlite.inTransaction) sqlite.exec('COMMIT');
      } finally {
        // A load that failed keeps the chunks committed before; the open one goes.
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      }
    });
  } finally {
    if (set.length > 0) {
      options.onIndexes?.(set.length);
      buildPendingIndexes(sqlite);
    }
  }

  const summary = tally.summary;
  if (options.receiptsFile) {
    writeFileSync(options.receiptsFile, `# case number\treceipt (demo data)\n${tally.receipts.join('\n')}\n`, { mode: 0o600 });
    summary.receiptsWritten = tally.receipts.length;
  }
  await recordAudit(deps, [{
    actor: 'operator', action: 'demo_data.generated',
    detail: { cases: summary.cases, firstReceived: summary.firstReceived, lastReceived: summary.lastReceived, seed },
  }]);
  store.flush();
  // One durable checkpoint for the whole load (its chunks were committed with synchronous=NORMAL).
  if (!inMemory) sqlite.pragma('wal_checkpoint(TRUNCATE)');
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

/** A progress bar on stderr: redrawn in place on a terminal, a line every 10 % otherwise. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = performance.now();
  let lastDecile = -1;
  return (done: number, total: number) => {
    const fraction = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const eta = rate > 0 ? (total - done) / rate : 0;
    const text = `${label} ${String(Math.floor(fraction * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')}  ` +
      `${Math.round(rate).toLocaleString('en')}/s  ${done < total ? `ETA ${eta.toFixed(0)} s` : `${seconds.toFixed(1)} s`}`;
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round(fraction * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}${done >= total ? '\n' : ''}`);
    } else if (Math.floor(fraction * 10) > lastDecile) {
      lastDecile = Math.floor(fraction * 10);
      stream.write(`${text}\n`);
    }
  };
}

/** `demo-data --cases N [--seed S] [--months M] [--receipts FILE] [--receipts-count K]`: the CLI's command. */
export async function demoDataCommand(runtime: NodeRuntime, argv: string[]): Promise<string> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      cases: { type: 'string' }, seed: { type: 'string' }, months: { type: 'string' },
      receipts: { type: 'string' }, 'receipts-count': { type: 'string' },
    },
  });
  const count = (name: string, text: string | undefined, min: number) => {
    const n = Number(text);
    if (text === undefined || !Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number ≥ ${min}`);
    return n;
  };
  const { config } = runtime.deps;
  // The same bytes the runtime loaded its key from (bootstrap.ts): the setting, else the development key file.
  const masterKey = fromBase64((config.INTAKE_MASTER_KEY ?? readFileSync(devKeyFile(config), 'utf8')).trim());
  const s = await generateDemoData(runtime.deps, runtime.store, {
    cases: count('cases', values.cases, 1),
    masterKey,
    ...(values.seed !== undefined ? { seed: count('seed', values.seed, 0) } : {}),
    ...(values.months !== undefined ? { months: count('months', values.months, 1) } : {}),
    ...(values.receipts ? { receiptsFile: values.receipts } : {}),
    ...(values['receipts-count'] !== undefined ? { receiptsCount: count('receipts-count', values['receipts-count'], 1) } : {}),
    onProgress: progressBar('demo data'),
    onIndexes: (n) => process.stderr.write(`building ${n} indexes set aside for the load …\n`),
  });
  const list = (r: Record<string, number>) => Object.entries(r).sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  return [
    `Generated ${s.cases} demo cases in ${s.seconds.toFixed(1)} s (${Math.round(s.cases / s.seconds)} cases/s), received ${s.firstReceived} … ${s.lastReceived}.`,
    `  by kind:   ${list(s.byKind)}`,
    `  by status: ${list(s.byStatus)}`,
    `  overdue:   ${s.overdue} open cases past a due date`,
    ...(values.receipts ? [`  ${s.receiptsWritten} receipts written to ${values.receipts} (keep it private: each opens a case's follow-up)`] : []),
  ].join('\n');
}
