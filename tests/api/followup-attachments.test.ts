import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../server/deps.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { baseJpeg, contains, jpegWithMetadata, pdf, zip } from '../helpers/files.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let stored: Map<string, Uint8Array>;
let handler: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '5' } });
  stored = new Map();
  const storage: Storage = {
    async put(key, bytes) { stored.set(key, bytes.slice()); },
    async get(key) { return stored.get(key)?.slice() ?? null; },
    async delete(key) { stored.delete(key); },
  };
  t.deps.storage = storage;
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
});
afterEach(async () => { await t.close(); });

type Part = [name: string, bytes: Uint8Array];

const formOf = (files: Part[]) => {
  const data = new FormData();
  for (const [name, bytes] of files) data.append('attachments', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'image/jpeg' }));
  return data;
};

async function upload(reporter: Record<string, string>, files: Part[]) {
  const res = await t.app.request('/api/v1/followup/attachments', { method: 'POST', body: formOf(files), headers: reporter });
  return { status: res.status, headers: res.headers, body: await res.json() as any };
}

/** Files a case (with `files` at intake) and signs in to its follow-up. */
async function fileAndLogin(body: unknown = report(), files: Part[] = []) {
  const data = formOf(files);
  data.set('case', JSON.stringify(body));
  const filed = await (await t.app.request('/api/v1/cases', { method: 'POST', body: data })).json() as { caseNumber: string; receipt: string };
  const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.receipt });
  expect(login.status).toBe(200);
  return { caseNumber: filed.caseNumber, reporter: bearer(login.body.token) };
}

const rowsOf = (caseNumber: string) => t.deps.db.selectFrom('attachments').innerJoin('cases', 'cases.id', 'attachments.case_id')
  .select(['attachments.id', 'attachments.storage_key', 'attachments.display_name']).where('cases.case_number', '=', caseNumber)
  .orderBy('attachments.created_at').execute();

