/** 繁體中文 (zh-Hant) on every public page, and how the page language is chosen. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { langFromAcceptLanguage } from '../../web/lang.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '5' } }); });
afterEach(async () => { await t.close(); });

interface Page { status: number; html: string; headers: Headers }

const get = async (path: string, headers: Record<string, string> = {}): Promise<Page> => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

const post = async (path: string, fields: Record<string, string>, headers: Record<string, string>): Promise<Page> => {
  const res = await t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

/** After a form post: the page the browser ends on (following one 303 with the cookies it set). */
async function landing(res: Page, cookie: string): Promise<Page> {
  const location = res.headers.get('location');
  if (res.status !== 303 || !location) return res;
  const set = (res.headers.get('set-cookie') ?? '').split(/,(?=\s*[A-Za-z_]+=)/).map((c) => c.split(';')[0]!.trim()).filter(Boolean);
  return get(location, { Cookie: [cookie, ...set].filter(Boolean).join('; ') });
}

// Characters only Simplified Chinese writes this way: none may appear on a zh-Hant page.
const SIMPLIFIED_ONLY = /[这们请询码举报诉时进门处办项务题话电号过为见关让从问应开发写产区东业与对说会没还输选择证书资权贵]/;
/** The page's text without the language switch (which names 简体 in itself). */
const textOf = (html: string) => html.replace(/<nav class="lang-switch"[\s\S]*?<\/nav>/, '');

function expectTraditional(page: Page) {
  expect(page.html).toContain('<html lang="zh-Hant">');
  expect(page.html).toContain('廣東省質量投訴舉報平台');
  expect(textOf(page.html).match(SIMPLIFIED_ONLY)?.[0] ?? null).toBeNull();
}

const HANT = { Cookie: 'lang=zh-Hant' };
const ORIGIN = { Origin: 'http://localhost' };

const complaintForm = {
  kind: 'complaint', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
  description: '購買的月餅已經發霉，商家拒絕退款。', claim: '退款', 'reporter.name': '陳大文',
  'reporter.phone': '+852 9123 4567', 'reporter.address': '香港九龍彌敦道1號',
};

describe('繁體中文 public pages', () => {
  it('shows the home page in Traditional Chinese with ?lang=zh-Hant and remembers it in the cookie', async () => {
    const home = await get('/?lang=zh-Hant');
    expectTraditional(home);
    expect(home.html).toContain('我要投訴');
    expect(home.html).toContain('我要舉報');
    expect(home.headers.get('set-cookie')).toContain('lang=zh-Hant');
    const form = await get('/submit', { Cookie: 'lang=zh-Hant' });
    expectTraditional(form);
  });

  it('offers 简体 / 繁體 / English on every public page, the current one marked', async () => {
    for (const path of ['/', '/submit?kind=report', '/followup']) {
      const page = await get(path, HANT);
      expect(page.html).toMatch(/<span aria-current="true" lang="zh-Hant">繁體<\/span>/);
      // A link, or on the form a button that posts what was typed to the page in the other language.
      expect(page.html).toMatch(/<(?:a href|button[^>]*formaction)="[^"]*lang=zh"[^>]*lang="zh-CN"[^>]*>简体<\/(?:a|button)>/);
      expect(page.html).toMatch(/<(?:a href|button[^>]*formaction)="[^"]*lang=en"[^>]*lang="en"[^>]*>English<\/(?:a|button)>/);
      const zh = await get(path);
      expect(zh.html).toMatch(/<(?:a href|button[^>]*formaction)="[^"]*lang=zh-Hant"[^>]*lang="zh-Hant"[^>]*>繁體<\/(?:a|button)>/);
    }
  });

  it('shows the form with Traditional category, region and hint text', async () => {
    const form = await get('/submit', HANT);
    expectTraditional(form);
    expect(form.html).toContain('提交投訴舉報');
    expect(form.html).toContain('天河區');
    expect(form.html).toContain('特種設備（電梯、鍋爐、壓力容器、遊樂設施）');
    expect(form.html).toContain('+852 9123 4567');
  });

  it('re-shows a refused form in Traditional Chinese, every problem at once', async () => {
    const res = await post('/submit', { ...complaintForm, 'reporter.phone': '9123 4567', description: '短' }, { ...ORIGIN, ...HANT });
    expect(res.status).toBe(400);
    expectTraditional({ ...res, html: res.html.replaceAll('短', '') });
    expect(res.html).toContain('請填寫 10 至 5000 字的情況描述');
    expect(res.html).toContain('香港、澳門、台灣號碼請加上 +852、+853 或 +886');
  });

  it('files a complaint from Hong Kong and confirms it in Traditional Chinese', async () => {
    const res = await landing(await post('/submit', complaintForm, { ...ORIGIN, ...HANT }), HANT.Cookie);
    expect(res.status).toBe(200);
    expectTraditional(res);
    expect(res.html).toContain('已收到您的投訴');
    expect(res.html).toContain('廣州市天河區市場監督管理局');
    expect(res.html).toContain('您的查詢碼');
    const row = await t.deps.db.selectFrom('cases').select('language').executeTakeFirstOrThrow();
    expect(row.language).toBe('zh-Hant');
  });

  it('shows the follow-up pages in Traditional Chinese', async () => {
    const filed = (await call(t.app, 'POST', '/api/v1/cases?lang=zh-Hant', report())).body;
    const login = await get('/followup', HANT);
    expectTraditional(login);
    expect(login.html).toContain('憑查詢碼查看進度');
    const wrong = await post('/followup', { receipt: '12' }, { ...ORIGIN, ...HANT });
    expectTraditional(wrong);
    expect(wrong.html).toContain('查詢碼是 16 位數字');
    const entered = await post('/followup', { receipt: filed.receipt }, { ...ORIGIN, ...HANT });
    expect(entered.status).toBe(303);
    const session = /intake_followup=[^;]*/.exec(entered.headers.get('set-cookie') ?? '')![0];
    const page = await get('/followup/case', { Cookie: `${session}; lang=zh-Hant` });
    expectTraditional(page);
    expect(page.html).toContain('處理進度');
    expect(page.html).toContain('廣州市天河區市場監督管理局');
  });

  it('shows the error pages in Traditional Chinese', async () => {
    const refused = await post('/submit', complaintForm, HANT);
    expect(refused.status).toBe(403);
    expectTraditional(refused);
    expect(refused.html).toContain('請求被拒絕');
    const missing = await get('/nope', { ...HANT, Accept: 'text/html' });
    expect(missing.status).toBe(404);
    expectTraditional(missing);
    expect(missing.html).toContain('找不到這個頁面');
    const fromHongKong = await get('/nope', { 'Accept-Language': 'zh-HK', Accept: 'text/html' });
    expect(fromHongKong.html).toContain('<html lang="zh-Hant">');
  });
});

