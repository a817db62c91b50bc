/**
 * The Workers adapters that can be checked without workerd: the D1 seed script gives the very
 * directory and calendars the Node runtime loads at its first start; the HTTP mailer and the R2
 * storage keep their ports' promises.
 */
import type { R2Bucket } from '@cloudflare/workers-types';
import Sqlite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { applyMigrations } from '../../db/migrate.js';
import { readDirectoryFiles } from '../../db/seed/files.js';
import type { MailMessage } from '../../server/deps.js';
import { seedIfEmpty } from '../../server/node/bootstrap.js';
import { openStore } from '../../server/node/sqlite.js';
import { PermanentMailError } from '../../server/notify/recipients.js';
import { dummyPasswordHash, hashPassword, PASSWORD_ITERATIONS, verifyPassword } from '../../server/staff/password.js';
import { addUser } from '../../server/staff/users.service.js';
import { httpMailer } from '../../server/worker/mailer.js';
import { r2Storage } from '../../server/worker/r2-storage.js';
import { firstAdminScript, inlineParameters, seedScript, sqlLiteral } from '../../server/worker/seed.js';
import { createTestApp } from '../helpers/app.js';

const TABLES = ['regions', 'agencies', 'departments', 'department_jurisdictions', 'categories', 'routing_rules', 'calendar_days'] as const;

function dump(sqlite: Sqlite.Database, table: string): unknown[] {
  return sqlite.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();
}

describe('D1 seed script', () => {
  it('loads the same directory and calendars as the Node first start', async () => {
    const node = openStore(':memory:');
    await seedIfEmpty(node, new Date('2026-11-26T02:00:00Z'));
    const d1 = new Sqlite(':memory:');
    applyMigrations(d1);
    d1.exec(await seedScript(readDirectoryFiles(), '2026-11-26T02:00:00.000Z', { directory: true, calendars: true }));
    for (const table of TABLES) expect(dump(d1, table), table).toEqual(dump(node.sqlite, table));
    expect(dump(d1, 'calendar_years').map((r) => (r as { year: number }).year))
      .toEqual(dump(node.sqlite, 'calendar_years').map((r) => (r as { year: number }).year));
    await node.close();
  });

  it('is an upsert: running it twice changes nothing', async () => {
    const d1 = new Sqlite(':memory:');
    applyMigrations(d1);
    const script = await seedScript(readDirectoryFiles(), '2026-11-26T02:00:00.000Z', { directory: true, calendars: true });
    d1.exec(script);
    const before = TABLES.map((t) => dump(d1, t));
    d1.exec(script);
    expect(TABLES.map((t) => dump(d1, t))).toEqual(before);
  });

  it('writes parameters as literals, leaving quoted question marks alone', () => {
    expect(inlineParameters({ sql: `select "a?" , '?''?', ? -- ?\n, ? /* ? */`, parameters: ["it's", 3] }))
      .toBe(`select "a?" , '?''?', 'it''s' -- ?\n, 3 /* ? */`);
    expect([null, true, 2n, 1.5, new Uint8Array([0, 255])].map(sqlLiteral)).toEqual(['NULL', '1', '2', '1.5', "X'00ff'"]);
    expect(() => inlineParameters({ sql: 'select ?', parameters: [] })).toThrow();
    expect(() => sqlLiteral(Number.NaN)).toThrow();
  });

  it('creates a first admin that can sign in with the Workers iteration count', async () => {
    const d1 = new Sqlite(':memory:');
    applyMigrations(d1);
    d1.exec(await firstAdminScript({ username: 'Root.Admin', password: 'a long enough passphrase' }, new Date(), 100_000));
    const row = d1.prepare('SELECT username, role, department, password_hash FROM users').get() as Record<string, string>;
    expect(row).toMatchObject({ username: 'root.admin', role: 'admin', department: null });
    expect(row.password_hash).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(await verifyPassword('a long enough passphrase', row.password_hash!)).toBe(true);
    await expect(firstAdminScript({ username: 'x', password: 'short' }, new Date(), 100_000)).rejects.toThrow();
  });
});