describe('evidence after filing', () => {
  it('stores the files without their metadata and answers what was kept', async () => {
    const { caseNumber, reporter } = await fileAndLogin(report(), [['filed.jpg', baseJpeg]]);
    t.clock.advance(60_000);
    const res = await upload(reporter, [['张三工牌.jpg', jpegWithMetadata()], ['invoice.pdf', pdf]]);
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.attachments).toEqual([
      { id: expect.any(String), type: 'image/jpeg', size: baseJpeg.length, metadataRemoved: true },
      { id: expect.any(String), type: 'application/pdf', size: pdf.length, metadataRemoved: true },
    ]);
    const rows = await rowsOf(caseNumber);
    expect(rows.map((r) => r.display_name)).toEqual(['attachment-1.jpg', 'attachment-2.jpg', 'attachment-3.pdf']);
    const jpeg = stored.get(rows[1]!.storage_key)!;
    expect(Buffer.from(jpeg).equals(Buffer.from(baseJpeg))).toBe(true);
    expect(contains(jpeg, 'Exif')).toBe(false);
    expect(contains(stored.get(rows[2]!.storage_key)!, 'Zhang San')).toBe(false);
  });

  it('refuses a file of another type (415), an empty form (400), a body that is not multipart (415), and stores nothing', async () => {
    const { caseNumber, reporter } = await fileAndLogin();
    const refused = await upload(reporter, [['photo.jpg', baseJpeg], ['evidence.jpg', zip]]);
    expect(refused.status).toBe(415);
    expect(refused.body.error.code).toBe('unsupported_media_type');
    expect(refused.body.error.issues[0].path).toBe('attachments.1');
    expect((await upload(reporter, [])).status).toBe(400);
    const json = await call(t.app, 'POST', '/api/v1/followup/attachments', { attachments: [] }, reporter);
    expect(json.status).toBe(415);
    const text = formOf([]);
    text.set('note', 'hello');
    const unknown = await t.app.request('/api/v1/followup/attachments', { method: 'POST', body: text, headers: reporter });
    expect(unknown.status).toBe(400);
    expect(await rowsOf(caseNumber)).toEqual([]);
    expect(stored.size).toBe(0);
  });

  it('keeps the limits of the intake: 10 MB a file and 10 files a case, filed ones included', async () => {
    const { caseNumber, reporter } = await fileAndLogin(report(), Array.from({ length: 8 }, (_, i): Part => [`p${i}.jpg`, baseJpeg]));
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const tooBig = await upload(reporter, [['big.pdf', big]]);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    const tooMany = await upload(reporter, [['a.jpg', baseJpeg], ['b.jpg', baseJpeg], ['c.jpg', baseJpeg]]);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error.message).toContain('2 more');
    expect((await upload(reporter, [['a.jpg', baseJpeg], ['b.jpg', baseJpeg]])).status).toBe(201);
    const full = await upload(reporter, [['c.jpg', baseJpeg]]);
    expect(full.status).toBe(409);
    expect(full.body.error.code).toBe('conflict');
    expect((await rowsOf(caseNumber)).map((r) => r.display_name)).toEqual(Array.from({ length: 10 }, (_, i) => `attachment-${i + 1}.jpg`));
    expect(stored.size).toBe(10);
  });

  it('shows staff the new evidence on the history and the list, notifies the department and audits the upload', async () => {
    const { caseNumber, reporter } = await fileAndLogin();
    t.clock.advance(10 * 60_000);
    expect((await upload(reporter, [['张三工牌.jpg', baseJpeg]])).status).toBe(201);
    const view = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, handler)).body;
    expect(view.timeline.map((e: { event: string }) => e.event)).toContain('evidence_added');
    expect(view.attachments).toEqual([expect.objectContaining({ name: 'attachment-1.jpg', type: 'image/jpeg', addedAfterFiling: true })]);
    const caseId = (await t.deps.db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirstOrThrow()).id;
    const mail = await t.deps.db.selectFrom('outbox').select(['template', 'recipient_ref']).where('case_id', '=', caseId)
      .where('template', '=', 'reporter_evidence').execute();
    expect(mail).toEqual([{ template: 'reporter_evidence', recipient_ref: 'samr-440106' }]);
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor']).where('case_id', '=', caseId)
      .where('action', '=', 'attachment.reporter_added').execute();
    expect(audit).toEqual([{ action: 'attachment.reporter_added', actor: 'reporter' }]);
    expect(JSON.stringify(view)).not.toContain('张三');
  });

  it('lists the reporter\'s files with the names they sent, and the history entry', async () => {
    const { reporter } = await fileAndLogin(report(), [['现场.jpg', baseJpeg]]);
    t.clock.advance(60_000);
    await upload(reporter, [['发票.pdf', pdf]]);
    const view = (await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body;
    expect(view.attachments).toEqual([
      expect.objectContaining({ name: 'attachment-1.jpg', sentAs: '现场.jpg', size: baseJpeg.length, addedAfterFiling: false }),
      expect.objectContaining({ name: 'attachment-2.pdf', sentAs: '发票.pdf', size: pdf.length, addedAfterFiling: true, at: expect.any(String) }),
    ]);
    expect(view.timeline.map((e: { event: string }) => e.event)).toEqual(['received', 'evidence_added']);
    expect(view.evidence).toEqual({ open: true, room: 8 });
  });

  it('refuses evidence for a closed case with 409 before reading it', async () => {
    const { caseNumber, reporter } = await fileAndLogin(complaint());
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'accept' }, handler);
    await call(t.app, 'POST', `/api/v1/staff/cases/${caseNumber}/actions`, { action: 'close', reply: '商家已退款。' }, handler);
    const res = await upload(reporter, [['late.jpg', baseJpeg]]);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('closed') });
    expect(stored.size).toBe(0);
    expect((await call(t.app, 'GET', '/api/v1/followup', undefined, reporter)).body.evidence).toEqual({ open: false, reason: 'closed' });
  });

  it('answers 401 without a session, and another reporter\'s session neither sees nor adds to the case', async () => {
    const a = await fileAndLogin(report(), [['mine.jpg', baseJpeg]]);
    const b = await fileAndLogin(report());
    expect((await upload({}, [['x.jpg', baseJpeg]])).status).toBe(401);
    expect((await upload(bearer('x'.repeat(43)), [['x.jpg', baseJpeg]])).status).toBe(401);
    expect((await upload(b.reporter, [['theirs.jpg', baseJpeg]])).status).toBe(201);
    const seenByB = (await call(t.app, 'GET', '/api/v1/followup', undefined, b.reporter)).body;
    expect(seenByB.attachments.map((f: { sentAs: string }) => f.sentAs)).toEqual(['theirs.jpg']);
    const seenByA = (await call(t.app, 'GET', '/api/v1/followup', undefined, a.reporter)).body;
    expect(seenByA.attachments.map((f: { sentAs: string }) => f.sentAs)).toEqual(['mine.jpg']);
    expect((await rowsOf(a.caseNumber)).length).toBe(1);
  });
});
