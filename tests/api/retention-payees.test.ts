/** The retention purge and reward payee details: kept while the reward is on its way to payment, purged once settled. */
import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/identity/retention.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { notifiedReward } from '../helpers/rewards.js';
import { bearer } from '../helpers/staff.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const payee = { name: '王五', idNumber: '11010519491231002X', bankAccount: '6222 0212 3456 7890 123' };

/** A claimed reward on a case closed long ago (past the retention period). */
async function claimedOnOldCase(app: TestApp) {
  const reward = await notifiedReward(app);
  const login = await call(app.app, 'POST', '/api/v1/followup/login', { receipt: reward.receipt });
  expect((await call(app.app, 'POST', '/api/v1/followup/reward-claim', { payee }, bearer(login.body.token))).status).toBe(201);
  await app.store.db.updateTable('cases').set({ status: 'closed', closed_at: '2020-01-02T10:00:00.000+08:00' })
    .where('id', '=', reward.caseId).execute();
  return reward;
}

const payees = (app: TestApp, caseId: string) =>
  app.store.db.selectFrom('reward_payees').select('case_id').where('case_id', '=', caseId).execute();

describe('retention purge: reward payees', () => {
  it('keeps the payee of a claimed reward that is not paid yet, and purges it once paid', async () => {
    const app = (t = await createTestApp());
    const reward = await claimedOnOldCase(app);

    const first = await purgeExpired(app.deps);
    expect(first.purged.map((p) => p.caseNumber)).toContain(reward.caseNumber);
    expect(await payees(app, reward.caseId)).toHaveLength(1);

    // Paid since: the next purge run removes the payee of the already purged case, audited.
    await app.store.db.updateTable('rewards').set({ status: 'paid' }).where('case_id', '=', reward.caseId).execute();
    await purgeExpired(app.deps);
    expect(await payees(app, reward.caseId)).toHaveLength(0);
    const audit = await app.store.db.selectFrom('audit_log').select('action').where('action', '=', 'reward.payees_purged').execute();
    expect(audit).toHaveLength(1);
  });
});
