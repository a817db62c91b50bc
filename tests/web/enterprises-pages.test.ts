/** The enterprise pages: the search (/enterprises?q=) and the summary (/enterprises/{code}) in three languages, counts only. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../server/lib/identifiers.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const body17 = '91440106MA5PAGE01';
const CODE = body17 + creditCodeCheckChar(body17);
const NAME = '广州市页面测试食品有限公司';
const subject = { name: NAME, creditCode: CODE, address: '广州市天河区体育西路1号', product: { name: '冰皮月饼', brand: '某某牌', gtin: '6901234567892' } };

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await t.app.request(path, { headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
};

async function fileAndAccept() {
  const filed = await call(t.app, 'POST', '/api/v1/cases', complaint({ subject }));
  expect(filed.status).toBe(201);
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  const accepted = await call(t.app, 'POST', `/api/v1/staff/cases/${filed.body.caseNumber}/actions`, { action: 'accept' }, handler);
  expect(accepted.status).toBe(200);
  const second = await call(t.app, 'POST', '/api/v1/cases', report({ subject: { ...subject, product: undefined } }));
  expect(second.status).toBe(201);
  return [filed.body.caseNumber as string, second.body.caseNumber as string];
}

// Characters only Simplified Chinese writes this way (as in tests/web/zh-hant.test.ts).
const SIMPLIFIED_ONLY = /[这们请询码举报诉时进门处办项务题话电号过为见关让从问应开发写产区东业与对说会没还输选择证书资权贵]/;
/** The page's own text: no language switch, and without the enterprise's name and products (data, as typed). */
const uiText = (html: string) => html.replace(/<nav class="lang-switch"[\s\S]*?<\/nav>/, '')
  .replaceAll(NAME, '').replaceAll('冰皮月饼', '').replaceAll('某某牌', '').replace(/<[^>]+>/g, ' ');

describe('/enterprises/{code}', () => {
  it.each([
    ['zh', 'zh-CN', '受理投诉', '按年度'],
    ['zh-Hant', 'zh-Hant', '受理投訴', '按年度'],
    ['en', 'en', 'Complaints accepted', 'By year'],
  ])('shows the summary in %s with a table by year, a chart and the products', async (lang, htmlLang, accepted, byYear) => {
    await fileAndAccept();
    const page = await get(`/enterprises/${CODE}?lang=${lang}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`<html lang="${htmlLang}">`);
    expect(page.html).toContain(`<h1>${NAME}`);
    expect(page.html).toContain(CODE);
    expect(page.html).toContain(accepted);
    expect(page.html).toContain(`<h2>${byYear}</h2>`);
    // The table by year: header cells, the year as a row header, then received, accepted, mediated, reports…
    expect(page.html).toMatch(/<th scope="row">2026<\/th><td>1<\/td><td>1<\/td><td>0<\/td><td>1<\/td><td>0<\/td><td>0<\/td>/);
    expect(page.html).toContain('<svg class="chart"');
    expect(page.html).toMatch(/<td>冰皮月饼<\/td><td>某某牌<\/td><td><\/td><td class="mono">6901234567892<\/td><td>1<\/td>/);
    if (lang === 'zh-Hant') expect(uiText(page.html)).not.toMatch(SIMPLIFIED_ONLY);
  });

  it('shows no case text, case number or reporter data', async () => {
    const numbers = await fileAndAccept();
    const page = await get(`/enterprises/${CODE}`);
    for (const secret of [...numbers, complaint().description as string, report().description as string, '退款并赔偿', '张三', '13800138000', '体育西路']) {
      expect(page.html).not.toContain(secret);
    }
  });

  it('sends a lower-case code to its upper-case page and answers 404 with the search form for an unknown code', async () => {
    await fileAndAccept();
    const lower = await get(`/enterprises/${CODE.toLowerCase()}?lang=en`);
    expect(lower.status).toBe(301);
    expect(lower.headers.get('location')).toBe(`/enterprises/${CODE}?lang=en`);
    const unknownBody = '91440000MA5000001';
    const unknown = await get(`/enterprises/${unknownBody}${creditCodeCheckChar(unknownBody)}?lang=en`);
    expect(unknown.status).toBe(404);
    expect(unknown.html).toContain('Business not found');
    expect(unknown.html).toContain('action="/enterprises"');
    const malformed = await get('/enterprises/hello?lang=zh');
    expect(malformed.status).toBe(404);
    expect(malformed.html).toContain('这不是统一社会信用代码');
  });
});

describe('/enterprises?q=', () => {
  it.each([
    ['zh', '找到 1 家企业。'], ['zh-Hant', '找到 1 家企業。'], ['en', '1 business found.'],
  ])('finds by name prefix and links to the summary (%s)', async (lang, found) => {
    await fileAndAccept();
    const page = await get(`/enterprises?q=${encodeURIComponent('广州市页面')}&lang=${lang}`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(found);
    expect(page.html).toContain(`<a href="/enterprises/${CODE}">${NAME}</a>`);
    expect(page.html).toContain('value="广州市页面"');
    if (lang === 'zh-Hant') expect(uiText(page.html)).not.toMatch(SIMPLIFIED_ONLY);
  });

  it('finds by code prefix, shows the form alone without q, and says when nothing matches', async () => {
    await fileAndAccept();
    expect((await get(`/enterprises?q=${CODE.slice(0, 10).toLowerCase()}`)).html).toContain(`<a href="/enterprises/${CODE}">`);
    const empty = await get('/enterprises?lang=en');
    expect(empty.status).toBe(200);
    expect(empty.html).toContain('<label class="label" for="enterprise-q">');
    expect(empty.html).not.toContain('Results');
    const none = await get('/enterprises?q=nothing&lang=en');
    expect(none.html).toContain('No complaint or report names such a business.');
  });

  it('re-shows the form with a message for an over-long search', async () => {
    const page = await get(`/enterprises?q=${'x'.repeat(101)}&lang=en`);
    expect(page.status).toBe(400);
    expect(page.html).toContain('Type at most 100 characters.');
    expect(page.html).toContain('aria-invalid="true"');
  });
});
