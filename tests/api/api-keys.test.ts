/** API keys as a service: refused keys, counting, the per-key limit, and hashed storage. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  authenticateApiKey, createApiKey, listApiKeys, revokeApiKey,
} from '../../server/api-keys/api-keys.service.js';
import { AppError } from '../../server/errors.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp | undefined;
afterEach(() => { t?.close(); t = undefined; });

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('authenticateApiKey', () => {
  it('refuses a missing, malformed, unknown or revoked key with 403', async () => {
    t = await createTestApp();
    const { key } = await createApiKey(t.deps, 'cli', 'hotline 12345');
    for (const presented of [undefined, '', '  ', 'nonsense', 'o311_' + 'A'.repeat(43)]) {
      expect((await refusal(authenticateApiKey(t.deps, presented))).code).toBe('forbidden');
    }
    expect(await authenticateApiKey(t.deps, key)).toMatchObject({ name: 'hotline 12345' });
    await revokeApiKey(t.deps, 'cli', 'hotline 12345');
    expect((await refusal(authenticateApiKey(t.deps, key))).code).toBe('forbidden');
  });

  it('lets a valid key pass and counts its requests, without a write per request', async () => {
    t = await createTestApp();
    const { key } = await createApiKey(t.deps, 'cli', 'mobile app');
    for (let i = 0; i < 5; i++) await authenticateApiKey(t.deps, key);
    const stored = () => t!.deps.db.selectFrom('api_keys').select(['request_count', 'last_used_at']).executeTakeFirstOrThrow();
    // The first request is written at once, the next ones wait for the batch.
    expect((await stored()).request_count).toBe(1);
    expect((await stored()).last_used_at).not.toBeNull();
    const [listed] = await listApiKeys(t.deps);
    expect(listed).toMatchObject({ name: 'mobile app', requests: 5, revokedAt: null });
    // A minute later a request writes what was counted since.
    t.clock.advance(61_000);
    await authenticateApiKey(t.deps, key);
    expect((await stored()).request_count).toBe(6);
  });

  it('answers 429 with Retry-After over the per-key rate, and lets the key in again after the window', async () => {
    t = await createTestApp({ env: { INTAKE_API_KEY_RATE: '3' } });
    const a = await createApiKey(t.deps, 'cli', 'a');
    const b = await createApiKey(t.deps, 'cli', 'b');
    for (let i = 0; i < 3; i++) await authenticateApiKey(t.deps, a.key);
    const err = await refusal(authenticateApiKey(t.deps, a.key));
    expect(err.code).toBe('rate_limited');
    expect(Number(err.headers?.['Retry-After'])).toBeGreaterThanOrEqual(1);
    expect(Number(err.headers?.['Retry-After'])).toBeLessThanOrEqual(60);
    // Another key has its own limit.
    await authenticateApiKey(t.deps, b.key);
    t.clock.advance(60_000);
    await authenticateApiKey(t.deps, a.key);
    // Refused requests are not counted as requests served.
    const listed = await listApiKeys(t.deps);
    expect(listed.find((k) => k.name === 'a')?.requests).toBe(4);
  });

  it('refuses a duplicate active name and an unknown name; a revoked name may be given again', async () => {
    t = await createTestApp();
    await createApiKey(t.deps, 'cli', 'x');
    expect((await refusal(createApiKey(t.deps, 'cli', ' x '))).code).toBe('conflict');
    expect((await refusal(revokeApiKey(t.deps, 'cli', 'y'))).code).toBe('not_found');
    expect((await refusal(createApiKey(t.deps, 'cli', ''))).code).toBe('validation_failed');
    await revokeApiKey(t.deps, 'cli', 'x');
    await createApiKey(t.deps, 'cli', 'x');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('action', 'like', 'api_key.%').orderBy('seq').execute();
    expect(audit.map((r) => r.action)).toEqual(['api_key.add', 'api_key.revoke', 'api_key.add']);
  });

  it('stores the key only hashed: its text is nowhere in the SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-keys-'));
    try {
      t = await createTestApp({ filename: join(dir, 'intake.db') });
      const { key } = await createApiKey(t.deps, 'cli', 'agency tool');
      await authenticateApiKey(t.deps, key);
      t.close();
      t = undefined;
      for (const file of ['intake.db', 'intake.db-wal']) {
        let bytes: Buffer;
        try { bytes = readFileSync(join(dir, file)); } catch { continue; }
        expect(bytes.includes(Buffer.from(key))).toBe(false);
        expect(bytes.includes(Buffer.from(key.slice(5)))).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
