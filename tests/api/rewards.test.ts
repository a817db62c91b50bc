/** Rewards through the staff API: assess, propose, approve by a second person, expiry by the sweeper. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeMail } from '../../server/notify/message.js';
import { claimReward } from '../../server/rewards/claim.service.js';
import { sweepClocks } from '../../server/notify/sweeper.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let staff: Record<'handler' | 'officer' | 'approver' | 'officer2' | 'intake', TestStaff>;
let h: Record<keyof typeof staff, Record<string, string>>;

/** Sessions expire when the test clock jumps: everyone signs in again at the new time. */
async function signIn() {
  const entries = await Promise.all(Object.entries(staff).map(async ([k, s]) => [k, bearer(await s.login())] as const));
  h = Object.fromEntries(entries) as typeof h;
}

beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  staff = {
    handler: await createStaff(t, { role: 'handler' }),
    officer: await createStaff(t, { role: 'reward_officer' }),
    approver: await createStaff(t, { role: 'reward_approver' }),
    officer2: await createStaff(t, { role: 'reward_officer' }),
    intake: await createStaff(t, { role: 'intake', department: 'intake-440000' }),
  };
  await signIn();
});
afterEach(async () => { await t.close(); });

const submit = async (body: unknown) => {
  const res = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
};
const act = (n: string, headers: Record<string, string>, body: Record<string, unknown>) =>
  call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, headers);
const reward = (n: string, headers: Record<string, string>, body: Record<string, unknown>) =>
  call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, body, headers);
const view = async (n: string, headers: Record<string, string>) => (await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, headers)).body;

/** A report asking for a reward, taken by the handling department to a penalty of `fineFen`. */
async function penalisedReport(fineFen: number, over: Record<string, unknown> = {}) {
  const n = await submit(report({ reward: true, ...over }));
  for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen }]) {
    expect((await act(n, h.handler, body)).status).toBe(200);
  }
  return n;
}

