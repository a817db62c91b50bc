import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import { createKeyring, importMasterKey } from '../../server/identity/keys.js';
import { normaliseReceipt, receiptHashCandidates } from '../../server/identity/receipt.js';
import { rotateMasterKey } from '../../server/identity/rotation.service.js';
import { seal, unseal } from '../../server/identity/seal.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createNodeRuntime } from '../../server/node/bootstrap.js';
import { readTotpSecret } from '../../server/staff/users.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { createStaff } from '../helpers/staff.js';

let t: TestApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  t = undefined; dir = undefined;
});

const newKeyBytes = () => new Uint8Array(32).fill(9);

/** Submits a complaint and a report and seals one reporter message; returns the receipts. */
async function seedSealedData(app: Pick<TestApp, 'app' | 'store' | 'deps'>) {
  const receipts: string[] = [];
  for (const body of [complaint(), report()]) receipts.push(normaliseReceipt((await call(app.app, 'POST', '/api/v1/cases', body)).body.receipt)!);
  const { id } = await app.store.db.selectFrom('cases').select('id').limit(1).executeTakeFirstOrThrow();
  const box = await seal(app.deps.keys, '原话', 'message:m1');
  await app.store.db.insertInto('case_messages').values({ id: 'm1', case_id: id, at: '2026-11-26T10:00:00.000+08:00', sender: 'reporter', author: null, body: '原话' }).execute();
  await app.store.db.insertInto('sealed_messages').values({ message_id: 'm1', key_id: box.keyId, wrapped_key: box.wrappedKey, iv: box.iv, ciphertext: box.ciphertext }).execute();
  return receipts;
}

describe('keys rotate', () => {
  it('re-wraps every sealed box so the new key alone opens it, and old receipts still match', async () => {
    const app = (t = await createTestApp());
    const receipts = await seedSealedData(app);
    const custodian = await createStaff(app, { role: 'custodian' });
    const oldId = app.deps.keys.current.id;
    const before = await app.store.db.selectFrom('sealed_records').selectAll().orderBy('case_id').orderBy('purpose').execute();

    const next = await importMasterKey(newKeyBytes());
    const result = await rotateMasterKey(app.deps, next);
    expect(result).toMatchObject({ from: oldId, to: next.id, sealedRecords: 3, sealedMessages: 1, totpSecrets: 1 });

    const onlyNew = createKeyring([next]);
    const after = await app.store.db.selectFrom('sealed_records').selectAll().orderBy('case_id').orderBy('purpose').execute();
    expect(after).toHaveLength(3);
    for (const [i, row] of after.entries()) {
      expect(row.key_id).toBe(next.id);
      expect(row.wrapped_key).not.toBe(before[i]!.wrapped_key);
      // The data is not re-encrypted: only its key is re-wrapped.
      expect(row.ciphertext).toBe(before[i]!.ciphertext);
      const box = { keyId: row.key_id, wrappedKey: row.wrapped_key, iv: row.iv, ciphertext: row.ciphertext };
      await expect(unseal(onlyNew, box, `${row.case_id}:${row.purpose}`)).resolves.toBeTruthy();
    }
    const message = await app.store.db.selectFrom('sealed_messages').selectAll().executeTakeFirstOrThrow();
    const messageBox = { keyId: message.key_id, wrappedKey: message.wrapped_key, iv: message.iv, ciphertext: message.ciphertext };
    expect(await unseal(onlyNew, messageBox, 'message:m1')).toBe('原话');
    const user = await app.store.db.selectFrom('users').select(['id', 'totp_secret']).where('id', '=', custodian.id).executeTakeFirstOrThrow();
    expect(await readTotpSecret({ ...app.deps, keys: onlyNew }, user)).toBe(custodian.totpSecret);

    const hashes = (await app.store.db.selectFrom('cases').select('receipt_hash').execute()).map((r) => r.receipt_hash);
    for (const receipt of receipts) {
      // A receipt hash cannot be re-keyed: it matches only while the old key stays loaded.
      const candidates = await receiptHashCandidates(result.keyring, receipt);
      expect(candidates.some((h) => hashes.includes(h))).toBe(true);
      const newOnly = await receiptHashCandidates(onlyNew, receipt);
      expect(hashes.filter((h) => newOnly.includes(h))).toEqual([]);
    }
    const audit = await app.store.db.selectFrom('audit_log').select(['action', 'detail']).where('action', '=', 'keys.rotate').execute();
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ from: oldId, to: next.id, sealedRecords: 3 });
  });

  it('loads INTAKE_PREVIOUS_MASTER_KEYS next to the current key', async () => {
    const previous = toBase64(new Uint8Array(32).fill(7));
    const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: '/nonexistent-test-data', INTAKE_PREVIOUS_MASTER_KEYS: ` ${previous} ` });
    const runtime = await createNodeRuntime({ config, filename: ':memory:', masterKey: await importMasterKey(newKeyBytes()), log: () => {} });
    const old = await importMasterKey(new Uint8Array(32).fill(7));
    expect([...runtime.deps.keys.byId.keys()].sort()).toEqual([old.id, runtime.deps.keys.current.id].sort());
    await runtime.store.close();
  });

  it('rotates a development key file from the command line, keeping the old key beside it', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-rotate-'));
    const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir });
    const first = await createNodeRuntime({ config, log: () => {} });
    const receipts = await seedSealedData({ ...first, app: createApp(first.deps) });
    const oldId = first.deps.keys.current.id;
    await first.store.close();

    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'test', INTAKE_DATA_DIR: dir };
    delete env.INTAKE_MASTER_KEY;
    const run = spawnSync('npx', ['tsx', 'server/cli.ts', 'keys', 'rotate'], { cwd: join(import.meta.dirname, '../..'), encoding: 'utf8', env });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Re-wrapped under k[0-9a-f]{12} \(was k[0-9a-f]{12}\): 3 sealed records, 1 sealed messages, 0 TOTP secrets\./);
    expect(readdirSync(dir)).toContain(`master.key.old-${oldId}`);
    expect(existsSync(join(dir, 'master.key.new'))).toBe(false);

    const second = await createNodeRuntime({ config, log: () => {} });
    try {
      expect(second.deps.keys.current.id).not.toBe(oldId);
      expect(second.deps.keys.byId.has(oldId)).toBe(true);
      const keyIds = await second.store.db.selectFrom('sealed_records').select('key_id').distinct().execute();
      expect(keyIds).toEqual([{ key_id: second.deps.keys.current.id }]);
      const hashes = (await second.store.db.selectFrom('cases').select('receipt_hash').execute()).map((r) => r.receipt_hash);
      for (const receipt of receipts) {
        const candidates = await receiptHashCandidates(second.deps.keys, receipt);
        expect(candidates.some((h) => hashes.includes(h))).toBe(true);
      }
    } finally {
      await second.store.close();
    }
  }, 60_000);
});
