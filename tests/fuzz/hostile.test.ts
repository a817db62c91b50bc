/**
 * The specific hostile cases of issue 7: oversized bodies refused as they stream in, wrong content
 * types, script in a description, path tricks in attachment names, SQL-looking input, and a
 * megabyte receipt or password refused before any expensive work.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MailMessage } from '../../server/deps.js';
import { diskStorage } from '../../server/node/storage.js';
import { drainOutbox } from '../../server/notify/outbox.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { baseJpeg, basePng, pdf } from '../helpers/files.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';
import { expectErrorShape } from './requests.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '0' } }); });
afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
});

const SAME_ORIGIN = { origin: 'http://localhost' };
const MB = 1024 * 1024;

/** An endless body that counts how many bytes the server pulled from it. */
function countingStream(chunkText = 'x') {
  const counter = { pulled: 0 };
  const chunk = new TextEncoder().encode(chunkText.repeat(64 * 1024));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      counter.pulled += chunk.length;
      // A stop at 64 MB so a server that does read everything ends the test instead of hanging it.
      if (counter.pulled > 64 * MB) controller.close(); else controller.enqueue(chunk);
    },
  });
  return { stream, counter, chunkBytes: chunk.length };
}

async function handlerSession(): Promise<{ staff: TestStaff; token: string; cookie: string }> {
  const staff = await createStaff(t, { role: 'handler', department: 'samr-440106' });
  const token = await staff.login();
  return { staff, token, cookie: `intake_session=${token}` };
}

describe('an oversized body', () => {
  const targets: [string, string, string][] = [
    ['/api/v1/cases', 'application/json', '{"description":"'],
    ['/api/v1/followup/login', 'application/json', '{"receipt":"'],
    ['/api/v1/staff/login', 'application/json', '{"username":"a","password":"'],
    ['/submit', 'application/x-www-form-urlencoded', 'description='],
    ['/followup', 'application/x-www-form-urlencoded', 'receipt='],
    ['/staff/login', 'application/x-www-form-urlencoded', 'username=a&password='],
  ];
  for (const [path, type] of targets) {
    it(`answers 413 on ${path} after reading little more than the 1 MB limit of an endless stream`, async () => {
      const { stream, counter, chunkBytes } = countingStream();
      const res = await t.app.request(path, {
        method: 'POST', body: stream, headers: { 'content-type': type, ...SAME_ORIGIN }, duplex: 'half',
      } as RequestInit);
      const answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
      expect(answer.status).toBe(413);
      expectErrorShape(answer, path);
      expect(JSON.parse(answer.text).error.code).toBe('payload_too_large');
      expect(counter.pulled).toBeLessThanOrEqual(t.deps.config.INTAKE_MAX_BODY_BYTES + 2 * chunkBytes);
    });
  }

  it('answers 413 from a declared Content-Length alone, before pulling the body', async () => {
    for (const [path, type] of targets) {
      const { stream, counter, chunkBytes } = countingStream();
      const res = await t.app.request(path, {
        method: 'POST', body: stream, duplex: 'half',
        headers: { 'content-type': type, 'content-length': String(50 * MB), ...SAME_ORIGIN },
      } as RequestInit);
      expect(res.status, path).toBe(413);
      // A ReadableStream may pre-fill its queue with one chunk; the server reads none of it.
      expect(counter.pulled, path).toBeLessThanOrEqual(chunkBytes);
      await res.body?.cancel();
    }
  });
});

describe('a wrong content type', () => {
  it('answers 415 in the API.md shape on every JSON endpoint', async () => {
    const { token } = await handlerSession();
    const filed = await call(t.app, 'POST', '/api/v1/cases', complaint());
    const followup = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    const endpoints: [string, Record<string, string>][] = [
      ['/api/v1/cases', {}],
      ['/api/v1/followup/login', {}],
      ['/api/v1/followup/messages', bearer(followup.body.token)],
      ['/api/v1/followup/satisfaction', bearer(followup.body.token)],
      ['/api/v1/staff/login', {}],
      [`/api/v1/staff/cases/${filed.body.caseNumber}/actions`, bearer(token)],
      [`/api/v1/staff/cases/${filed.body.caseNumber}/messages`, bearer(token)],
    ];
    const body = JSON.stringify({ receipt: '1234567890123456', body: 'hello', action: 'accept', username: 'a', password: 'b' });
    for (const [path, auth] of endpoints) {
      for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'text/json', null]) {
        const res = await t.app.request(path, { method: 'POST', body, headers: { ...auth, ...(type ? { 'content-type': type } : {}) } });
        // fetch gives a string body text/plain;charset=UTF-8 when none is set; drop it to send no type at all.
        const answer = { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
        expect(answer.status, `${path} as ${type}`).toBe(415);
        expectErrorShape(answer, path);
        expect(JSON.parse(answer.text).error.code).toBe('unsupported_media_type');
      }
    }
  });

  it('answers 415 for a multipart body where only JSON is taken', async () => {
    const form = new FormData();
    form.set('receipt', '1234567890123456');
    const res = await t.app.request('/api/v1/followup/login', { method: 'POST', body: form });
    expect(res.status).toBe(415);
  });
});

