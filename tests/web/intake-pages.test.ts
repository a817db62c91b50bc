import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

const completeComplaint = (over: Record<string, string> = {}) => ({
  kind: 'complaint',
  category: 'product.food',
  region: '440106',
  'subject.name': '某某食品有限公司',
  'subject.creditCode': '91440101MA5CJQ4N59',
  'subject.address': '广州市天河区体育西路1号',
  description: '购买的月饼已经发霉，商家拒绝退款，要求处理。',
  occurredOn: '2026-11-20',
  claim: '退款并赔偿',
  'reporter.name': '张三',
  'reporter.phone': '13800138000',
  'reporter.address': '广州市天河区天河路2号',
  ...over,
});

const post = async (fields: Record<string, string>, headers: Record<string, string> = { Origin: 'http://localhost' }) => {
  const res = await t.app.request('/submit', {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

/** The `value` of an input, or the text of a textarea, as the browser would read it back. */
const fieldValue = (html: string, name: string) => {
  const input = new RegExp(`<input[^>]*name="${name}"[^>]*value="([^"]*)"`).exec(html)
    ?? new RegExp(`<textarea[^>]*name="${name}"[^>]*>([^<]*)</textarea>`).exec(html);
  return input?.[1];
};

describe('public pages', () => {
  it('renders the home page in Chinese by default with a link to English', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.html).toMatch(/^<!DOCTYPE html>/);
    expect(res.html).toContain('<html lang="zh-CN">');
    expect(res.html).toContain('广东省质量投诉举报平台');
    expect(res.html).toContain('href="/submit?kind=report"');
    expect(res.html).toContain('href="/?lang=en"');
  });

  it('renders the home page in English with ?lang=en and remembers it in a cookie', async () => {
    const res = await get('/?lang=en');
    expect(res.html).toContain('<html lang="en">');
    expect(res.html).toContain('Guangdong Quality Complaint and Report Platform');
    expect(res.headers.get('set-cookie')).toContain('lang=en');
    const again = await get('/submit', { Cookie: 'lang=en' });
    expect(again.html).toContain('File a complaint or report');
  });

  it('renders the form with the categories and regions of the directory', async () => {
    const res = await get('/submit');
    expect(res.status).toBe(200);
    expect(res.html).toContain('提交投诉举报');
    expect(res.html).toContain('<label class="label" for="f-reporter-phone">');
    expect(res.html).toMatch(/<optgroup label="产品质量">/);
    expect(res.html).toMatch(/<option value="product\.food"[^>]*>食品安全（受理：投诉、举报、伤害事故）<\/option>/);
    expect(res.html).toContain('<optgroup label="广州市">');
    expect(res.html).toMatch(/<option value="440100"[^>]*>广州市（全市）<\/option>/);
    expect(res.html).toMatch(/<option value="440106"[^>]*>天河区<\/option>/);
    expect(res.html).toContain('仅投诉填写');
  });

  it('renders the form in English', async () => {
    const res = await get('/submit?lang=en');
    expect(res.html).toContain('File a complaint or report');
    expect(res.html).toContain('Food safety (takes complaints, reports, injury reports)');
    expect(res.html).toContain('Tianhe District');
    expect(res.html).toContain('complaints only');
  });

  it('lists only the categories that take the kind asked for and preselects it', async () => {
    const res = await get('/submit?kind=complaint');
    expect(res.html).not.toContain('value="product.counterfeit"');
    expect(res.html).toContain('value="product.food"');
    expect(res.html).toMatch(/<input[^>]*value="complaint"[^>]*checked/);
  });

  it('serves the stylesheet and the print script from /static', async () => {
    const css = await get('/static/app.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toContain('text/css');
    expect(css.html).toContain('@media print');
    expect((await get('/static/print.js')).html).toContain('window.print()');
  });
});

describe('POST /submit', () => {
  it('shows the confirmation with the case number, department, due date and the receipt once', async () => {
    const res = await post(completeComplaint());
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const caseNumber = /GD\d{13}/.exec(res.html)?.[0];
    expect(caseNumber).toBeDefined();
    expect(res.html).toContain('广州市天河区市场监督管理局');
    expect(res.html).toMatch(/<p class="receipt-code">\d{4} \d{4} \d{4} \d{4}<\/p>/);
    expect(res.html.match(/\d{4} \d{4} \d{4} \d{4}/g)).toHaveLength(1);
    expect(res.html).toContain('2026年12月7日（当日结束前）');
    expect(res.html).toContain('src="/static/print.js"');
    expect(res.html).not.toContain('13800138000');
    const row = await t.deps.db.selectFrom('cases').select(['kind', 'category', 'department'])
      .where('case_number', '=', caseNumber!).executeTakeFirst();
    expect(row).toEqual({ kind: 'complaint', category: 'product.food', department: 'samr-440106' });
  });

  it('shows the confirmation in English with the date in English', async () => {
    const res = await post(completeComplaint(), { Origin: 'http://localhost', Cookie: 'lang=en' });
    expect(res.html).toContain('Your complaint has been received');
    expect(res.html).toContain('7 Dec 2026, end of day');
  });

  it('answers 400 for a bad phone, with the message beside the field and the typed values kept', async () => {
    const res = await post(completeComplaint({ 'reporter.phone': '12345' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.html).toContain('<title>错误：');
    expect(res.html).toContain('class="error-summary"');
    expect(res.html).toContain('<p class="error-message" id="f-reporter-phone-error">请填写 11 位手机号码，以 13 至 19 开头</p>');
    expect(res.html).toMatch(/<input[^>]*id="f-reporter-phone"[^>]*aria-describedby="f-reporter-phone-hint f-reporter-phone-error"[^>]*aria-invalid="true"/);
    expect(res.html).toContain('href="#f-reporter-phone"');
    expect(fieldValue(res.html, 'reporter\\.phone')).toBe('12345');
    expect(fieldValue(res.html, 'subject\\.name')).toBe('某某食品有限公司');
    expect(fieldValue(res.html, 'description')).toBe('购买的月饼已经发霉，商家拒绝退款，要求处理。');
    expect(res.html).toMatch(/<option value="440106" selected="">/);
    expect(await t.deps.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
    expect(t.logs.join('\n')).not.toMatch(/12345|张三|某某食品/);
  });

  it('answers 400 for an anonymous complaint and explains that a complaint needs a name', async () => {
    const res = await post(completeComplaint({ 'reporter.anonymous': 'on', 'reporter.phone': '' }));
    expect(res.status).toBe(400);
    expect(res.html).toContain('id="f-reporter-anonymous-error">投诉不能匿名');
    expect(res.html).toContain('id="f-reporter-phone-error">请填写 11 位手机号码');
    expect(res.html).toMatch(/<input[^>]*id="f-reporter-anonymous"[^>]*checked/);
    expect(fieldValue(res.html, 'subject\\.name')).toBe('某某食品有限公司');
    expect(fieldValue(res.html, 'reporter\\.name')).toBe('张三');
  });

  it('reports a category that does not take the kind together with the other problems', async () => {
    const res = await post(completeComplaint({ category: 'product.counterfeit', 'reporter.phone': '' }));
    expect(res.status).toBe(400);
    expect(res.html).toContain('id="f-category-error">“制假售假、假冒伪劣”不受理投诉（受理：举报）');
    expect(res.html).toContain('id="f-reporter-phone-error"');
  });

  it('accepts an anonymous report asking for a reward', async () => {
    const res = await post({
      kind: 'report', category: 'product.counterfeit', region: '440100', 'subject.name': '某某厂',
      description: '该厂生产假冒品牌洗发水，仓库在后门。', reward: 'on', 'reporter.anonymous': 'on',
    });
    expect(res.status).toBe(200);
    expect(res.html).toContain('已收到您的举报');
  });

  it('escapes a script typed into the description when the form is re-shown', async () => {
    const res = await post(completeComplaint({ description: '<script>alert(1)</script> 月饼发霉了很久', 'reporter.phone': 'x' }));
    expect(res.status).toBe(400);
    expect(res.html).not.toContain('<script>alert(1)</script>');
    expect(res.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('refuses a post without a matching Origin with 403', async () => {
    expect((await post(completeComplaint(), {})).status).toBe(403);
    const foreign = await post(completeComplaint(), { Origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.html).toContain('请求被拒绝');
    expect(await t.deps.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
  });
});
