/**
 * The enterprise path of the public form (/submit?kind=injury&as=enterprise) in the three public
 * languages, its errors shown all at once with what was typed kept, and the staff case page's figures.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { getPage, signIn } from '../helpers/pages.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const PATH = '/submit?kind=injury&as=enterprise';
const post = async (fields: Record<string, string>, path = '/submit') => {
  const res = await t.app.request(path, {
    method: 'POST', body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const filled = (over: Record<string, string> = {}) => ({
  kind: 'injury', as: 'enterprise', category: 'product.special_equipment', region: '440106',
  description: '本公司游乐设施座椅安全压杠失效，一名游客坠落。',
  'accident.deaths': '1', 'accident.seriouslyInjured': '0', 'accident.injured': '2', 'accident.directLossFen': '1,200,000.5',
  'reporter.enterprise.name': '广州某某游乐设备有限公司', 'reporter.enterprise.creditCode': '91440101ma5cjq4n59',
  'reporter.name': '王五', 'reporter.phone': '13912345678', ...over,
});
const cases = () => t.deps.db.selectFrom('cases').selectAll().execute();

describe('the enterprise path of the intake form', () => {
  it.each([
    ['zh', '企业报告质量事故', '死亡人数', '直接经济损失（元）', '联系人姓名'],
    ['zh-Hant', '企業報告質量事故', '死亡人數', '直接經濟損失（元）', '聯絡人姓名'],
    ['en', 'Report a quality accident for your enterprise', 'Deaths', 'Direct economic loss (yuan)', 'Contact person&#39;s name'],
  ])('is its own page in %s, filing an injury for the enterprise without JavaScript', async (lang, title, deaths, loss, contact) => {
    const page = await getPage(t, `${PATH}&lang=${lang}`);
    expect(page.status).toBe(200);
    for (const text of [title, deaths, loss, contact]) expect(page.html).toContain(text);
    expect(page.html).toContain('<input type="hidden" name="kind" value="injury"');
    expect(page.html).toContain('<input type="hidden" name="as" value="enterprise"');
    for (const name of ['reporter.enterprise.name', 'reporter.enterprise.creditCode', 'accident.deaths', 'accident.seriouslyInjured',
      'accident.injured', 'accident.directLossFen', 'reporter.name', 'reporter.phone', 'reporter.email']) {
      expect(page.html).toContain(`name="${name}"`);
    }
    // No kind to choose, no anonymity: the enterprise files under its name.
    expect(page.html).not.toContain('name="reporter.anonymous"');
    expect(page.html).not.toContain('type="radio" id="f-kind-complaint"');
    expect(page.html).toContain(`href="/submit?kind=injury&amp;lang=${lang}"`);
    // Only categories that take an injury are offered.
    expect(page.html).not.toContain('value="service.retail"');
  });

  it('is reached from the injury choice of the form for persons', async () => {
    for (const [lang, text] of [['zh', '企业报告本企业的质量事故'], ['zh-Hant', '企業報告本企業的質量事故'], ['en', 'Report an accident for your enterprise']]) {
      const page = await getPage(t, `/submit?lang=${lang}`);
      expect(page.html).toContain(`href="/submit?kind=injury&amp;as=enterprise&amp;lang=${lang}"`);
      expect(page.html).toContain(text!);
    }
  });

  it('shows every error at once, each beside its field, with what was typed kept', async () => {
    const res = await post(filled({
      'accident.deaths': '-1', 'accident.seriouslyInjured': '两个', 'accident.injured': '', 'accident.directLossFen': '一百万',
      'reporter.enterprise.name': '', 'reporter.enterprise.creditCode': 'ABC123', 'reporter.phone': '12345',
    }));
    expect(res.status).toBe(400);
    expect(res.html).toContain('企业报告质量事故');
    for (const text of ['请填写人数：0 或正整数', '请以元为单位填写金额', '请填写企业名称', '统一社会信用代码为 18 位', '请填写 11 位手机号码']) {
      expect(res.html).toContain(text);
    }
    for (const anchor of ['f-accident-deaths', 'f-accident-seriouslyInjured', 'f-accident-injured', 'f-accident-directLossFen',
      'f-reporter-enterprise-name', 'f-reporter-enterprise-creditCode', 'f-reporter-phone']) {
      expect(res.html).toContain(`href="#${anchor}"`);
    }
    for (const typed of ['value="-1"', 'value="两个"', 'value="一百万"', 'value="ABC123"', 'value="王五"', 'value="12345"']) {
      expect(res.html).toContain(typed);
    }
    expect(res.html).toContain('<input type="hidden" name="as" value="enterprise"');
    expect(await cases()).toHaveLength(0);
  });

  it('shows the errors in 繁體中文 and English too', async () => {
    const bad = filled({ 'accident.deaths': '1.5', 'reporter.enterprise.creditCode': '' });
    const hant = await post(bad, '/submit?lang=zh-Hant');
    expect(hant.status).toBe(400);
    expect(hant.html).toContain('請填寫人數：0 或正整數');
    expect(hant.html).toContain('請填寫企業的統一社會信用代碼');
    const en = await post(bad, '/submit?lang=en');
    expect(en.html).toContain('Enter a number of people: 0 or a whole number');
    expect(en.html).toContain('Enter the enterprise&#39;s unified social credit code');
    expect(en.html).toContain('value="1.5"');
  });

  it('keeps the enterprise path when the language is switched', async () => {
    const res = await post({ ...filled(), _action: 'refresh' }, '/submit?lang=en');
    expect(res.status).toBe(200);
    expect(res.html).toContain('Report a quality accident for your enterprise');
    expect(res.html).toContain('value="广州某某游乐设备有限公司"');
    expect(await cases()).toHaveLength(0);
  });

  it('files a fatal accident for the enterprise: the loss typed in yuan is stored in fen, the receipt shown', async () => {
    const res = await post(filled());
    expect(res.status).toBe(200);
    expect(res.html).toContain('查询码');
    const [row] = await cases();
    expect(row).toMatchObject({
      kind: 'injury', severity: 'fatal', urgent: 1, filed_by_enterprise: 1, anonymous: 0,
      accident_deaths: 1, accident_seriously_injured: 0, accident_injured: 2, accident_loss_fen: 120_000_050,
      subject_name: '广州某某游乐设备有限公司', subject_credit_code: '91440101MA5CJQ4N59',
    });
    // The provincial market regulator co-handles, as the confirmation says.
    expect(res.html).toContain('广东省市场监督管理局');
  });
});

describe('the staff case page', () => {
  it('shows the figures and that the responsible enterprise filed it, never its contact', async () => {
    const filedCase = await call(t.app, 'POST', '/api/v1/cases', {
      kind: 'injury', category: 'product.special_equipment', region: '440106', description: '本公司游乐设施故障，一名游客坠落。',
      reporter: { anonymous: false, enterprise: { name: '广州某某游乐设备有限公司', creditCode: '91440101MA5CJQ4N59' }, name: '王五', phone: '13912345678' },
      accident: { deaths: 1, seriouslyInjured: 3, injured: 4, directLossFen: 120_000_050 },
    });
    expect(filedCase.status).toBe(201);
    const n = filedCase.body.caseNumber as string;
    const handler = await signIn(t, { role: 'handler' });
    const zh = await getPage(t, `/staff/cases/${n}`, handler);
    expect(zh.status).toBe(200);
    for (const text of ['事故责任企业自行报告', '死亡人数', '<dd>1</dd>', '重伤人数', '<dd>3</dd>', '轻伤人数', '<dd>4</dd>', '直接经济损失', '1,200,000.50']) {
      expect(zh.html).toContain(text);
    }
    const en = await getPage(t, `/staff/cases/${n}?lang=en`, handler);
    for (const text of ['Filed by', 'the responsible enterprise itself', 'Seriously injured', 'Direct economic loss']) expect(en.html).toContain(text);
    for (const html of [zh.html, en.html]) {
      expect(html).not.toContain('王五');
      expect(html).not.toContain('13912345678');
    }
  });
});
