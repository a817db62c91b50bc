/**
 * GET /api/v1/stats: the shape of the public contract, the default period, refusals of a bad period, and
 * small-cell suppression (a category with 4 cases shows no number, 5 shows 5) over cases filed through
 * the real API; rates, the median and the sums over counters of a real database.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeWdMetric } from '../../server/stats/counters.js';
import { medianOf } from '../../server/stats/stats.service.js';
import { rankByPublished } from '../../server/stats/suppress.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-26T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

async function file(count: number, category: string, region = '440106') {
  for (let i = 0; i < count; i++) {
    const res = await call(t.app, 'POST', '/api/v1/cases', report({ category, region }));
    expect(res.status, res.text).toBe(201);
  }
}

/** Counter rows written straight into stat_counts, as the triggers would have written them. */
async function counters(rows: { metric: string; month?: string; department?: string; category?: string; n: number }[]) {
  await t.deps.db.insertInto('stat_counts').values(rows.map((r) => ({
    metric: r.metric, month: r.month ?? '2026-10', department: r.department ?? 'samr-440106',
    category: r.category ?? 'service.ecommerce', city: '440100', kind: 'complaint', n: r.n,
  }))).execute();
}

const stats = async (query = '') => call(t.app, 'GET', `/api/v1/stats${query}`);

