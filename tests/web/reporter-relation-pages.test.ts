/** The reporter's relation to the matter on the public form: offered for reports, kept after an error. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { getPage, signIn } from '../helpers/pages.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const post = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
  const res = await t.app.request('/submit', {
    method: 'POST',
    body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost', ...headers },
  });
  return { status: res.status, html: await res.text() };
};

const anonymousReport = (over: Record<string, string> = {}) => ({
  kind: 'report', category: 'product.counterfeit', region: '440100', 'subject.name': '某某厂',
  description: '该厂生产假冒品牌洗发水，仓库在后门。', reward: 'on', 'reporter.anonymous': 'on', ...over,
});

const complaint = (over: Record<string, string> = {}) => ({
  kind: 'complaint', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
  description: '购买的月饼已经发霉，商家拒绝退款，要求处理。', claim: '退款',
  'reporter.name': '张三', 'reporter.phone': '13800138000', 'reporter.address': '广州市天河区天河路2号', ...over,
});

const relations = () => t.deps.db.selectFrom('cases').select(['kind', 'reporter_relation', 'reward_requested']).execute();

describe('the relation field on /submit', () => {
  it('offers the four relations after the reward checkbox, marked for reports only, with nothing chosen', async () => {
    const html = await (await t.app.request('/submit')).text();
    const select = /<select[^>]*name="reporter\.relation"[^>]*>([\s\S]*?)<\/select>/.exec(html);
    expect(select).not.toBeNull();
    expect([...select![1]!.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual(['', 'none', 'insider', 'infringed_party', 'agency_staff']);
    expect(select![1]).not.toContain('selected');
    expect(html).toMatch(/<label class="label" for="f-reporter-relation">您与被举报事项的关系 <span class="tag">仅举报填写<\/span><\/label>/);
    expect(html.indexOf('name="reward"')).toBeLessThan(html.indexOf('name="reporter.relation"'));
    const en = await (await t.app.request('/submit?lang=en')).text();
    expect(en).toContain('Your relation to the matter');
    expect(en).toContain('>Insider (e.g. an employee of the business)</option>');
  });

  it('files an anonymous report with the relation chosen', async () => {
    const res = await post(anonymousReport({ 'reporter.relation': 'insider' }));
    expect(res.status).toBe(200);
    expect(res.html).toContain('已收到您的举报');
    expect(await relations()).toEqual([{ kind: 'report', reporter_relation: 'insider', reward_requested: 1 }]);
    expect(await t.deps.db.selectFrom('rewards').select('status').execute()).toEqual([{ status: 'requested' }]);
  });

  it('shows the handler the declared relation on the case page', async () => {
    await post(anonymousReport({ region: '440106', 'reporter.relation': 'insider' }));
    const [row] = await t.deps.db.selectFrom('cases').select('case_number').execute();
    const handler = await signIn(t, { role: 'handler' });
    const res = await getPage(t, `/staff/cases/${row!.case_number}`, handler);
    expect(res.status).toBe(200);
    expect(res.html).toContain('<dt>举报人与被举报事项的关系</dt><dd>内部知情人</dd>');
  });

  it('files a report without a relation when none is chosen', async () => {
    expect((await post(anonymousReport({ 'reporter.relation': '' }))).status).toBe(200);
    expect(await relations()).toEqual([{ kind: 'report', reporter_relation: null, reward_requested: 1 }]);
  });

  it('refuses a relation on a complaint beside the field, and shows the choice again', async () => {
    const res = await post(complaint({ 'reporter.relation': 'infringed_party' }));
    expect(res.status).toBe(400);
    expect(res.html).toContain('<p class="error-message" id="f-reporter-relation-error">只有举报填写与被举报事项的关系，请改回“请选择”</p>');
    expect(res.html).toContain('href="#f-reporter-relation"');
    expect(res.html).toMatch(/<select[^>]*id="f-reporter-relation"[^>]*aria-invalid="true"/);
    expect(res.html).toMatch(/<option value="infringed_party" selected="">/);
    expect(await relations()).toEqual([]);
  });

  it('keeps the relation chosen when another field is wrong, and refuses a value the form never offers', async () => {
    let res = await post(anonymousReport({ 'reporter.relation': 'agency_staff', description: '太短' }));
    expect(res.status).toBe(400);
    expect(res.html).toContain('id="f-description-error"');
    expect(res.html).not.toContain('id="f-reporter-relation-error"');
    expect(res.html).toMatch(/<option value="agency_staff" selected="">/);
    res = await post(anonymousReport({ 'reporter.relation': 'competitor' }), { Cookie: 'lang=en' });
    expect(res.status).toBe(400);
    expect(res.html).toContain('id="f-reporter-relation-error"');
    expect(await relations()).toEqual([]);
  });
});
