/** The product on the public form (product categories only) and on the staff case page and hand-over form. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { getPage, signIn } from '../helpers/pages.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const post = async (fields: Record<string, string>, path = '/submit') => {
  const res = await t.app.request(path, {
    method: 'POST', body: new URLSearchParams(fields).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost' },
  });
  return { status: res.status, html: await res.text(), headers: res.headers };
};
const report = (over: Record<string, string> = {}) => ({
  kind: 'report', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
  description: '该厂使用过期原料生产月饼，仓库在后门。', 'reporter.anonymous': 'on', ...over,
});
const product = {
  'subject.product.name': '冰皮月饼', 'subject.product.brand': '某某牌', 'subject.product.model': '礼盒装',
  'subject.product.batch': 'B20261101', 'subject.product.gtin': '6901234567893',
};
/** The product fieldset's opening tag, or '' when the page has none. */
const productBox = (html: string) => /<fieldset[^>]*id="f-subject-product"[^>]*>/.exec(html)?.[0] ?? '';
const shown = (html: string) => !/\shidden[\s=>]/.test(productBox(html)) && !/\sdisabled[\s=>]/.test(productBox(html));

describe('the intake form: the product for product categories only', () => {
  it('hides the product fields until a product category is chosen, without JavaScript too', async () => {
    const blank = await getPage(t, '/submit');
    expect(productBox(blank.html)).toContain('data-categories="product.food');
    expect(productBox(blank.html)).not.toContain('service.retail');
    expect(shown(blank.html)).toBe(false);
    expect(blank.html).toContain('class="hint product-later"');
    // The "show the fields" button shows the form again for the category chosen.
    const food = await post({ ...report(), _action: 'refresh' });
    expect(food.status).toBe(200);
    expect(shown(food.html)).toBe(true);
    expect(food.html).toContain('name="subject.product.gtin"');
    expect(food.html).not.toContain('class="hint product-later"');
    const retail = await post({ ...report({ category: 'service.retail' }), _action: 'refresh' });
    expect(shown(retail.html)).toBe(false);
  });

  it('shows the fields in English and 繁體中文', async () => {
    const en = await post({ ...report(), _action: 'refresh' }, '/submit?lang=en');
    expect(en.html).toContain('Barcode number (GTIN)');
    const hant = await post({ ...report(), _action: 'refresh' }, '/submit?lang=zh-Hant');
    expect(hant.html).toContain('商品條碼');
  });

  it('re-shows a malformed barcode with its message and keeps what was typed', async () => {
    const res = await post(report({ ...product, 'subject.product.gtin': '69012345AB' }));
    expect(res.status).toBe(400);
    expect(shown(res.html)).toBe(true);
    expect(res.html).toContain('商品条码为 8、12、13 或 14 位数字');
    expect(res.html).toContain('href="#f-subject-product-gtin"');
    expect(res.html).toContain('value="69012345AB"');
    expect(res.html).toContain('value="冰皮月饼"');
    expect(res.html).toContain('value="B20261101"');
    expect((await t.deps.db.selectFrom('cases').select('id').execute())).toHaveLength(0);
    const en = await post(report({ 'subject.product.gtin': '123456789' }), '/submit?lang=en');
    expect(en.html).toContain('A barcode number (GTIN) has 8, 12, 13 or 14 digits');
  });

  it('files the product typed on the form, a wrong check digit flagged', async () => {
    const res = await post(report(product));
    expect(res.status).toBe(200);
    const row = await t.deps.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ product_name: '冰皮月饼', product_brand: '某某牌', product_gtin: '6901234567893', gtin_check_failed: 1 });
  });

  it('files no product for a category that is not a product one', async () => {
    const res = await post(report({ category: 'service.retail' }));
    expect(res.status).toBe(200);
    const row = await t.deps.db.selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(row.product_name).toBeNull();
    expect(row.gtin_check_failed).toBe(0);
  });
});

describe('the staff pages show the product', () => {
  it('on the case page (产品 / Product, with the barcode flag) and on the hand-over form', async () => {
    const body = {
      kind: 'report', category: 'product.food', region: '440106', description: '该厂使用过期原料生产月饼，仓库在后门。',
      subject: { name: '某某食品有限公司', product: { name: '冰皮月饼', brand: '某某牌', batch: 'B20261101', gtin: '6901234567893' } },
      reporter: { anonymous: true },
    };
    const n = (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
    const handler = await signIn(t, { role: 'handler' });
    const zh = await getPage(t, `/staff/cases/${n}`, handler);
    expect(zh.status).toBe(200);
    for (const text of ['产品', '冰皮月饼', '某某牌', 'B20261101', '6901234567893', '商品条码校验未通过']) expect(zh.html).toContain(text);
    const en = await getPage(t, `/staff/cases/${n}?lang=en`, handler);
    for (const text of ['Product', 'Barcode (GTIN)', 'GTIN check digit failed']) expect(en.html).toContain(text);
    const handover = await getPage(t, `/staff/cases/${n}/handover`, handler);
    expect(handover.status).toBe(200);
    for (const text of ['产品', '冰皮月饼 · 某某牌', 'B20261101', '6901234567893', '商品条码校验未通过']) expect(handover.html).toContain(text);
  });

  it('shows no product block for a case without one', async () => {
    const body = {
      kind: 'report', category: 'service.retail', region: '440106', description: '该店销售过期食品，已经多次发现。',
      subject: { name: '某某超市' }, reporter: { anonymous: true },
    };
    const n = (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
    const handler = await signIn(t, { role: 'handler' });
    const page = await getPage(t, `/staff/cases/${n}`, handler);
    expect(page.html).not.toContain('id="product-title"');
  });
});