const XSS = `<script>alert("xss")</script><img src=x onerror=alert(1)>`;

describe('script in what a reporter wrote', () => {
  it('is escaped on the staff case page, the queue, the hand-over form and the follow-up page', async () => {
    const { cookie, token } = await handlerSession();
    const filed = await call(t.app, 'POST', '/api/v1/cases', complaint({
      description: `月饼发霉，商家拒绝退款。${XSS}`, subject: { name: `某某食品${XSS}`, address: `体育西路${XSS}` }, claim: `退款${XSS}`,
    }));
    expect(filed.status).toBe(201);
    const n = filed.body.caseNumber as string;
    const followup = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    expect((await call(t.app, 'POST', '/api/v1/followup/messages', { body: `补充：${XSS}` }, bearer(followup.body.token))).status).toBe(201);
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/messages`, { body: `请补充凭证${XSS}` }, bearer(token))).status).toBe(201);

    const pages = [
      await call(t.app, 'GET', `/staff/cases/${n}`, undefined, { cookie }),
      await call(t.app, 'GET', '/staff', undefined, { cookie }),
      await call(t.app, 'GET', `/staff/cases/${n}/handover`, undefined, { cookie }),
      await call(t.app, 'GET', '/followup/case', undefined, { cookie: `intake_followup=${followup.body.token}` }),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('<script>alert');
      expect(page.text).not.toContain('<img src=x');
    }
    // The case page shows what was written, as text.
    expect(pages[0]!.text).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(pages[3]!.text).toContain('补充：&lt;script&gt;');
  });

  it('is escaped when the intake form is shown again with errors', async () => {
    const form = new URLSearchParams({ kind: 'complaint', category: 'product.food', region: '440106', description: XSS, 'subject.name': XSS });
    const res = await t.app.request('/submit', { method: 'POST', body: form, headers: SAME_ORIGIN });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('&lt;script&gt;alert');
  });

  it('never reaches department or reporter mail, and a scripted category name is escaped in the HTML part', async () => {
    const admin = await createStaff(t, { role: 'admin' });
    const renamed = await call(t.app, 'PATCH', '/api/v1/admin/categories/product.food', { nameZh: `食品${XSS}` }, bearer(await admin.login()));
    expect(renamed.status).toBe(200);
    const filed = await call(t.app, 'POST', '/api/v1/cases', complaint({
      description: `月饼发霉，商家拒绝退款。${XSS}`, subject: { name: `某某食品${XSS}` },
      reporter: { anonymous: false, name: '张三', phone: '13800138000', address: '广州市天河区', email: 'zhang@example.com' },
    }));
    expect(filed.status).toBe(201);
    const followup = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    await call(t.app, 'POST', '/api/v1/followup/messages', { body: `补充：${XSS}` }, bearer(followup.body.token));

    const sent: MailMessage[] = [];
    const summary = await drainOutbox({ ...t.deps, mailer: { send: async (m) => { sent.push(m); } } });
    expect(summary.failed).toBe(0);
    const templates = (await t.deps.db.selectFrom('outbox').select('template').execute()).map((r) => r.template);
    expect(templates).toEqual(expect.arrayContaining(['case_new_department', 'case_received_reporter', 'reporter_message']));
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const mail of sent) {
      const all = `${mail.subject}\n${mail.text}\n${mail.html ?? ''}`;
      expect(all).not.toContain('月饼发霉');
      expect(all).not.toContain('某某食品');
      expect(mail.html ?? '').not.toMatch(/<script|<img/i);
    }
    const department = sent.filter((m) => m.to.startsWith('samr-440106'));
    expect(department.length).toBeGreaterThanOrEqual(2);
    for (const mail of department) {
      expect(mail.html).toContain('食品&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
      // A text/plain part is not interpreted: the name is shown as it is.
      expect(mail.text).toContain(`食品${XSS}`);
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
  });
});

describe('path tricks in attachment names', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'intake-hostile-'));
    t.deps.storage = diskStorage(join(dir, 'attachments'));
  });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

  it('are never used as paths: stored under random keys, shown and downloaded under a sanitised name', async () => {
    const files: [string, Uint8Array, string][] = [
      ['../../etc/passwd.jpg', baseJpeg, 'passwd.jpg'],
      ['..\\..\\windows\\system32\\evil.png', basePng, 'evil.png'],
      ['/etc/shadow', pdf, 'shadow.pdf'],
      ['a/b/../../../../c.jpg', baseJpeg, 'c.jpg'],
      ['photo.exe\u202Egpj.jpg', baseJpeg, 'photo.exegpj.jpg'],
      ['../..', baseJpeg, ''],
    ];
    const form = new FormData();
    form.set('case', JSON.stringify(report()));
    for (const [name, bytes] of files) form.append('attachments', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'image/jpeg' }));
    const res = await t.app.request('/api/v1/cases', { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const { caseNumber: n, receipt } = await res.json() as { caseNumber: string; receipt: string };

    // Only random keys inside the attachments folder; nothing was written anywhere else under the data dir.
    expect(await readdir(dir)).toEqual(['attachments']);
    const stored = await readdir(join(dir, 'attachments'));
    expect(stored).toHaveLength(files.length);
    for (const key of stored) expect(key).toMatch(/^[A-Za-z0-9_-]{10,64}$/);
    const rows = await t.deps.db.selectFrom('attachments').select(['storage_key', 'display_name']).execute();
    expect(rows.map((r) => r.storage_key).sort()).toEqual([...stored].sort());

    const { token } = await handlerSession();
    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, bearer(token));
    const shown = (view.body.attachments as { name: string | null; url: string }[]);
    // Staff see neutral names only; the sanitised name as sent goes back to the reporter alone.
    expect(shown.map((a) => a.name)).toEqual(['jpg', 'png', 'pdf', 'jpg', 'jpg', 'jpg'].map((ext, i) => `attachment-${i + 1}.${ext}`));
    const login = await call(t.app, 'POST', '/api/v1/followup/login', { receipt });
    const followup = await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(login.body.token));
    expect((followup.body.attachments as { sentAs: string | null }[]).map((a) => a.sentAs ?? '')).toEqual(files.map(([, , expected]) => expected));
    for (const a of shown) {
      const download = await t.app.request(a.url, { headers: bearer(token) });
      expect(download.status).toBe(200);
      const disposition = download.headers.get('content-disposition') ?? '';
      expect(disposition).toMatch(/^attachment; filename="[\w.-]+"/);
      expect(disposition).not.toMatch(/\.\.|%2F|%5C|[/\\]/i);
    }
  });
});

describe('SQL-looking input', () => {
  const sql = `Robert'); DROP TABLE cases;-- ' OR '1'='1; DELETE FROM users WHERE 1=1; --`;

  it('is stored and shown verbatim, and every table is still there', async () => {
    const filed = await call(t.app, 'POST', '/api/v1/cases', report({
      description: sql, subject: { name: `x'); DROP TABLE cases;--`, address: `"; UPDATE cases SET status='closed' --` },
    }));
    expect(filed.status).toBe(201);
    const followup = await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt });
    expect((await call(t.app, 'POST', '/api/v1/followup/messages', { body: sql }, bearer(followup.body.token))).status).toBe(201);

    const { token } = await handlerSession();
    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${filed.body.caseNumber}`, undefined, bearer(token));
    expect(view.status).toBe(200);
    expect(view.body.description).toBe(sql);
    expect(view.body.subject).toMatchObject({ name: `x'); DROP TABLE cases;--`, address: `"; UPDATE cases SET status='closed' --` });
    expect(view.body.status).toBe('received');
    expect((view.body.messages as { body: string }[]).map((m) => m.body)).toContain(sql);

    // Queue filters are bound parameters too: an injection matches nothing instead of everything.
    const queue = await call(t.app, 'GET', `/api/v1/staff/cases?category=${encodeURIComponent("' OR '1'='1")}&status=${encodeURIComponent("x' OR 1=1 --")}`, undefined, bearer(token));
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([]);
    expect(await t.deps.db.selectFrom('cases').select('id').execute()).toHaveLength(1);
    expect((await t.deps.db.selectFrom('users').select('id').execute()).length).toBeGreaterThan(0);
  });
});

