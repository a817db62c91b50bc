import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
let intake: Record<string, string>;
const numbers: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T09:00:00+08:00' });
  // Reports (15 WD), complaints (7 WD), a minor injury (1 WD), received on different days.
  for (const [when, body] of [
    ['2026-11-02T09:00:00+08:00', report()], ['2026-11-02T10:00:00+08:00', complaint()],
    ['2026-11-03T09:00:00+08:00', complaint()], ['2026-11-04T09:00:00+08:00', injury({ region: '440106', severity: 'minor' })],
    ['2026-11-04T10:00:00+08:00', complaint({ category: 'service.catering' })], ['2026-11-04T11:00:00+08:00', report({ category: 'other' })],
  ] as const) {
    t.clock.set(when);
    numbers.push((await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber);
  }
  t.clock.set('2026-11-04T12:00:00+08:00');
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  intake = bearer(await (await createStaff(t, { role: 'intake', department: 'intake-440000' })).login());
});
afterAll(async () => { await t.close(); });

const queue = async (query: string, who = handler) => (await call(t.app, 'GET', `/api/v1/staff/cases${query}`, undefined, who)).body;

describe('department queue', () => {
  it('sorts by the next due date', async () => {
    const q = await queue('');
    const dues = q.items.map((i: { nextDueAt: string }) => i.nextDueAt);
    expect(dues).toEqual([...dues].sort());
    expect(q.items[0].due).toEqual([{ clock: 'triage', dueAt: dues[0], provisional: false }]);
    expect(q.items[0].kind).toBe('injury');
    expect(q.items[0]).toMatchObject({ reporter: expect.stringMatching(/^R-[0-9A-Z]{4}$/), department: { code: 'samr-440106' } });
  });

  it('pages with a keyset cursor without gaps or repeats', async () => {
    const all = (await queue('?limit=50')).items.map((i: { caseNumber: string }) => i.caseNumber);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await queue(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i: { caseNumber: string }) => i.caseNumber));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all).toHaveLength(5);
  });

  it('filters by status, kind, category and due soon, with counts', async () => {
    expect((await queue('?kind=complaint')).items).toHaveLength(3);
    expect((await queue('?category=service.catering')).items).toHaveLength(1);
    expect((await queue('?status=verifying')).items).toHaveLength(0);
    // Every case here is 'received', a common status: read along the queue index, the same rows in
    // the same order, paged the same way, for a department and for the intake centre.
    const caseNumbers = (page: { items: { caseNumber: string }[] }) => page.items.map((i) => i.caseNumber);
    expect(caseNumbers(await queue('?status=received'))).toEqual(caseNumbers(await queue('')));
    const firstTwo = await queue('?status=received&limit=2');
    const nextTwo = await queue(`?status=received&limit=2&cursor=${encodeURIComponent(firstTwo.nextCursor)}`);
    expect([...caseNumbers(firstTwo), ...caseNumbers(nextTwo)]).toEqual(caseNumbers(await queue('')).slice(0, 4));
    expect(caseNumbers(await queue('?status=received&kind=report', intake))).toEqual(caseNumbers(await queue('?kind=report', intake)));
    expect((await queue('?status=received', intake)).items).toHaveLength(6);
    const soon = await queue('?dueSoon=true');
    // The injury is due at the end of 11-05, within 2 working days of 11-04.
    expect(soon.items.map((i: { kind: string }) => i.kind)).toEqual(['injury']);
    expect(soon.counts).toMatchObject({ total: 5, dueSoon: 1, overdue: 0, byStatus: { received: 5 } });
  });

  it('shows the intake centre every case and its triage queue', async () => {
    const all = await queue('', intake);
    expect(all.items).toHaveLength(6);
    const triage = await queue('?triage=true', intake);
    expect(triage.items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([numbers[5]]);
    expect(triage.items[0].department).toBeNull();
    expect(all.counts.triage).toBe(1);
  });

  it('refuses a bad cursor or limit with 400', async () => {
    expect((await call(t.app, 'GET', '/api/v1/staff/cases?cursor=%%%', undefined, handler)).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/v1/staff/cases?limit=0', undefined, handler)).status).toBe(400);
    expect((await call(t.app, 'GET', '/api/v1/staff/cases?limit=5000', undefined, handler)).status).toBe(400);
  });

  it('shows a co-handling department its own and its co-handled cases in one sorted, paged queue', async () => {
    const provincial = bearer(await (await createStaff(t, { role: 'handler', department: 'samr-440000' })).login());
    // A serious injury in 福田区 is led by 福田区 SAMR and co-handled by the provincial SAMR.
    const injured = (await call(t.app, 'POST', '/api/v1/cases', injury())).body.caseNumber;
    const own = (await call(t.app, 'POST', '/api/v1/cases', report({ category: 'product.food', region: '440000' }))).body.caseNumber;
    const all = (await queue('?limit=10', provincial)).items.map((i: { caseNumber: string }) => i.caseNumber);
    expect(all).toEqual([injured, own]);
    const first = await queue('?limit=1', provincial);
    const second = await queue(`?limit=1&cursor=${encodeURIComponent(first.nextCursor)}`, provincial);
    expect([...first.items, ...second.items].map((i: { caseNumber: string }) => i.caseNumber)).toEqual(all);
    expect(first.counts.total).toBe(2);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${injured}`, undefined, provincial)).status).toBe(200);
  });
});
