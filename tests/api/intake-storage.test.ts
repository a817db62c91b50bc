import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { unseal } from '../../server/identity/seal.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';

let t: TestApp | undefined;
let dir: string | undefined;
afterEach(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  t = undefined; dir = undefined;
});

const submitAt = async (now: string, body: unknown) => {
  t = await createTestApp({ now });
  return call(t.app, 'POST', '/api/v1/cases', body);
};

describe('sealed identity', () => {
  it('leaves neither the name nor the phone anywhere in the SQLite file bytes', async () => {
    dir = mkdtempSync(join(tmpdir(), 'intake-'));
    const filename = join(dir, 'intake.sqlite');
    t = await createTestApp({ filename });
    const res = await call(t.app, 'POST', '/api/v1/cases', complaint({
      description: '我是张三，电话13800138000，购买的月饼发霉，商家拒绝退款。',
    }));
    expect(res.status).toBe(201);
    await t.close();
    const needles = ['张三', '13800138000', '广州市天河区天河路2号'].map((s) => Buffer.from(s, 'utf8'));
    for (const file of [filename, `${filename}-wal`, `${filename}-shm`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${needle.toString()} in ${file}`).toBe(false);
    }
    t = undefined;
  });

  it('can be opened with the master key, bound to its case', async () => {
    const res = await submitAt('2026-11-26T10:00:00+08:00', complaint({ reporter: {
      anonymous: false, name: '张三', phone: '+86 138 0013 8000', email: 'zs@example.com', address: '广州',
    } }));
    const row = await t!.deps.db.selectFrom('cases').innerJoin('sealed_records as s', 's.case_id', 'cases.id')
      .select(['cases.id', 's.key_id', 's.wrapped_key', 's.iv', 's.ciphertext', 'cases.anonymous'])
      .where('case_number', '=', res.body.caseNumber).where('s.purpose', '=', 'identity').executeTakeFirstOrThrow();
    const sealed = { keyId: row.key_id, wrappedKey: row.wrapped_key, iv: row.iv, ciphertext: row.ciphertext };
    expect(await unseal(t!.deps.keys, sealed, `${row.id}:identity`)).toMatchObject({ name: '张三', phone: '+8613800138000', email: 'zs@example.com' });
    await expect(unseal(t!.deps.keys, sealed, `another-case:identity`)).rejects.toThrow();
    expect(row.anonymous).toBe(0);
  });

  it('stores only a keyed hash of the receipt', async () => {
    const res = await submitAt('2026-11-26T10:00:00+08:00', report());
    const digits = res.body.receipt.replaceAll(' ', '');
    const row = await t!.deps.db.selectFrom('cases').selectAll().where('case_number', '=', res.body.caseNumber).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(digits);
    expect(row.receipt_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('shows staff a redacted description with the reporter name masked', async () => {
    const res = await submitAt('2026-11-26T10:00:00+08:00', complaint({ description: '张三在该店买到发霉月饼，联系 13912345678 或 a@b.cn。' }));
    const row = await t!.deps.db.selectFrom('cases').select('description').where('case_number', '=', res.body.caseNumber).executeTakeFirstOrThrow();
    expect(row.description).not.toContain('张三');
    expect(row.description).not.toContain('13912345678');
    expect(row.description).not.toContain('a@b.cn');
  });
});

describe('one atomic write', () => {
  it('writes the case with its identity, first event, clock and outbox row', async () => {
    const res = await submitAt('2026-11-26T10:00:00+08:00', complaint());
    const db = t!.deps.db;
    const c = await db.selectFrom('cases').selectAll().where('case_number', '=', res.body.caseNumber).executeTakeFirstOrThrow();
    const count = async (table: 'sealed_records' | 'case_events' | 'clocks' | 'outbox') =>
      Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).where('case_id', '=', c.id).executeTakeFirstOrThrow()).n);
    expect(await count('sealed_records')).toBe(2);
    expect(await count('case_events')).toBeGreaterThanOrEqual(1);
    expect(await count('clocks')).toBe(1);
    expect(await count('outbox')).toBe(1);
    const outbox = await db.selectFrom('outbox').selectAll().where('case_id', '=', c.id).executeTakeFirstOrThrow();
    expect(outbox).toMatchObject({ recipient_type: 'department', recipient_ref: 'samr-440106', template: 'case_new_department' });
    expect(outbox.params).not.toContain('月饼');
  });

  it('writes nothing when one statement of the batch fails', async () => {
    t = await createTestApp();
    const before = await t.deps.db.selectFrom('cases').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const good = t.deps.db.insertInto('case_sequences').values({ day: '20991231', last: 1 }).compile();
    const bad = t.deps.db.insertInto('clocks').values({
      id: 'x', case_id: 'no-such-case', clock: 'triage', started_at: 'now', due_at: 'now', status: 'running',
    }).compile();
    await expect(t.deps.batch([good, bad])).rejects.toThrow();
    const seq = await t.deps.db.selectFrom('case_sequences').selectAll().where('day', '=', '20991231').executeTakeFirst();
    expect(seq).toBeUndefined();
    const after = await t.deps.db.selectFrom('cases').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('statutory clocks at submission', () => {
  it('gives a complaint of 2026-09-30 its accept decision at the end of 2026-10-15 (National Day inside)', async () => {
    const res = await submitAt('2026-09-30T10:00:00+08:00', complaint());
    expect(res.body.due).toEqual([{ clock: 'accept_decision', dueAt: '2026-10-15T23:59:59.999+08:00', provisional: false }]);
  });
  it('counts across the Spring Festival for a complaint of 2026-02-13, with the working Saturdays', async () => {
    const res = await submitAt('2026-02-13T16:00:00+08:00', complaint());
    expect(res.body.due[0].dueAt).toBe('2026-03-02T23:59:59.999+08:00');
  });
  it('gives a report of 2026-02-13 its open-case decision 15 working days later', async () => {
    const res = await submitAt('2026-02-13T16:00:00+08:00', report());
    expect(res.body.due[0]).toEqual({ clock: 'open_decision', dueAt: '2026-03-12T23:59:59.999+08:00', provisional: false });
  });
  it('marks a due date in 2027 provisional and skips 2027-01-01', async () => {
    const res = await submitAt('2026-12-30T09:00:00+08:00', complaint());
    expect(res.body.due[0]).toEqual({ clock: 'accept_decision', dueAt: '2027-01-11T23:59:59.999+08:00', provisional: true });
  });
  it('gives a minor injury one working day to triage', async () => {
    const res = await submitAt('2026-11-27T09:00:00+08:00', report({ kind: 'injury', category: 'product.child', severity: 'minor', reward: false }));
    expect(res.body.due[0]).toEqual({ clock: 'triage', dueAt: '2026-11-30T23:59:59.999+08:00', provisional: false });
    expect(res.body.urgent).toBe(false);
  });
});
