/** Key rotation reaches the reward payee details sealed at claim time, so retiring the old key loses none. */
import { afterEach, describe, expect, it } from 'vitest';
import { createKeyring, importMasterKey } from '../../server/identity/keys.js';
import { rotateMasterKey } from '../../server/identity/rotation.service.js';
import { unseal } from '../../server/identity/seal.js';
import { payeeContext } from '../../server/rewards/payee.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { bearer } from '../helpers/staff.js';
import { notifiedReward } from '../helpers/rewards.js';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('keys rotate: reward payees', () => {
  it('re-wraps a claimed reward payee so the new key alone opens it', async () => {
    const app = (t = await createTestApp());
    const reward = await notifiedReward(app);
    const payee = { name: '王五', idNumber: '11010519491231002X', bankAccount: '6222 0212 3456 7890 123' };
    const login = await call(app.app, 'POST', '/api/v1/followup/login', { receipt: reward.receipt });
    const claimed = await call(app.app, 'POST', '/api/v1/followup/reward-claim', { payee }, bearer(login.body.token));
    expect(claimed.status).toBe(201);
    const before = await app.store.db.selectFrom('reward_payees').selectAll().executeTakeFirstOrThrow();

    const next = await importMasterKey(new Uint8Array(32).fill(9));
    const result = await rotateMasterKey(app.deps, next);
    expect(result.rewardPayees).toBe(1);

    const after = await app.store.db.selectFrom('reward_payees').selectAll().executeTakeFirstOrThrow();
    expect(after.key_id).toBe(next.id);
    expect(after.key_id).not.toBe(before.key_id);
    expect(after.ciphertext).toBe(before.ciphertext);
    const box = { keyId: after.key_id, wrappedKey: after.wrapped_key, iv: after.iv, ciphertext: after.ciphertext };
    const opened = await unseal(createKeyring([next]), box, payeeContext(after.case_id));
    expect(opened).toMatchObject({ name: '王五', idNumber: '11010519491231002X' });
  });
});
