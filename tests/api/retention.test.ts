import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../server/identity/retention.service.js';
import { seal } from '../../server/identity/seal.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

/** A complaint closed now, with a reporter message sealed and one attachment stored. */
async function closedCase(handler: Record<string, string>) {
  const n = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body.caseNumber as string;
  await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'accept' }, handler);
  const closed = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, { action: 'close', reply: '已协调商家退款。' }, handler);
  expect(closed.body.status).toBe('closed');
  const { id } = await t.store.db.selectFrom('cases').select('id').where('case_number', '=', n).executeTakeFirstOrThrow();
  const messageId = `m-${id}`;
  const box = await seal(t.deps.keys, '我是张三，我的电话是13800138000', `message:${messageId}`);
  await t.store.db.insertInto('case_messages').values({
    id: messageId, case_id: id, at: '2026-11-02T10:00:00.000+08:00', sender: 'reporter', author: null, body: '[已隐去]',
  }).execute();
  await t.store.db.insertInto('sealed_messages').values({
    message_id: messageId, key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext,
  }).execute();
  const storageKey = `att${id.replace(/[^A-Za-z0-9]/g, '')}`;
  await t.deps.storage.put(storageKey, new Uint8Array([0x25, 0x50, 0x44, 0x46]), 'application/pdf');
  await t.store.db.insertInto('attachments').values({
    id: `a-${id}`, case_id: id, storage_key: storageKey, type: 'application/pdf', size: 4, sha256: '0'.repeat(64),
    display_name: null, metadata_removed: 0, created_at: '2026-11-02T10:00:00.000+08:00',
  }).execute();
  return { n, id, storageKey };
}

const countRows = async (caseId: string) => ({
  sealed: (await t.store.db.selectFrom('sealed_records').select('purpose').where('case_id', '=', caseId).execute()).length,
  messages: (await t.store.db.selectFrom('sealed_messages').innerJoin('case_messages', 'case_messages.id', 'sealed_messages.message_id')
    .select('message_id').where('case_messages.case_id', '=', caseId).execute()).length,
  attachments: (await t.store.db.selectFrom('attachments').select('id').where('case_id', '=', caseId).execute()).length,
});

describe('retention purge', () => {
  it('purges a case closed longer ago than the retention period, keeping the held and the recent one', async () => {
    const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
    const old = await closedCase(handler);
    const held = await closedCase(handler);
    const recent = await closedCase(handler);
    await t.store.db.updateTable('cases').set({ legal_hold: 1 }).where('id', '=', held.id).execute();
    await t.store.db.updateTable('cases').set({ closed_at: '2029-06-01T10:00:00.000+08:00' }).where('id', '=', recent.id).execute();

    // 1095 days after 2026-11-02 is 2029-11-01.
    t.clock.set('2029-11-10T10:00:00+08:00');
    const result = await purgeExpired(t.deps);
    expect(result.purged).toEqual([{
      caseNumber: old.n, closedAt: '2026-11-02T10:00:00.000+08:00', sealedRecords: 2, sealedMessages: 1, attachments: 1,
    }]);
    expect(result.held).toEqual([held.n]);

    expect(await countRows(old.id)).toEqual({ sealed: 0, messages: 0, attachments: 0 });
    expect(await t.deps.storage.get(old.storageKey)).toBeNull();
    const row = await t.store.db.selectFrom('cases').selectAll().where('id', '=', old.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'closed', purged_at: '2029-11-10T10:00:00.000+08:00', category: 'product.food' });
    expect(await countRows(held.id)).toEqual({ sealed: 2, messages: 1, attachments: 1 });
    expect(await countRows(recent.id)).toEqual({ sealed: 2, messages: 1, attachments: 1 });
    expect(await t.deps.storage.get(recent.storageKey)).not.toBeNull();

    const audit = await t.store.db.selectFrom('audit_log').select(['case_id', 'actor']).where('action', '=', 'case.purged').execute();
    expect(audit).toEqual([{ case_id: old.id, actor: 'cli' }]);
    // A second run finds nothing left to do.
    expect((await purgeExpired(t.deps)).purged).toEqual([]);
  });

  it('answers 409 when a purged identity is asked for', async () => {
    const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
    const old = await closedCase(handler);
    await t.store.db.deleteFrom('sealed_records').where('case_id', '=', old.id).execute();
    const res = await call(t.app, 'POST', `/api/v1/staff/cases/${old.n}/identity/open`, { reason: '复核调解记录' }, handler);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/purged/);
  });

  it('takes the period from INTAKE_RETENTION_DAYS', async () => {
    await t.close();
    t = await createTestApp({ now: '2026-11-02T10:00:00+08:00', env: { INTAKE_RETENTION_DAYS: '30' } });
    const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
    const c = await closedCase(handler);
    t.clock.set('2026-12-01T10:00:00+08:00');
    expect((await purgeExpired(t.deps)).purged).toEqual([]);
    t.clock.set('2026-12-03T10:00:00+08:00');
    expect((await purgeExpired(t.deps)).purged.map((p) => p.caseNumber)).toEqual([c.n]);
  });
});