describe('reward approval', () => {
  it('goes requested → eligible → proposed → notified with a second person approving', async () => {
    const n = await submit(report({ reward: true }));
    expect((await view(n, h.officer)).reward).toMatchObject({ status: 'requested' });
    // not before the penalty is decided
    expect((await reward(n, h.officer, { action: 'assess', eligible: true })).status).toBe(409);
    for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 100_000_000 }]) {
      await act(n, h.handler, body);
    }
    let res = await reward(n, h.officer, { action: 'assess', eligible: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ caseNumber: n, status: 'eligible', fineFen: 100_000_000, allowedActions: ['propose'] });
    res = await reward(n, h.officer, { action: 'propose', level: 2, note: '线索具体，协助查处' });
    // 3 % of 1,000,000 CNY = 30,000 CNY
    expect(res.body).toMatchObject({ status: 'proposed', level: 2, amountFen: 3_000_000, financeSignOffRequired: false, proposedBy: staff.officer.username });

    const queue = await call(t.app, 'GET', '/api/v1/staff/rewards?status=proposed', undefined, h.approver);
    expect(queue.status).toBe(200);
    expect(queue.body).toEqual({
      items: [{ caseNumber: n, status: 'proposed', level: 2, fineFen: 100_000_000, amountFen: 3_000_000, financeSignOffRequired: false, updatedAt: expect.any(String) }],
      nextCursor: null,
    });

    res = await reward(n, h.approver, { action: 'approve' });
    expect(res.status).toBe(200);
    // 30 working days from Mon 2 Nov 2026
    expect(res.body).toMatchObject({ status: 'notified', approvedBy: staff.approver.username, claimBy: '2026-12-14T23:59:59.999+08:00' });
    const c = await view(n, h.officer);
    expect(c.reward).toMatchObject({ status: 'notified', amountFen: 3_000_000, claimBy: '2026-12-14T23:59:59.999+08:00' });
    expect(c.allowedActions).toEqual([]);
    const events = c.timeline.filter((e: any) => e.event.startsWith('reward_'));
    expect(events.map((e: any) => [e.event, e.public])).toEqual([['reward_eligible', false], ['reward_proposed', false], ['reward_notified', true]]);
    const audit = t.store.sqlite.prepare("SELECT action FROM audit_log WHERE action LIKE 'reward.%' ORDER BY seq").all();
    expect(audit).toEqual([{ action: 'reward.assess' }, { action: 'reward.propose' }, { action: 'reward.approve' }]);
  });

  it('refuses the proposer approving their own proposal', async () => {
    // an account holding the approver role that proposed: the same username on both steps
    const n = await penalisedReport(0);
    await reward(n, h.officer, { action: 'assess', eligible: true });
    await reward(n, h.officer, { action: 'propose', level: 3, note: 'n' });
    await t.store.sqlite.prepare('UPDATE rewards SET proposed_by = ?').run(staff.approver.username);
    const res = await reward(n, h.approver, { action: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/not be the person who proposed/);
    // and the officer cannot approve at all
    expect((await reward(n, h.officer, { action: 'approve' })).status).toBe(403);
  });

  it('needs finance sign-off to approve 500,000 CNY', async () => {
    const n = await penalisedReport(1_000_000_000);
    await reward(n, h.officer, { action: 'assess', eligible: true });
    const proposed = await reward(n, h.officer, { action: 'propose', level: 1, note: '重大案件' });
    expect(proposed.body).toMatchObject({ amountFen: 50_000_000, financeSignOffRequired: true });
    const res = await reward(n, h.approver, { action: 'approve' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const ok = await reward(n, h.approver, { action: 'approve', financeSignOff: true });
    expect(ok.body).toMatchObject({ status: 'notified', financeSignOff: true });
  });

  it('refuses an action out of order and other roles', async () => {
    const n = await penalisedReport(0);
    const early = await reward(n, h.officer, { action: 'propose', level: 1, note: 'n' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/Allowed now: assess/);
    expect((await reward(n, h.officer, { action: 'record_payment', paymentRef: 'P-1' })).status).toBe(409);
    expect((await reward(n, h.handler, { action: 'assess', eligible: true })).status).toBe(403);
    for (const role of ['handler', 'intake'] as const) {
      expect((await call(t.app, 'GET', '/api/v1/staff/rewards', undefined, h[role])).status).toBe(403);
      expect((await call(t.app, 'GET', '/api/v1/staff/rewards/rules', undefined, h[role])).status).toBe(403);
    }
    const rules = await call(t.app, 'GET', '/api/v1/staff/rewards/rules', undefined, h.approver);
    expect(rules.body).toMatchObject({ capFen: 100_000_000, claimWindowWorkingDays: 30 });
    expect((await reward(n, h.officer, { action: 'assess', eligible: false })).status).toBe(400);
    const no = await reward(n, h.officer, { action: 'assess', eligible: false, reason: '线索不实' });
    expect(no.body).toMatchObject({ status: 'ineligible', reason: '线索不实', allowedActions: [] });
  });

  it('lets reward staff read only cases with a reward, and act on none', async () => {
    const n = await penalisedReport(0);
    const plain = await submit(report({ reward: false }));
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, h.officer2)).status).toBe(200);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${plain}`, undefined, h.officer2)).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/v1/staff/cases/GD2026110299999', undefined, h.officer2)).status).toBe(403);
    expect((await call(t.app, 'GET', '/api/v1/staff/cases', undefined, h.officer2)).status).toBe(403);
    expect((await act(n, h.officer2, { action: 'note', note: 'x' })).status).toBe(403);
    expect((await view(plain, h.handler)).reward).toBeNull();
  });
});

describe('reward exclusions', () => {
  it('rewards only the earlier of two merged reports, whichever way they were merged', async () => {
    for (const earlierIntoLater of [false, true]) {
      const first = await submit(report({ reward: true }));
      t.clock.advance(60_000);
      const second = await submit(report({ reward: true }));
      const [from, into] = earlierIntoLater ? [first, second] : [second, first];
      expect((await act(from, h.handler, { action: 'merge', into })).status).toBe(200);
      for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 0 }]) {
        expect((await act(into, h.handler, body)).status).toBe(200);
      }
      const later = await reward(second, h.officer, { action: 'assess', eligible: true });
      expect(later.status).toBe(409);
      expect(later.body.error.message).toMatch(/earlier report of the same facts/);
      expect((await reward(first, h.officer, { action: 'assess', eligible: true })).body).toMatchObject({ status: 'eligible' });
    }
  });
});

describe('reward notice by mail', () => {
  it('mails a named reporter with e-mail that a reward was approved, and nobody else', async () => {
    const named = await penalisedReport(100_000_000, { reporter: { anonymous: false, name: '李四', phone: '13900139000', email: 'li.si@example.com' } });
    const anonymous = await penalisedReport(100_000_000);
    for (const n of [named, anonymous]) {
      await reward(n, h.officer, { action: 'assess', eligible: true });
      await reward(n, h.officer, { action: 'propose', level: 2, note: 'n' });
      expect((await reward(n, h.approver, { action: 'approve' })).status).toBe(200);
    }
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('template', '=', 'reward_notified').execute();
    expect(rows).toHaveLength(1);
    const mail = await composeMail(t.deps, rows[0]!);
    expect(mail.to).toBe('li.si@example.com');
    expect(mail.subject).toContain(named);
    expect(mail.text).toContain('/followup');
    expect(mail.text).not.toContain(report().description as string);
  });
});

describe('reward after a referral', () => {
  it('assesses a referred report, closed since, at the minimum of its level', async () => {
    const supervisor = bearer(await (await createStaff(t, { role: 'supervisor' })).login());
    const n = await submit(report({ reward: true }));
    for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'refer_prosecution' }]) {
      expect((await act(n, h.handler, body)).status).toBe(200);
    }
    expect((await act(n, supervisor, { action: 'close', reply: '已移送公安机关。' })).body.status).toBe('closed');
    expect((await reward(n, h.officer, { action: 'assess', eligible: true })).body).toMatchObject({ status: 'eligible', fineFen: 0 });
    expect((await reward(n, h.officer, { action: 'propose', level: 1, note: 'n' })).body).toMatchObject({ amountFen: 500_000 });
  });
});

describe('reward exclusions by relation', () => {
  it('refuses an eligible agency_staff reporter with the reason, and records the ineligibility', async () => {
    const n = await penalisedReport(0, { reporter: { anonymous: true, relation: 'agency_staff' } });
    const res = await reward(n, h.officer, { action: 'assess', eligible: true });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/agency_staff is not eligible/);
    const no = await reward(n, h.officer, { action: 'assess', eligible: false, reason: '本机关工作人员' });
    expect(no.body).toMatchObject({ status: 'ineligible', reason: '本机关工作人员' });
  });

  it('takes an uplift only for an insider, within the cap', async () => {
    const plain = await penalisedReport(0, { reporter: { anonymous: true, relation: 'none' } });
    await reward(plain, h.officer, { action: 'assess', eligible: true });
    expect((await reward(plain, h.officer, { action: 'propose', level: 3, note: 'n', upliftFen: 10_000 })).status).toBe(400);
    const insider = await penalisedReport(0, { reporter: { anonymous: true, relation: 'insider' } });
    await reward(insider, h.officer, { action: 'assess', eligible: true });
    const res = await reward(insider, h.officer, { action: 'propose', level: 3, note: 'n', upliftFen: 50_000 });
    expect(res.body).toMatchObject({ status: 'proposed', amountFen: 150_000, upliftFen: 50_000 });
  });
});

describe('claim and payment', () => {
  it('takes a claim before claimBy, then the payment; refuses a claim after it', async () => {
    const ids = [];
    for (let i = 0; i < 2; i++) {
      const n = await penalisedReport(0);
      await reward(n, h.officer, { action: 'assess', eligible: true });
      await reward(n, h.officer, { action: 'propose', level: 3, note: 'n' });
      await reward(n, h.approver, { action: 'approve' });
      ids.push([n, (t.store.sqlite.prepare('SELECT id FROM cases WHERE case_number = ?').get(n) as { id: string }).id] as const);
    }
    const [[paid, paidId], [late, lateId]] = ids as [readonly [string, string], readonly [string, string]];
    expect(await claimReward(t.deps, paidId)).toMatchObject({ status: 'claimed', amountFen: 100_000, claimBy: '2026-12-14T23:59:59.999+08:00' });
    await expect(claimReward(t.deps, paidId)).rejects.toMatchObject({ code: 'conflict' });
    expect((await reward(paid, h.approver, { action: 'record_payment', paymentRef: 'P-1' })).status).toBe(403);
    const res = await reward(paid, h.officer, { action: 'record_payment', paymentRef: 'BANK-2026-0001' });
    expect(res.body).toMatchObject({ status: 'paid', paymentRef: 'BANK-2026-0001', paidAt: expect.any(String) });

    t.clock.set('2026-12-15T08:00:00+08:00');
    await expect(claimReward(t.deps, lateId)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/claim period ended/) });
    await sweepClocks(t.deps);
    await signIn();
    expect((await view(late, h.officer)).reward).toMatchObject({ status: 'expired' });
  });
});

describe('reward expiry', () => {
  it('expires a notified reward past its claim date in the sweep', async () => {
    const n = await penalisedReport(0);
    await reward(n, h.officer, { action: 'assess', eligible: true });
    await reward(n, h.officer, { action: 'propose', level: 3, note: 'n' });
    await reward(n, h.approver, { action: 'approve' });
    t.clock.set('2026-12-14T23:00:00+08:00');
    await sweepClocks(t.deps);
    const row = () => t.store.sqlite.prepare('SELECT status FROM rewards').get() as { status: string };
    expect(row().status).toBe('notified');
    t.clock.set('2026-12-15T00:00:01+08:00');
    await sweepClocks(t.deps);
    await sweepClocks(t.deps);
    expect(row().status).toBe('expired');
    await signIn();
    const c = await view(n, h.officer);
    expect(c.timeline.filter((e: any) => e.event === 'reward_expired')).toEqual([expect.objectContaining({ public: true, actor: 'system' })]);
    expect(t.store.sqlite.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'reward.expire'").get()).toEqual({ n: 1 });
  });
});
