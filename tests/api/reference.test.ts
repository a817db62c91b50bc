import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('reference data', () => {
  it('lists categories with domain, names and kinds', async () => {
    const res = await call(t.app, 'GET', '/api/v1/categories');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toContain('max-age');
    expect(res.body.items).toHaveLength(27);
    expect(res.body.items.find((c: { code: string }) => c.code === 'product.counterfeit')).toMatchObject({
      code: 'product.counterfeit', domain: 'product', name: { zh: '制假售假、假冒伪劣', en: 'Counterfeit and substandard goods' }, kinds: ['report'],
    });
  });

  it('lists regions with their parent', async () => {
    const res = await call(t.app, 'GET', '/api/v1/regions');
    expect(res.body.items).toHaveLength(42);
    expect(res.body.items.find((r: { code: string }) => r.code === '440305')).toMatchObject({
      code: '440305', name: { zh: '南山区', en: 'Nanshan District' }, parent: '440300',
    });
    expect(res.body.items.find((r: { code: string }) => r.code === '440000').parent).toBeNull();
  });

  it('lists one department per agency and level, with the intake centre', async () => {
    const res = await call(t.app, 'GET', '/api/v1/departments');
    const codes = res.body.items.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['samr-440106', 'housing-440300', 'telecom-440000', 'intake-440000']));
    expect(codes.filter((c: string) => /^samr-4401(0[3-9]|1\d)$/.test(c))).toHaveLength(11);
    expect(codes.filter((c: string) => /^samr-4403(0[3-9]|1\d)$/.test(c))).toHaveLength(9);
    expect(codes.filter((c: string) => c.startsWith('housing-'))).toHaveLength(22);
    expect(codes).not.toContain('housing-440305');
    expect(res.body.items.find((d: { code: string }) => d.code === 'samr-440106')).toEqual({
      code: 'samr-440106', name: { zh: '广州市天河区市场监督管理局', en: 'Tianhe District Administration for Market Regulation, Guangzhou' },
      agency: 'samr', region: '440106',
    });
  });
});
