import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';
import { messages } from '../../web/i18n.js';
import { FollowupCasePage, type FollowupView } from '../../web/pages/followup-case.js';

let t: TestApp;
let handler: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '5' } });
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
});
afterEach(async () => { await t.close(); });

const ORIGIN = { Origin: 'http://localhost' };

interface Page { status: number; html: string; headers: Headers; location: string | null }

/** Every follow-up answer a test saw, to check that no receipt leaked into any of them. */
let seen: Page[] = [];
beforeEach(() => { seen = []; });

async function answer(res: Response): Promise<Page> {
  const page = { status: res.status, html: await res.text(), headers: res.headers, location: res.headers.get('location') };
  seen.push(page);
  return page;
}

const get = async (path: string, headers: Record<string, string> = {}) => answer(await t.app.request(path, { headers }));

const post = async (path: string, fields: Record<string, string>, headers: Record<string, string> = ORIGIN) =>
  answer(await t.app.request(path, {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  }));

/** `name=value` of the follow-up cookie a response set, ready for a Cookie header. */
const cookieOf = (page: Page) => /intake_followup=[^;]*/.exec(page.headers.get('set-cookie') ?? '')?.[0] ?? '';

async function file(body: unknown) {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', body)).body;
  return { caseNumber: filed.caseNumber as string, receipt: filed.receipt as string };
}

/** Files a case, enters its receipt (with spaces) on the form, returns the session cookie. */
async function fileAndEnter(body: unknown = report()) {
  const filed = await file(body);
  const entered = await post('/followup', { receipt: filed.receipt });
  expect(entered.status).toBe(303);
  return { ...filed, cookie: { Cookie: cookieOf(entered) } };
}

const staffCase = async (caseNumber: string) => (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
const act = (caseNumber: string, body: Record<string, unknown>) =>
  call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, body, handler);

