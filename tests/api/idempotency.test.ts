/** Idempotency-Key on POST /api/v1/cases: a repeated post gets the first answer, never a second case. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sweepExpiredSessions } from '../../server/staff/session-sweep.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { baseJpeg } from '../helpers/files.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const KEY = 'c0ffee00-1234-4abc-8def-0123456789ab';
const submit = (body: unknown, key?: string) =>
  call(t.app, 'POST', '/api/v1/cases', body, key === undefined ? {} : { 'Idempotency-Key': key });
const countCases = async () => Number((await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('Idempotency-Key', () => {
  it('answers a repeated post with the first answer: same status, same body, one case', async () => {
    const first = await submit(complaint(), KEY);
    expect(first.status).toBe(201);
    const again = await submit(complaint(), KEY);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(await countCases()).toBe(1);
    // One case, so one queue entry and one department mail.
    expect(await t.deps.db.selectFrom('outbox').select('id').execute()).toHaveLength(1);
  });

  it('matches the request as parsed: the same body with its keys in another order is the same request', async () => {
    const body = report();
    const first = await submit(body, KEY);
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const again = await submit(reordered, KEY);
    expect(again.body).toEqual(first.body);
    expect(await countCases()).toBe(1);
  });

  it('refuses the same key with another body: 409 conflict, naming the key, and files nothing', async () => {
    await submit(report(), KEY);
    const other = await submit(report({ description: '另一件事：该店出售过期的饮料。' }), KEY);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('conflict');
    expect(other.body.error.issues).toEqual([{ path: 'Idempotency-Key', message: expect.any(String) }]);
    expect(other.text).not.toMatch(/\d{4} \d{4} \d{4} \d{4}/);
    expect(await countCases()).toBe(1);
  });

  it('files a new case for a new key, and without a key as before', async () => {
    const a = await submit(report(), KEY);
    const b = await submit(report(), `${KEY}-2`);
    const c = await submit(report());
    const d = await submit(report());
    expect(new Set([a.body.caseNumber, b.body.caseNumber, c.body.caseNumber, d.body.caseNumber]).size).toBe(4);
    expect(await countCases()).toBe(4);
  });

  it('makes one case of 20 parallel posts with one key, all answered alike', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit(complaint(), KEY)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    expect(new Set(answers.map((a) => a.body.caseNumber)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.receipt)).size).toBe(1);
    expect(await countCases()).toBe(1);
    // The losers' batches were rolled back whole: no stray sequence step, event or audit entry.
    const next = await submit(complaint());
    expect(Number(next.body.caseNumber.slice(-5))).toBe(Number(answers[0]!.body.caseNumber.slice(-5)) + 1);
    const audits = await t.deps.db.selectFrom('audit_log').select('action').where('action', '=', 'case.submitted').execute();
    expect(audits).toHaveLength(2);
  });

  it('keeps the receipt sealed: the stored row holds neither the key nor the receipt in clear', async () => {
    const first = await submit(complaint(), KEY);
    const row = await t.deps.db.selectFrom('submission_keys').selectAll().executeTakeFirstOrThrow();
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain(first.body.receipt);
    expect(stored).not.toContain(first.body.receipt.replaceAll(' ', ''));
    expect(row.view_hash).toBeNull();
  });

  it('refuses a malformed key with 400 and files nothing', async () => {
    for (const key of ['short', 'x'.repeat(201), 'a key with spaces inside it 1234']) {
      const res = await submit(report(), key);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues[0].path).toBe('Idempotency-Key');
    }
    expect(await countCases()).toBe(0);
  });

  it('answers an invalid body with 400 as without a key, and the key stays free', async () => {
    const bad = await submit(report({ description: 'short' }), KEY);
    expect(bad.status).toBe(400);
    const good = await submit(report(), KEY);
    expect(good.status).toBe(201);
  });

  it('keeps a key for a day; the sweeper then removes it and the key files anew', async () => {
    await submit(report(), KEY);
    t.clock.advance(23 * 3600_000);
    await sweepExpiredSessions(t.deps);
    expect(await t.deps.db.selectFrom('submission_keys').select('key_hash').execute()).toHaveLength(1);
    expect((await submit(report(), KEY)).status).toBe(201);
    expect(await countCases()).toBe(1);
    t.clock.advance(2 * 3600_000);
    await sweepExpiredSessions(t.deps);
    expect(await t.deps.db.selectFrom('submission_keys').select('key_hash').execute()).toHaveLength(0);
    expect((await submit(report(), KEY)).status).toBe(201);
    expect(await countCases()).toBe(2);
  });

  it('works for a multipart post with files: the same files are the same request, others a conflict', async () => {
    const form = (bytes: Uint8Array<ArrayBuffer>) => {
      const f = new FormData();
      f.set('case', JSON.stringify(report()));
      f.append('attachments', new File([bytes], 'photo.jpg', { type: 'image/jpeg' }));
      return f;
    };
    const post = (body: FormData) => t.app.request('/api/v1/cases', { method: 'POST', body, headers: { 'Idempotency-Key': KEY } });
    const first = await post(form(baseJpeg));
    expect(first.status).toBe(201);
    const firstBody = await first.json() as { caseNumber: string; attachments: unknown[] };
    const again = await post(form(baseJpeg));
    expect(again.status).toBe(201);
    expect(await again.json()).toEqual(firstBody);
    const other = await post(form(new Uint8Array([...baseJpeg.slice(0, -2), 0x00, 0xff, 0xd9])));
    expect(other.status).toBe(409);
    expect(await countCases()).toBe(1);
    expect(await t.deps.db.selectFrom('attachments').select('id').execute()).toHaveLength(1);
  });
});
