/** Satisfaction that acts: staff see the rating (redacted), low ratings reach the intake centre's re-handling list. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
let supervisor: Record<string, string>;
let intake: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp();
  const [h, s, i] = await Promise.all([
    createStaff(t, { role: 'handler' }), createStaff(t, { role: 'supervisor' }), createStaff(t, { role: 'intake', department: 'intake-440000' }),
  ]);
  [handler, supervisor, intake] = [bearer(await h.login()), bearer(await s.login()), bearer(await i.login())];
});
afterEach(async () => { await t.close(); });

const act = (n: string, who: Record<string, string>, body: Record<string, unknown>) =>
  call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, who);
const rate = (reporter: Record<string, string>, body: unknown) => call(t.app, 'POST', '/api/v1/followup/satisfaction', body, reporter);
const suggestions = async (who = intake) => (await call(t.app, 'GET', '/api/v1/staff/rehandle-suggestions', undefined, who));

/** A complaint filed, followed up with its receipt, and (unless `open`) closed. */
async function closedCase(open = false) {
  const filed = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body;
  const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.receipt });
  const reporter = bearer(login.body.token);
  if (!open) {
    expect((await act(filed.caseNumber, handler, { action: 'accept' })).status).toBe(200);
    expect((await act(filed.caseNumber, handler, { action: 'close', reply: '商家已退款。' })).status).toBe(200);
  }
  return { caseNumber: filed.caseNumber as string, reporter };
}

describe('satisfaction that acts', () => {
  it('shows the rating to staff with the comment redacted, on the case and its timeline, and keeps the original sealed', async () => {
    const { caseNumber, reporter } = await closedCase();
    const before = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
    expect(before.satisfaction).toBeNull();
    const words = '张三我不满意，请打13912345678找我。';
    expect((await rate(reporter, { rating: 2, resolved: false, comment: words })).status).toBe(201);
    const c = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
    expect(c.satisfaction).toMatchObject({ score: 2, resolved: false, at: expect.any(String) });
    expect(c.satisfaction.comment).toContain('不满意');
    expect(c.satisfaction.comment).not.toContain('13912345678');
    expect(c.satisfaction.comment).not.toContain('张三');
    const rated = c.timeline.find((e: { event: string }) => e.event === 'rated');
    expect(rated).toMatchObject({ public: false, data: { score: 2, resolved: false } });
    const sealed = await t.deps.db.selectFrom('sealed_satisfaction').selectAll().execute();
    expect(sealed).toHaveLength(1);
    expect(sealed[0]!.ciphertext).not.toContain('13912345678');
    // The reporter's follow-up timeline does not show the staff event.
    const view = (await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body;
    expect(view.timeline.map((e: { event: string }) => e.event)).not.toContain('rated');
  });

  it('puts a low rating and a "not resolved" on the intake centre\'s re-handling list, a good one not', async () => {
    const low = await closedCase();
    const unresolved = await closedCase();
    const good = await closedCase();
    await rate(low.reporter, { rating: 1, resolved: true });
    await rate(unresolved.reporter, { rating: 4, resolved: false });
    await rate(good.reporter, { rating: 5, resolved: true });
    const res = await suggestions();
    expect(res.status).toBe(200);
    const items = res.body.items as { caseNumber: string; score: number; resolved: boolean; rehandled: boolean; department: string; ratedAt: string }[];
    expect(items.map((i) => i.caseNumber).sort()).toEqual([low.caseNumber, unresolved.caseNumber].sort());
    expect(items.find((i) => i.caseNumber === low.caseNumber)).toMatchObject({ score: 1, resolved: true, rehandled: false, department: 'samr-440106' });
    // The overview counts them per department (ratings given in the period).
    const overview = (await call(t.app, 'GET', '/api/v1/staff/overview', undefined, intake)).body;
    const tianhe = overview.departments.find((d: { department: { code: string } }) => d.department.code === 'samr-440106');
    expect(tianhe.rehandleSuggested).toBe(2);
    expect(overview.totals.rehandleSuggested).toBe(2);
    // Once re-handled, the suggestion says so.
    expect((await act(low.caseNumber, intake, { action: 'rehandle', reason: '举报人不满意' })).status).toBe(200);
    const after = (await suggestions()).body.items.find((i: { caseNumber: string }) => i.caseNumber === low.caseNumber);
    expect(after.rehandled).toBe(true);
  });

  it('answers 403 to staff other than the intake centre, 401 without a session', async () => {
    expect((await suggestions(handler)).status).toBe(403);
    expect((await suggestions(supervisor)).status).toBe(403);
    expect((await suggestions({})).status).toBe(401);
  });

  it('takes a rating once (409 the second time) and not before closing (409)', async () => {
    const open = await closedCase(true);
    const early = await rate(open.reporter, { rating: 3, resolved: true });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('conflict');
    const { caseNumber, reporter } = await closedCase();
    expect((await rate(reporter, { rating: 3, resolved: true })).status).toBe(201);
    const again = await rate(reporter, { rating: 1, resolved: false });
    expect(again.status).toBe(409);
    const c = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
    expect(c.satisfaction.score).toBe(3);
    expect(c.timeline.filter((e: { event: string }) => e.event === 'rated')).toHaveLength(1);
  });

  it('answers a bad rating with the error list', async () => {
    const { reporter } = await closedCase();
    const bad = await rate(reporter, { rating: 0, resolved: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });
});