describe('follow-up pages', () => {
  it('shows the receipt form in Chinese by default and in English, never cached', async () => {
    const zh = await get('/followup');
    expect(zh.status).toBe(200);
    expect(zh.headers.get('cache-control')).toBe('no-store');
    expect(zh.html).toContain('<html lang="zh-CN">');
    expect(zh.html).toContain('凭查询码查看进度');
    expect(zh.html).toMatch(/<label class="label" for="followup-receipt">查询码<\/label>/);
    expect(zh.html).toMatch(/<input[^>]*name="receipt"[^>]*inputmode="numeric"[^>]*autocomplete="off"/);
    expect(zh.html).toContain('不会因为您查询或留言而知道您是谁');
    const en = await get('/followup?lang=en');
    expect(en.html).toContain('Follow up with your receipt');
  });

  it('links to the follow-up from the home page', async () => {
    expect((await get('/')).html).toContain('href="/followup"');
  });

  it('lets a receipt with spaces in and shows the case number and status', async () => {
    const { caseNumber, receipt } = await file(report());
    expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    const entered = await post('/followup', { receipt });
    expect(entered.status).toBe(303);
    expect(entered.location).toBe('/followup/case');
    const setCookie = entered.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^intake_followup=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('Max-Age=3600');
    expect(setCookie).toContain('Path=/followup');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).not.toContain('Secure');

    const page = await get('/followup/case', { Cookie: cookieOf(entered) });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.html).toContain(caseNumber);
    expect(page.html).toContain('已收到');
    expect(page.html).toContain('举报');
    expect(page.html).toContain('决定是否立案');
    expect(page.html).toContain('收到您提交的事项');
    expect(page.html).toContain('已申请，处罚决定作出后审核');
    expect(page.html).not.toContain('您的身份已向承办部门披露');
    const en = await get('/followup/case?lang=en', { Cookie: cookieOf(entered) });
    expect(en.html).toContain('Received');
    expect(en.html).toContain('Decision on opening a case');
  });

  it('sets a Secure cookie over https', async () => {
    const { receipt } = await file(report());
    const entered = await post('https://localhost/followup', { receipt }, { Origin: 'https://localhost' });
    expect(entered.status).toBe(303);
    expect(entered.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers a wrong receipt with 401 and a message, without echoing it', async () => {
    const res = await post('/followup', { receipt: '9876 5432 1098 7654' });
    expect(res.status).toBe(401);
    expect(res.html).toContain('没有与这个查询码对应的事项');
    expect(res.html).toContain('aria-invalid="true"');
    expect(res.html).not.toMatch(/9876|7654/);
    expect(res.headers.get('set-cookie') ?? '').not.toContain('intake_followup');
    const malformed = await post('/followup', { receipt: '5555 66' });
    expect(malformed.status).toBe(400);
    expect(malformed.html).toContain('查询码是 16 位数字');
    expect(malformed.html).not.toContain('5555');
  });

  it('answers 429 with Retry-After once the limit is reached, counting API failures too', async () => {
    const { receipt } = await file(report());
    for (let i = 0; i < 5; i++) {
      expect((await call(t.app, 'POST', '/api/v1/followup/login', { receipt: `0000 0000 0000 000${i}` })).status).toBe(401);
    }
    for (let i = 5; i < 10; i++) expect((await post('/followup', { receipt: `0000 0000 0000 000${i}` })).status).toBe(401);
    const blocked = await post('/followup', { receipt });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(blocked.html).toContain('查询码输错次数过多');
    expect(blocked.html).toContain('2026年11月26日 10:15');
  });

  it('sends the reporter\'s message to the department and refuses an empty or too long one', async () => {
    const { caseNumber, cookie } = await fileAndEnter();
    const sent = await post('/followup/case/messages', { body: '仓库在后门，晚上十点后出货。' }, { ...ORIGIN, ...cookie });
    expect(sent.status).toBe(303);
    expect(sent.location).toMatch(/^\/followup\/case\?sent=message/);
    const staff = await staffCase(caseNumber);
    expect(staff.messages.at(-1)).toMatchObject({ from: 'reporter', body: '仓库在后门，晚上十点后出货。' });
    const page = await get(sent.location!, cookie);
    expect(page.html).toContain('留言已发送');
    expect(page.html).toContain('仓库在后门，晚上十点后出货。');

    const empty = await post('/followup/case/messages', { body: '   ' }, { ...ORIGIN, ...cookie });
    expect(empty.status).toBe(400);
    expect(empty.html).toContain('请填写留言内容');
    const long = await post('/followup/case/messages', { body: '长'.repeat(5001) }, { ...ORIGIN, ...cookie });
    expect(long.status).toBe(400);
    expect(long.html).toContain('留言最多 5000 字');
    expect((await staffCase(caseNumber)).messages).toHaveLength(1);
  });

  it('shows the handler\'s reply on the page', async () => {
    const { caseNumber, cookie } = await fileAndEnter();
    const reply = await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/messages`, { body: '请问仓库具体位置？' }, handler);
    expect(reply.status).toBe(201);
    const page = await get('/followup/case', cookie);
    expect(page.html).toContain('承办部门');
    expect(page.html).toContain('请问仓库具体位置？');
  });

  it('marks a paused clock', async () => {
    const { caseNumber, cookie } = await fileAndEnter();
    expect((await act(caseNumber, { action: 'pause', reason: '样品送检' })).status).toBe(200);
    expect((await get('/followup/case', cookie)).html).toContain('计时暂停中');
  });

  it('offers the satisfaction form only after closing, shows the rating, and refuses a second one', async () => {
    const { caseNumber, cookie } = await fileAndEnter(complaint());
    expect((await get('/followup/case', cookie)).html).not.toContain('name="rating"');
    expect((await act(caseNumber, { action: 'accept' })).status).toBe(200);
    expect((await act(caseNumber, { action: 'close', reply: '商家已退款。' })).status).toBe(200);
    const closed = await get('/followup/case', cookie);
    expect(closed.html).toContain('已办结');
    expect(closed.html).toContain('商家已退款。');
    expect(closed.html).toContain('name="rating"');

    const missing = await post('/followup/case/satisfaction', { rating: '4' }, { ...ORIGIN, ...cookie });
    expect(missing.status).toBe(400);
    expect(missing.html).toContain('请选择问题是否解决');
    expect(missing.html).toMatch(/<input[^>]*id="rating-4"[^>]*checked/);

    const rated = await post('/followup/case/satisfaction', { rating: '4', resolved: 'yes', comment: '处理及时' }, { ...ORIGIN, ...cookie });
    expect(rated.status).toBe(303);
    const after = await get(rated.location!, cookie);
    expect(after.html).toContain('感谢您的评价');
    expect(after.html).toContain('4 分（满分 5 分）：满意');
    expect(after.html).not.toContain('name="rating"');
    const again = await post('/followup/case/satisfaction', { rating: '1', resolved: 'no' }, { ...ORIGIN, ...cookie });
    expect(again.status).toBe(409);
    expect(again.html).toContain('本件已经评价过');
  });

  it('sends a visitor without a session back to the receipt form, and ends the session on sign-out', async () => {
    expect((await get('/followup/case')).location).toBe('/followup');
    const { cookie } = await fileAndEnter();
    const out = await post('/followup/logout', {}, { ...ORIGIN, ...cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(/intake_followup=;.*Max-Age=0/);
    const stale = await get('/followup/case', cookie);
    expect(stale.location).toBe('/followup?ended=1');
    expect((await get(stale.location!)).html).toContain('查询已超时结束');
  });

  it('ends the session after the configured minutes', async () => {
    const { cookie } = await fileAndEnter();
    t.clock.advance(61 * 60_000);
    expect((await get('/followup/case', cookie)).location).toBe('/followup?ended=1');
  });

  it('refuses a post without a same-origin Origin with 403', async () => {
    const { receipt, cookie } = await fileAndEnter();
    const refused: Record<string, string>[] = [{}, { Origin: 'https://evil.example' }];
    for (const headers of refused) {
      expect((await post('/followup', { receipt }, headers)).status).toBe(403);
      const message = await post('/followup/case/messages', { body: '伪造的留言' }, { ...headers, ...cookie });
      expect(message.status).toBe(403);
      expect(message.html).toContain('请求被拒绝');
      expect((await post('/followup/logout', {}, { ...headers, ...cookie })).status).toBe(403);
    }
    expect((await get('/followup/case', cookie)).status).toBe(200);
  });

  it('puts no receipt digits in any Location header or page', async () => {
    const { caseNumber, receipt, cookie } = await fileAndEnter(complaint());
    const sent = await post('/followup/case/messages', { body: '请尽快处理。' }, { ...ORIGIN, ...cookie });
    await get(sent.location!, cookie);
    await act(caseNumber, { action: 'accept' });
    await act(caseNumber, { action: 'close', reply: '已处理。' });
    await post('/followup/case/satisfaction', { rating: '5', resolved: 'yes' }, { ...ORIGIN, ...cookie });
    await get('/followup/case?lang=en', cookie);
    await post('/followup/logout', {}, { ...ORIGIN, ...cookie });
    const digits = receipt.replaceAll(' ', '');
    expect(seen.length).toBeGreaterThan(5);
    for (const page of seen) {
      for (const text of [page.location ?? '', page.html]) {
        expect(text).not.toContain(digits);
        expect(text).not.toContain(receipt);
        expect(text).not.toContain(cookie.Cookie.split('=')[1]);
      }
    }
    expect(t.logs.join('\n')).not.toContain(digits);
  });

  it('tells the reporter when their identity was disclosed, and shows a notified reward', async () => {
    const { cookie } = await fileAndEnter();
    const session = await get('/followup/case', cookie);
    expect(session.status).toBe(200);
    // The service does not report disclosures yet, so the page is rendered with a view that has one.
    const view: FollowupView = {
      caseNumber: 'GD2026112600001', kind: 'report', category: 'product.food', status: 'penalty_decided', publicStatus: 'decided',
      department: { code: 'samr-440106', name: { zh: '天河区市场监督管理局', en: 'Tianhe SAMR' } },
      receivedAt: '2026-11-26T10:00:00.000+08:00', due: [], timeline: [], messages: [],
      reward: { status: 'notified', amountFen: 500_000, claimBy: '2027-01-08T23:59:59.999+08:00' } as { status: string },
      identityDisclosed: true, satisfaction: null, canRate: false,
    };
    const html = String(await FollowupCasePage({ t: messages.zh, lang: 'zh', view }));
    expect(html).toContain('您的身份已向承办部门披露');
    expect(html).toContain('身份保管人审批同意');
    expect(html).toContain('已通知，请在截止前申领');
    expect(html).toContain('5,000.00 元');
    expect(html).toContain('2027年1月8日（当日结束前）');
  });
});
