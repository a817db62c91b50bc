/** Referral for prosecution (移送司法机关) through the API: the department refers, the reporter sees it, a supervisor closes. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
let supervisor: Record<string, string>;

beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  const [h, s] = await Promise.all([createStaff(t, { role: 'handler' }), createStaff(t, { role: 'supervisor' })]);
  handler = bearer(await h!.login());
  supervisor = bearer(await s!.login());
});
afterEach(async () => { await t.close(); });

const act = (n: string, headers: Record<string, string>, body: Record<string, unknown>) =>
  call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, headers);

describe('refer_prosecution', () => {
  it('refers an opened report, shows the reporter a decision, and a supervisor closes it', async () => {
    const filed = (await call(t.app, 'POST', '/api/v1/cases', report())).body;
    const n = filed.caseNumber as string;
    const reporter = bearer((await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.receipt })).body.token);

    // Not before the case is opened.
    expect((await act(n, handler, { action: 'refer_prosecution' })).status).toBe(409);
    await act(n, handler, { action: 'start_verification' });
    let c = (await act(n, handler, { action: 'open_case' })).body;
    expect(c.allowedActions).toContain('refer_prosecution');

    const res = await act(n, handler, { action: 'refer_prosecution', reason: '涉嫌生产、销售伪劣产品罪，移送公安机关。' });
    expect(res.status).toBe(200);
    c = res.body;
    expect(c.status).toBe('referred');
    expect(c.allowedActions).not.toContain('decide_penalty');
    expect(c.timeline.at(-1)).toMatchObject({ event: 'refer_prosecution' });

    let followup = (await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body;
    expect(followup).toMatchObject({ caseNumber: n, publicStatus: 'decided' });
    expect(followup.timeline.map((e: { event: string }) => e.event)).toEqual(['received', 'start_verification', 'open_case', 'refer_prosecution']);
    // The referral's reasons are the department's, not the reporter's.
    expect(JSON.stringify(followup.timeline)).not.toContain('公安机关');

    expect((await act(n, handler, { action: 'close', reply: '已移送司法机关。' })).status).toBe(403);
    c = (await act(n, supervisor, { action: 'close', reply: '经核查，已移送司法机关依法处理。感谢您的举报。' })).body;
    expect(c.status).toBe('closed');
    expect(c.timeline.map((e: { event: string }) => e.event)).toEqual([
      'received', 'routed', 'start_verification', 'open_case', 'refer_prosecution', 'close',
    ]);
    followup = (await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body;
    expect(followup.publicStatus).toBe('closed');
    expect(followup.messages.at(-1)).toMatchObject({ from: 'department', body: '经核查，已移送司法机关依法处理。感谢您的举报。' });
  });
});
