/**
 * Racing writes: of parallel steps on one reward (or one case), one commits and the others roll back
 * whole, leaving no event, audit entry or mail behind (the write guard, db/migrations/0021).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

/**
 * Holds every batch until `n` have arrived (or a second has passed), so that all the racing requests
 * have read the row before any of them writes: the interleaving a busy server produces.
 */
function holdBatches(n: number) {
  const original = t.deps.batch;
  let waiting: (() => void)[] = [];
  t.deps.batch = async (...args) => {
    await new Promise<void>((release) => {
      waiting.push(release);
      if (waiting.length >= n) { for (const r of waiting) r(); waiting = []; }
      setTimeout(release, 1000);
    });
    return original(...args);
  };
  return () => { t.deps.batch = original; };
}

const login = async (role: 'handler' | 'supervisor' | 'reward_officer' | 'reward_approver') => bearer(await (await createStaff(t, { role })).login());
const count = async (table: 'case_events' | 'audit_log', column: 'event' | 'action', value: string) =>
  (await t.deps.db.selectFrom(table).select(column).where(column, '=', value).execute()).length;

async function penalised() {
  const filed = await call(t.app, 'POST', '/api/v1/cases', report({
    reward: true, reporter: { anonymous: false, name: '李四', phone: '13800138000', address: '广州市天河区天河路2号', email: 'lisi@example.cn' },
  }));
  expect(filed.status).toBe(201);
  const n = filed.body.caseNumber as string;
  const handler = await login('handler');
  for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 0 }]) {
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, handler)).status).toBe(200);
  }
  return { n };
}

describe('racing reward steps', () => {
  it('approves once when several approvers press at the same time: one event, one audit entry, one mail', async () => {
    const { n } = await penalised();
    const officer = await login('reward_officer');
    for (const body of [{ action: 'assess', eligible: true }, { action: 'propose', level: 3, note: '证据确凿' }]) {
      expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, body, officer)).status).toBe(200);
    }
    const approvers = await Promise.all(Array.from({ length: 6 }, () => login('reward_approver')));
    const release = holdBatches(approvers.length);
    const answers = await Promise.all(approvers.map((a) => call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, { action: 'approve' }, a)));
    release();
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    const lost = answers.filter((a) => a.status === 409);
    expect(lost).toHaveLength(5);
    for (const a of lost) expect(a.body.error.code).toBe('conflict');
    expect(await count('case_events', 'event', 'reward_notified')).toBe(1);
    expect(await count('audit_log', 'action', 'reward.approve')).toBe(1);
    expect((await t.deps.db.selectFrom('outbox').select('id').where('template', '=', 'reward_notified').execute())).toHaveLength(1);
  });
});

describe('racing case actions', () => {
  it('takes one of several parallel transitions from the same state', async () => {
    const { n } = await penalised();
    const supervisors = await Promise.all(Array.from({ length: 6 }, () => login('supervisor')));
    const release = holdBatches(supervisors.length);
    const answers = await Promise.all(supervisors.map((h) =>
      call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'close', reply: '已作出处罚决定，本件办结。' }, h)));
    release();
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(5);
    expect(await count('case_events', 'event', 'close')).toBe(1);
    expect(await count('audit_log', 'action', 'case.close')).toBe(1);
  });
});