describe('a megabyte receipt or password', () => {
  /** Counts the expensive work: PBKDF2 (passwords) and HMAC keys (receipt hashes). */
  function spyOnCrypto() {
    return {
      deriveBits: vi.spyOn(crypto.subtle, 'deriveBits'),
      importKey: vi.spyOn(crypto.subtle, 'importKey'),
      sign: vi.spyOn(crypto.subtle, 'sign'),
      // On Node the password KDF runs in a thread of its own, behind the deps.pbkdf2 port.
      kdf: t.deps.pbkdf2 ? vi.spyOn(t.deps, 'pbkdf2') : vi.spyOn(crypto.subtle, 'deriveBits'),
    };
  }
  const notCalled = (spies: ReturnType<typeof spyOnCrypto>) => {
    for (const [name, spy] of Object.entries(spies)) expect(spy, name).not.toHaveBeenCalled();
  };
  const timed = async <T>(run: () => Promise<T>) => {
    const started = performance.now();
    const value = await run();
    return { value, ms: performance.now() - started };
  };

  it('refuses a receipt over the body limit with 413 and one under it with 400, hashing nothing', async () => {
    const spies = spyOnCrypto();
    const huge = await timed(() => call(t.app, 'POST', '/api/v1/followup/login', { receipt: '1'.repeat(MB) }));
    expect(huge.value.status).toBe(413);
    const large = await timed(() => call(t.app, 'POST', '/api/v1/followup/login', { receipt: '1'.repeat(MB - 64 * 1024) }));
    expect(large.value.status).toBe(400);
    expect(large.value.body.error.issues[0].path).toBe('receipt');
    const page = await timed(async () => t.app.request('/followup', {
      method: 'POST', body: new URLSearchParams({ receipt: '1'.repeat(MB - 64 * 1024) }), headers: SAME_ORIGIN,
    }));
    expect(page.value.status).toBe(400);
    notCalled(spies);
    // Generous: the point is that nothing scales with the input; the spies are the real check.
    for (const { ms } of [huge, large, page]) expect(ms).toBeLessThan(10_000);
    // …which do see a receipt being hashed when one is.
    expect((await call(t.app, 'POST', '/api/v1/followup/login', { receipt: '1234 5678 9012 3456' })).status).toBe(401);
    expect(spies.sign.mock.calls.length + spies.importKey.mock.calls.length).toBeGreaterThan(0);
  });

  it('does not count a refused receipt as a guess', async () => {
    const tight = await createTestApp({ env: { INTAKE_RECEIPT_DELAY_MS: '0', INTAKE_RECEIPT_MAX_FAILURES: '1' } });
    try {
      const filed = await call(tight.app, 'POST', '/api/v1/cases', report());
      for (let i = 0; i < 3; i++) expect((await call(tight.app, 'POST', '/api/v1/followup/login', { receipt: '1'.repeat(100_000) })).status).toBe(400);
      expect((await call(tight.app, 'POST', '/api/v1/followup/login', { receipt: filed.body.receipt })).status).toBe(200);
    } finally {
      await tight.close();
    }
  });

  it('refuses a password over the body limit with 413 and one under it with 400 or 401, without running the KDF', async () => {
    const { staff } = await handlerSession();
    const spies = spyOnCrypto();
    const huge = await timed(() => call(t.app, 'POST', '/api/v1/staff/login', { username: staff.username, password: 'p'.repeat(MB) }));
    expect(huge.value.status).toBe(413);
    const large = await timed(() => call(t.app, 'POST', '/api/v1/staff/login', { username: staff.username, password: 'p'.repeat(MB - 64 * 1024) }));
    expect(large.value.status).toBe(400);
    expect(large.value.body.error.issues[0].path).toBe('password');
    const page = await timed(async () => t.app.request('/staff/login', {
      method: 'POST', body: new URLSearchParams({ username: staff.username, password: 'p'.repeat(MB - 64 * 1024) }), headers: SAME_ORIGIN,
    }));
    expect(page.value.status).toBe(401);
    const html = await page.value.text();
    expect(html.length).toBeLessThan(64 * 1024);
    notCalled(spies);
    for (const { ms } of [huge, large, page]) expect(ms).toBeLessThan(10_000);

    // The same account still signs in (a refused megabyte is no guess that locks it), and the spy
    // does see the KDF when it runs.
    expect(await staff.login()).toMatch(/\S{20,}/);
    expect(spies.kdf).toHaveBeenCalled();
  });
});