describe('choosing the page language', () => {
  it.each([
    ['zh-HK', 'zh-Hant'], ['zh-TW', 'zh-Hant'], ['zh-MO', 'zh-Hant'], ['zh-Hant', 'zh-Hant'], ['zh-Hant-HK', 'zh-Hant'],
    ['yue-HK', 'zh-Hant'], ['zh-CN', 'zh'], ['zh', 'zh'], ['zh-Hans-HK', 'zh'], ['en-GB', 'en'], ['en', 'en'],
    ['fr-FR, zh-TW;q=0.8, en;q=0.5', 'zh-Hant'], ['en-US,en;q=0.9,zh-HK;q=0.8', 'en'], ['zh-HK;q=0.4, zh-CN;q=0.9', 'zh'],
    ['en;q=0, zh-TW', 'zh-Hant'], ['fr, de', null], ['', null], ['*', null],
  ])('reads Accept-Language %s as %s', (header, lang) => {
    expect(langFromAcceptLanguage(header)).toBe(lang);
  });

  it('chooses from Accept-Language when neither ?lang nor the cookie does', async () => {
    const hk = await get('/', { 'Accept-Language': 'zh-HK,zh;q=0.9,en;q=0.8' });
    expect(hk.html).toContain('<html lang="zh-Hant">');
    expect(hk.headers.get('vary')).toContain('Accept-Language');
    expect((await get('/submit', { 'Accept-Language': 'zh-TW' })).html).toContain('<html lang="zh-Hant">');
    expect((await get('/', { 'Accept-Language': 'zh-CN,zh;q=0.9' })).html).toContain('<html lang="zh-CN">');
    expect((await get('/', { 'Accept-Language': 'en-GB,en;q=0.9' })).html).toContain('<html lang="en">');
    expect((await get('/', { 'Accept-Language': 'fr-FR' })).html).toContain('<html lang="zh-CN">');
    expect((await get('/')).html).toContain('<html lang="zh-CN">');
  });

  it('lets the cookie win over Accept-Language', async () => {
    expect((await get('/', { 'Accept-Language': 'zh-HK', Cookie: 'lang=zh' })).html).toContain('<html lang="zh-CN">');
    expect((await get('/', { 'Accept-Language': 'en-US', Cookie: 'lang=zh-Hant' })).html).toContain('<html lang="zh-Hant">');
  });

  it('lets ?lang win over both', async () => {
    const page = await get('/?lang=en', { 'Accept-Language': 'zh-HK', Cookie: 'lang=zh-Hant' });
    expect(page.html).toContain('<html lang="en">');
    expect(page.headers.get('set-cookie')).toContain('lang=en');
    expect((await get('/followup?lang=zh-Hant', { 'Accept-Language': 'en', Cookie: 'lang=zh' })).html).toContain('<html lang="zh-Hant">');
  });

  it('ignores an unknown ?lang and cookie', async () => {
    expect((await get('/?lang=zh-XX', { Cookie: 'lang=klingon', 'Accept-Language': 'zh-TW' })).html).toContain('<html lang="zh-Hant">');
  });

  it('keeps staff pages in zh-CN for a zh-Hant visitor', async () => {
    const login = await get('/staff/login', { 'Accept-Language': 'zh-HK', Cookie: 'lang=zh-Hant' });
    expect(login.html).not.toContain('lang="zh-Hant"');
  });
});
