/** The queue's default order (open by due date, then open without a clock, closed last), its search, and paging over both. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: TestStaff;
let intake: TestStaff;
const n = {} as { closed: string; paused: string; report: string; complaint: string; injury: string };

const submit = async (body: unknown) => (await call(t.app, 'POST', '/api/v1/cases', body)).body.caseNumber as string;
// A fresh sign-in for each call: the tests move the clock past a session's idle time.
const as = async (who: TestStaff) => bearer(await who.login());
const act = async (caseNumber: string, who: TestStaff, body: Record<string, unknown>) => {
  const res = await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, body, await as(who));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
};
const queue = async (query: string, who = intake) => {
  const res = await call(t.app, 'GET', `/api/v1/staff/cases${query}`, undefined, await as(who));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: { caseNumber: string; status: string; nextDueAt: string | null }[]; nextCursor: string | null };
};
const numbersOf = (page: { items: { caseNumber: string }[] }) => page.items.map((i) => i.caseNumber);

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-02T09:00:00+08:00' });
  handler = await createStaff(t, { role: 'handler' });
  intake = await createStaff(t, { role: 'intake', department: 'intake-440000' });
  // Filed first, closed first: a closed case must still come last.
  n.closed = await submit(complaint({ subject: { name: '早关闭贸易有限公司', creditCode: '91440101MA5CJQ4N59' } }));
  n.paused = await submit(complaint({ subject: { name: '暂停检测电器有限公司' } }));
  n.report = await submit(report({ subject: { name: '某某食品有限公司', address: '广州市天河区' } }));
  n.complaint = await submit(complaint({ subject: { name: '某某食品有限公司' } }));
  n.injury = await submit(injury({ region: '440106', severity: 'minor', subject: { name: '某某玩具厂' } }));
  await act(n.closed, handler, { action: 'accept' });
  await act(n.closed, handler, { action: 'close', reply: '已调解退款' });
  // Paused for testing: no clock running, still open.
  await act(n.paused, handler, { action: 'pause', reason: '送检' });
  t.clock.set('2026-11-02T10:00:00+08:00');
});
afterAll(async () => { await t.close(); });

describe('queue order', () => {
  it('puts open cases by due date first, open cases without a clock next, closed cases last', async () => {
    for (const who of [intake, handler]) {
      const page = await queue('', who);
      // injury: 1 WD; complaint: 7 WD; report: 15 WD; then the paused complaint; the closed one last.
      expect(numbersOf(page)).toEqual([n.injury, n.complaint, n.report, n.paused, n.closed]);
      expect(page.items.at(-1)).toMatchObject({ status: 'closed', nextDueAt: null });
      expect(page.items.at(-2)).toMatchObject({ status: 'received', nextDueAt: null });
    }
  });

  it('pages over that order with the cursor, without gaps or repeats', async () => {
    const all = numbersOf(await queue('?limit=50'));
    for (const size of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await queue(`?limit=${size}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        seen.push(...numbersOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(all);
    }
  });

  it('does not count a closed case as overdue or due soon', async () => {
    t.clock.set('2026-12-31T10:00:00+08:00');
    const overdue = numbersOf(await queue('?overdue=1'));
    expect(overdue).not.toContain(n.closed);
    expect(overdue).not.toContain(n.paused);
    expect(overdue).toEqual([n.injury, n.complaint, n.report]);
    t.clock.set('2026-11-02T10:00:00+08:00');
  });
});

describe('queue search', () => {
  it('finds a case by its number, in any letter case', async () => {
    expect(numbersOf(await queue(`?q=${n.report}`))).toEqual([n.report]);
    expect(numbersOf(await queue(`?q=${encodeURIComponent(` ${n.report.toLowerCase()} `)}`))).toEqual([n.report]);
  });

  it('finds cases by the credit code, exactly', async () => {
    expect(numbersOf(await queue('?q=91440101ma5cjq4n59'))).toEqual([n.closed]);
    expect(numbersOf(await queue('?q=91440101MA5CJQ4N58'))).toEqual([]);
  });

  it('finds cases by the start of the business name, in queue order, and pages them', async () => {
    const q = `?q=${encodeURIComponent('某某')}`;
    expect(numbersOf(await queue(q))).toEqual([n.injury, n.complaint, n.report]);
    expect(numbersOf(await queue(`?q=${encodeURIComponent('某某食品')}`))).toEqual([n.complaint, n.report]);
    expect(numbersOf(await queue(`?q=${encodeURIComponent('食品')}`))).toEqual([]);
    const first = await queue(`${q}&limit=2`);
    expect(numbersOf(first)).toEqual([n.injury, n.complaint]);
    const second = await queue(`${q}&limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(numbersOf(second)).toEqual([n.report]);
    expect(second.nextCursor).toBeNull();
  });

  it('combines a search with the filters, and searches only the cases the caller may see', async () => {
    expect(numbersOf(await queue(`?q=${encodeURIComponent('某某')}&kind=complaint`))).toEqual([n.complaint]);
    const elsewhere = await submit(complaint({ region: '440304', subject: { name: '某某深圳分店' } }));
    expect(numbersOf(await queue(`?q=${elsewhere}`, handler))).toEqual([]);
    expect(numbersOf(await queue(`?q=${encodeURIComponent('某某深圳')}`, handler))).toEqual([]);
    expect(numbersOf(await queue(`?q=${encodeURIComponent('某某深圳')}`))).toEqual([elsewhere]);
  });

  it('refuses a search over 100 characters with a 400 naming q, and treats a blank one as none', async () => {
    const res = await call(t.app, 'GET', `/api/v1/staff/cases?q=${'某'.repeat(101)}`, undefined, await as(intake));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('q');
    expect(numbersOf(await queue('?q=%20%20'))).toHaveLength(6);
  });
});