describe('GET /api/v1/stats', () => {
  it('answers the last 12 months by default, in the documented shape, cacheable', async () => {
    const res = await stats();
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const body = res.body;
    expect(body).toMatchObject({ from: '2025-12', to: '2026-11', minCell: 5, total: null, medianWorkingDaysToClose: null,
      rewards: { approved: null, paidFen: null }, timeliness: [], kpis: [] });
    expect(body.byMonth).toHaveLength(12 * 4);
    expect(new Set(body.byMonth.map((r: { domain: string }) => r.domain))).toEqual(new Set(['product', 'engineering', 'service', 'other']));
    const categories = (await call(t.app, 'GET', '/api/v1/categories')).body.items;
    expect(body.byCategory.map((c: { category: string }) => c.category).sort()).toEqual(categories.map((c: { code: string }) => c.code).sort());
    expect(body.byCity).toHaveLength(21);
    expect(body.byCity.map((c: { region: string }) => c.region)).toContain('440300');
    expect(body.satisfaction).toEqual([
      { serviceClass: 'producer', rate: null, n: null, target: 0.85 },
      { serviceClass: 'consumer', rate: null, n: null, target: 0.8 },
    ]);

    // The answer matches the schema the API description publishes for it.
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body;
    const schema = doc.paths['/api/v1/stats'].get.responses['200'].content['application/json'].schema;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    expect(ajv.validate(schema, body), JSON.stringify(ajv.errors)).toBe(true);
  });

  it('takes a period, and from alone means the 12 months from it up to this month', async () => {
    expect((await stats('?from=2026-03&to=2026-05')).body).toMatchObject({ from: '2026-03', to: '2026-05' });
    expect((await stats('?from=2026-03&to=2026-05')).body.byMonth).toHaveLength(3 * 4);
    expect((await stats('?from=2026-03')).body).toMatchObject({ from: '2026-03', to: '2026-11' });
    expect((await stats('?from=2024-01')).body).toMatchObject({ from: '2024-01', to: '2024-12' });
    expect((await stats('?to=2026-06')).body).toMatchObject({ from: '2025-07', to: '2026-06' });
  });

  it('answers 400 validation_failed for a malformed month, a reversed period or one over 36 months', async () => {
    for (const [query, path] of [['?from=2026-13', 'from'], ['?to=26-05', 'to'], ['?from=2026-05&to=2026-04', 'to'],
      ['?from=2023-01&to=2026-01', 'to'], ['?from=2026-5', 'from'], ['?to=0000-01', 'to'], ['?from=%00', 'from']] as const) {
      const res = await stats(query);
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues.map((i: { path: string }) => i.path), query).toContain(path);
    }
    expect((await stats('?from=2023-12&to=2026-11')).status).toBe(200);
  });

  it('shows no number for a category with 4 cases and shows 5 once it has 5', async () => {
    await file(4, 'product.food');
    await file(5, 'service.retail', '440304');
    let body = (await stats()).body;
    const category = (code: string) => body.byCategory.find((c: { category: string }) => c.category === code);
    const month = (domain: string) => body.byMonth.find((r: { month: string; domain: string }) => r.month === '2026-11' && r.domain === domain);
    const city = (code: string) => body.byCity.find((c: { region: string }) => c.region === code);
    expect(category('product.food')).toEqual({ category: 'product.food', count: null });
    expect(category('service.retail')).toEqual({ category: 'service.retail', count: 5 });
    expect(month('product')).toEqual({ month: '2026-11', domain: 'product', count: null });
    expect(month('service').count).toBe(5);
    expect(city('440100')).toEqual({ region: '440100', count: null });
    expect(city('440300')).toEqual({ region: '440300', count: 5 });
    expect(body.total).toBe(9);
    // Ranked on the published counts: the 5 first, the suppressed after it in directory order.
    expect(body.byCategory[0]).toEqual({ category: 'service.retail', count: 5 });
    expect(JSON.stringify(body)).not.toMatch(/"count":\s*[1-4]\b/);

    await file(1, 'product.food');
    body = (await stats()).body;
    expect(category('product.food')).toEqual({ category: 'product.food', count: 5 });
    expect(month('product').count).toBe(5);
    expect(city('440100').count).toBe(5);
    expect(body.total).toBe(10);
    // Outside the period the same cases are not counted.
    expect((await stats('?from=2026-01&to=2026-10')).body.total).toBeNull();
  });

  it('publishes rates, the median and the reward sum only from 5 cases or more', async () => {
    await counters([
      { metric: 'accept_on_time', n: 4 }, { metric: 'accept_late', n: 1 },
      { metric: 'accept_on_time', department: 'samr-440300', n: 3 },
      // Triage has no department: its decisions count for the intake centre.
      { metric: 'accept_on_time', department: '', n: 6 },
      { metric: 'rating', category: 'service.ecommerce', n: 8 }, { metric: 'rating_satisfied', category: 'service.ecommerce', n: 7 },
      { metric: 'rating', category: 'service.retail', n: 4 }, { metric: 'rating_satisfied', category: 'service.retail', n: 4 },
      { metric: closeWdMetric(2), n: 2 }, { metric: closeWdMetric(5), n: 1 }, { metric: closeWdMetric(9), n: 1 },
      { metric: 'reward_approved', n: 5 }, { metric: 'reward_paid', n: 4 }, { metric: 'reward_paid_fen', n: 400_000 },
      { metric: 'dispatched', n: 10 }, { metric: 'returned', n: 2 }, { metric: 'sign_due', n: 10 }, { metric: 'signed_on_time', n: 9 },
      { metric: 'clock_on_time', n: 3 }, { metric: 'clock_late', n: 1 }, { metric: 'closed', n: 4 },
    ]);
    const body = (await stats()).body;
    expect(body.timeliness).toEqual([
      { department: 'intake-440000', decisions: 6, onTimeRate: 1 },
      { department: 'samr-440106', decisions: 5, onTimeRate: 0.8 },
      { department: 'samr-440300', decisions: null, onTimeRate: null },
    ]);
    expect(body.satisfaction).toEqual([
      { serviceClass: 'producer', rate: 0.875, n: 8, target: 0.85 },
      { serviceClass: 'consumer', rate: null, n: null, target: 0.8 },
    ]);
    // Four closed cases: no median.
    expect(body.medianWorkingDaysToClose).toBeNull();
    expect(body.rewards).toEqual({ approved: 5, paid: null, paidFen: null });
    const samr = body.kpis.find((k: { department: string }) => k.department === 'samr-440106');
    expect(samr).toEqual({ department: 'samr-440106', n: 10, signRate: 0.9, onTimeRate: null, returnRate: 0.2, rehandleRate: null, satisfactionRate: 0.917 });

    await counters([{ metric: closeWdMetric(4), month: '2026-11', n: 1 }, { metric: 'reward_paid', month: '2026-11', n: 1 },
      { metric: 'reward_paid_fen', month: '2026-11', n: 50_000 }]);
    const after = (await stats()).body;
    expect(after.medianWorkingDaysToClose).toBe(4);
    expect(after.rewards).toEqual({ approved: 5, paid: 5, paidFen: 450_000 });
  });
});

describe('the median and the ranking', () => {
  const histogram = (entries: [number, number][]) => new Map(entries.map(([days, n]) => [closeWdMetric(days), n]));
  it('takes the mean of the two middle values for an even count, and says 61 past 60 working days', () => {
    expect(medianOf(histogram([[1, 3], [4, 3]]))).toBe(2.5);
    expect(medianOf(histogram([[0, 2], [3, 1], [7, 3]]))).toBe(5);
    expect(medianOf(histogram([[10, 2], [70, 4]]))).toBe(61);
    expect(medianOf(histogram([[3, 4]]))).toBeNull();
  });
  it('ranks on published values only, the suppressed after them in their given order', () => {
    const ranked = rankByPublished([{ k: 'a', v: null }, { k: 'b', v: 5 }, { k: 'c', v: null }, { k: 'd', v: 9 }], (x) => x.v);
    expect(ranked.map((x) => x.k)).toEqual(['d', 'b', 'a', 'c']);
  });
});