describe('password iterations (INTAKE_PBKDF2_ITERATIONS)', () => {
  it('hashes new passwords, and the unknown-user dummy, with the given count', async () => {
    expect(await hashPassword('correct horse battery staple', 100_000)).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(dummyPasswordHash(100_000)).toMatch(/^pbkdf2-sha256\$100000\$/);
    expect(() => dummyPasswordHash(0)).toThrow(RangeError);
    await expect(hashPassword('x', 0)).rejects.toThrow(RangeError);
  });

  it('verifies a hash by the count stored in it, whatever the count for new hashes', async () => {
    const node = await hashPassword('correct horse battery staple', PASSWORD_ITERATIONS);
    expect(await verifyPassword('correct horse battery staple', node)).toBe(true);
  });

  it('creates users with the configured count', async () => {
    const t = await createTestApp({ env: { INTAKE_PBKDF2_ITERATIONS: '1234' } });
    const user = await addUser(t.deps, { username: 'count.check', role: 'auditor', password: 'a long enough passphrase' });
    const row = await t.deps.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^pbkdf2-sha256\$1234\$/);
    await t.close();
  });
});

const mail: MailMessage = { messageId: '<abc123@intake>', to: 'dept@example.gov.cn', subject: '新案件', text: '正文', html: '<p>正文</p>' };

describe('HTTP mailer', () => {
  const sending = (status: number) => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetcher = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('{"id":"x"}', { status });
    }) as unknown as typeof fetch;
    return { calls, mailer: httpMailer('https://mail.example/emails', 'key-1', 'Intake <no-reply@intake.example>', fetcher) };
  };

  it('posts the mail as JSON with the key and the Message-ID as idempotency key', async () => {
    const { calls, mailer } = sending(200);
    await mailer.send(mail);
    const headers = calls[0]!.init.headers as Record<string, string>;
    expect(headers).toMatchObject({ authorization: 'Bearer key-1', 'idempotency-key': 'abc123@intake' });
    expect(JSON.parse(calls[0]!.init.body as string)).toEqual({
      from: 'Intake <no-reply@intake.example>', to: ['dept@example.gov.cn'], subject: '新案件', text: '正文', html: '<p>正文</p>',
      headers: { 'Message-ID': '<abc123@intake>' },
    });
  });

  it('gives a refused mail up at once and keeps a throttled or failing one for retries', async () => {
    await expect(sending(422).mailer.send(mail)).rejects.toBeInstanceOf(PermanentMailError);
    for (const status of [401, 429, 500, 503]) {
      const err = await sending(status).mailer.send(mail).catch((e: unknown) => e);
      expect(err, String(status)).toBeInstanceOf(Error);
      expect(err, String(status)).not.toBeInstanceOf(PermanentMailError);
      expect(String(err)).not.toContain('dept@example.gov.cn');
    }
  });
});

describe('R2 storage', () => {
  function fakeBucket() {
    const objects = new Map<string, { bytes: Uint8Array; type?: string }>();
    const bucket = {
      async put(key: string, value: Uint8Array, options?: { httpMetadata?: { contentType?: string } }) {
        objects.set(key, { bytes: value.slice(), type: options?.httpMetadata?.contentType });
      },
      async get(key: string) {
        const o = objects.get(key);
        return o ? { arrayBuffer: async () => o.bytes.slice().buffer } : null;
      },
      async delete(key: string) { objects.delete(key); },
    };
    return { objects, bucket: bucket as unknown as R2Bucket };
  }

  it('keeps bytes under attachments/<key> with their type, and forgets them on delete', async () => {
    const { objects, bucket } = fakeBucket();
    const storage = r2Storage(bucket);
    await storage.put('Abcdefghij_123', new Uint8Array([1, 2, 3]), 'image/png');
    expect(objects.get('attachments/Abcdefghij_123')?.type).toBe('image/png');
    expect(await storage.get('Abcdefghij_123')).toEqual(new Uint8Array([1, 2, 3]));
    await storage.delete('Abcdefghij_123');
    expect(await storage.get('Abcdefghij_123')).toBeNull();
  });

  it('refuses a key the app could not have made', async () => {
    const storage = r2Storage(fakeBucket().bucket);
    await expect(storage.put('../secrets', new Uint8Array([1]), 'image/png')).rejects.toThrow('invalid storage key');
  });
});
