import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSealedRecord } from '../../server/identity/sealed.repository.js';
import { unseal } from '../../server/identity/seal.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
});
afterEach(async () => { await t.close(); });

const product = { name: '冰皮月饼', brand: '某某牌', model: '礼盒装 500g', batch: 'B20261101', gtin: '6901234567892' };
const submit = (body: unknown) => call(t.app, 'POST', '/api/v1/cases', body);
const row = (caseNumber: string) => t.store.db.selectFrom('cases').selectAll().where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
const view = async (n: string, headers = handler) => call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, headers);
const subjectWith = (p: unknown) => ({ name: '某某食品有限公司', address: '广州市天河区', product: p });

describe('subject.product on POST /api/v1/cases', () => {
  it('stores the product and shows it in the staff JSON', async () => {
    const res = await submit(complaint({ subject: { ...subjectWith(product), creditCode: '91440101MA5CJQ4N59' } }));
    expect(res.status).toBe(201);
    expect(res.body.gtinCheckFailed).toBe(false);
    const r = await row(res.body.caseNumber);
    expect(r).toMatchObject({
      product_name: '冰皮月饼', product_brand: '某某牌', product_model: '礼盒装 500g', product_batch: 'B20261101',
      product_gtin: '6901234567892', gtin_check_failed: 0,
    });
    const c = (await view(res.body.caseNumber)).body;
    expect(c.subject.product).toEqual(product);
    expect(c.flags.gtinCheckFailed).toBe(false);
  });

  it('accepts a wrong check digit and flags it on the case', async () => {
    const res = await submit(report({ subject: subjectWith({ gtin: '6901234567893' }) }));
    expect(res.status).toBe(201);
    expect(res.body.gtinCheckFailed).toBe(true);
    expect((await row(res.body.caseNumber)).gtin_check_failed).toBe(1);
    const c = (await view(res.body.caseNumber)).body;
    expect(c.subject.product).toEqual({ name: null, brand: null, model: null, batch: null, gtin: '6901234567893' });
    expect(c.flags.gtinCheckFailed).toBe(true);
  });

  it.each(['69012345AB', '123456789', '1234567890', '12345678901', 42])('refuses a malformed GTIN %s with a 400 naming subject.product.gtin', async (gtin) => {
    const res = await submit(report({ subject: subjectWith({ name: '月饼', gtin }) }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('subject.product.gtin');
    expect(await t.store.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
  });

  it('refuses a product that is not an object, and an over-long name', async () => {
    let res = await submit(report({ subject: subjectWith('月饼') }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('subject.product');
    res = await submit(report({ subject: subjectWith({ name: 'x'.repeat(201) }) }));
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('subject.product.name');
  });

  it('redacts the product text like the subject and seals what was typed', async () => {
    const typed = { name: '张三卖的月饼 电话13800138000', brand: '张三牌', model: '联系0755-12345678', batch: 'B1', gtin: '036000291452' };
    const res = await submit(complaint({ subject: subjectWith(typed) }));
    expect(res.status).toBe(201);
    const r = await row(res.body.caseNumber);
    for (const text of [r.product_name, r.product_brand, r.product_model]) {
      expect(text).not.toContain('13800138000');
      expect(text).not.toContain('12345678');
      expect(text).not.toContain('张三');
    }
    // A GTIN-12 may look like a landline; it is digits already checked and stays as typed.
    expect(r.product_gtin).toBe('036000291452');
    const box = await findSealedRecord(t.store.db, r.id, 'original_text');
    const original = await unseal<{ subject: { product: unknown } }>(t.deps.keys, box!, `${r.id}:original_text`);
    expect(original.subject.product).toEqual(typed);
  });

  it('has no product when none (or only blanks) was given', async () => {
    const none = await submit(report({ category: 'service.retail' }));
    const blank = await submit(report({ subject: subjectWith({ name: '  ', gtin: '' }) }));
    for (const res of [none, blank]) {
      expect(res.status).toBe(201);
      expect((await row(res.body.caseNumber)).gtin_check_failed).toBe(0);
      expect((await view(res.body.caseNumber)).body.subject.product).toBeNull();
    }
  });

  it('is not shown to another department', async () => {
    const res = await submit(report({ subject: subjectWith(product) }));
    const other = bearer(await (await createStaff(t, { role: 'handler', department: 'samr-440304' })).login());
    const answer = await view(res.body.caseNumber, other);
    expect([403, 404]).toContain(answer.status);
    expect(answer.text).not.toContain('冰皮月饼');
    expect(answer.text).not.toContain('6901234567892');
  });
});
