import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../../server/deps.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import {
  baseJpeg, basePng, baseWebp, contains, html, jpegWithMetadata, mp4, pdf, pngWithMetadata, webpWithMetadata, zip,
} from '../helpers/files.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let stored: Map<string, Uint8Array>;
beforeEach(async () => {
  t = await createTestApp();
  // A storage that can be looked into, to see what was kept and what was removed again.
  stored = new Map();
  const storage: Storage = {
    async put(key, bytes) { stored.set(key, bytes.slice()); },
    async get(key) { return stored.get(key)?.slice() ?? null; },
    async delete(key) { stored.delete(key); },
  };
  t.deps.storage = storage;
});
afterEach(async () => { await t.close(); });

type Part = [name: string, bytes: Uint8Array, type?: string];

const form = (body: unknown, files: Part[]) => {
  const data = new FormData();
  data.set('case', JSON.stringify(body));
  for (const [name, bytes, type] of files) data.append('attachments', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: type ?? 'application/octet-stream' }));
  return data;
};

const submit = async (body: unknown, files: Part[], headers: Record<string, string> = {}) => {
  const res = await t.app.request('/api/v1/cases', { method: 'POST', body: form(body, files), headers });
  return { status: res.status, body: await res.json() as any };
};

const caseCount = async () => Number((await t.deps.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

const handlerToken = async (department?: string) => bearer(await (await createStaff(t, { role: 'handler', ...(department ? { department } : {}) })).login());

describe('multipart submission', () => {
  it('files a case with its attachments, images and the PDF without metadata', async () => {
    const res = await submit(complaint(), [
      ['IMG_0001.jpg', jpegWithMetadata(), 'image/jpeg'], ['scan.png', pngWithMetadata()],
      ['photo.webp', webpWithMetadata()], ['发票.pdf', pdf, 'application/pdf'], ['clip.mp4', mp4],
    ]);
    expect(res.status).toBe(201);
    const rows = await t.deps.db.selectFrom('attachments').selectAll().orderBy('rowid' as never).execute();
    // Staff see neutral names; the names as sent are sealed (tests/api/attachment-names.test.ts).
    expect(rows.map((r) => [r.type, r.metadata_removed, r.display_name])).toEqual([
      ['image/jpeg', 1, 'attachment-1.jpg'], ['image/png', 1, 'attachment-2.png'], ['image/webp', 1, 'attachment-3.webp'],
      ['application/pdf', 1, 'attachment-4.pdf'], ['video/mp4', 0, 'attachment-5.mp4'],
    ]);
    const bytesOf = (i: number) => Buffer.from(stored.get(rows[i]!.storage_key)!);
    expect(bytesOf(0).equals(Buffer.from(baseJpeg))).toBe(true);
    expect(bytesOf(0).includes('Exif')).toBe(false);
    expect(bytesOf(1).equals(Buffer.from(basePng))).toBe(true);
    expect(bytesOf(2).equals(Buffer.from(baseWebp))).toBe(true);
    expect(bytesOf(3).length).toBe(pdf.length);
    expect(bytesOf(3).includes('Zhang San')).toBe(false);
    expect(bytesOf(4).equals(Buffer.from(mp4))).toBe(true);
    for (const r of rows) {
      expect(r.storage_key).toMatch(/^[A-Za-z0-9_-]{21}$/);
      expect(r.size).toBe(stored.get(r.storage_key)!.length);
    }
  });

  it('accepts a multipart body with no attachments, and JSON as before', async () => {
    expect((await submit(report(), [])).status).toBe(201);
    expect((await call(t.app, 'POST', '/api/v1/cases', report())).status).toBe(201);
    expect(stored.size).toBe(0);
  });

  it('answers 415 for a .jpg that is really a ZIP or HTML, and files nothing', async () => {
    for (const bytes of [zip, html]) {
      const res = await submit(report(), [['photo.jpg', baseJpeg], ['evidence.jpg', bytes, 'image/jpeg']]);
      expect(res.status).toBe(415);
      expect(res.body.error.code).toBe('unsupported_media_type');
      expect(res.body.error.issues[0].path).toBe('attachments.1');
    }
    expect(await caseCount()).toBe(0);
    expect(stored.size).toBe(0);
  });

  it('refuses 11 files with 400', async () => {
    const res = await submit(report(), Array.from({ length: 11 }, (_, i): Part => [`p${i}.jpg`, baseJpeg]));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('At most 10 attachments');
    expect(await caseCount()).toBe(0);
  });

  it('answers 413 for a file over 10 MB and 400 for an empty one', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    const tooBig = await submit(report(), [['big.pdf', big]]);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error.code).toBe('payload_too_large');
    const empty = await submit(report(), [['empty.pdf', new Uint8Array(0)]]);
    expect(empty.status).toBe(400);
    expect(await caseCount()).toBe(0);
  });

  it('answers 400 for a damaged image, a missing case part and an unknown part', async () => {
    expect((await submit(report(), [['x.jpg', baseJpeg.subarray(0, 100)]])).status).toBe(400);
    const noCase = new FormData();
    noCase.append('attachments', new File([pdf as Uint8Array<ArrayBuffer>], 'a.pdf'));
    expect((await t.app.request('/api/v1/cases', { method: 'POST', body: noCase })).status).toBe(400);
    const unknown = form(report(), []);
    unknown.append('attachment', new File([pdf as Uint8Array<ArrayBuffer>], 'a.pdf'));
    const res = await t.app.request('/api/v1/cases', { method: 'POST', body: unknown });
    expect(res.status).toBe(400);
    expect((await res.json() as any).error.message).toContain('attachment');
  });

  it('keeps the 1 MB limit for JSON, in a body or in the case part', async () => {
    const long = report({ description: 'x'.repeat(1_100_000) });
    expect((await call(t.app, 'POST', '/api/v1/cases', long)).status).toBe(413);
    expect((await submit(long, [])).status).toBe(413);
  });

  it('answers 413 from a declared multipart length over 10 × 10 MB + 1 MB without reading the body', async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) { pulled += 65536; controller.enqueue(new Uint8Array(65536)); },
    });
    const res = await t.app.request('/api/v1/cases', {
      method: 'POST', body: stream, duplex: 'half',
      headers: { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(10 * 10 * 1024 * 1024 + 1_000_001) },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(1024 * 1024);
  });

  it('removes the stored bytes when the case batch fails', async () => {
    t.deps.batch = async () => { throw new Error('disk full'); };
    const res = await submit(report(), [['a.jpg', jpegWithMetadata()], ['b.pdf', pdf]]);
    expect(res.status).toBe(500);
    expect(stored.size).toBe(0);
  });
});

describe('staff download', () => {
  const fileCase = async () => {
    const res = await submit(complaint(), [['IMG_0001.jpg', jpegWithMetadata()], ['report.pdf', pdf]]);
    return res.body.caseNumber as string;
  };

  it('lists the attachments on the case page with their download url', async () => {
    const caseNumber = await fileCase();
    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, await handlerToken());
    expect(view.status).toBe(200);
    expect(view.body.attachments).toHaveLength(2);
    expect(view.body.attachments[0]).toMatchObject({ type: 'image/jpeg', size: baseJpeg.length, metadataRemoved: true });
    expect(view.body.attachments[1]).toMatchObject({ type: 'application/pdf', size: pdf.length, metadataRemoved: true });
    expect(view.body.attachments[0].url).toBe(`/api/v1/staff/cases/${caseNumber}/attachments/${view.body.attachments[0].id}`);
  });

  it('lets a handler of the case department download, as an attachment with nosniff, and audits it', async () => {
    const caseNumber = await fileCase();
    const headers = await handlerToken();
    const [jpeg, doc] = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, headers)).body.attachments;
    const res = await t.app.request(jpeg.url, { headers });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="attachment-1.jpg"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(baseJpeg))).toBe(true);
    expect(contains(bytes, 'SECRETCAM')).toBe(false);
    const pdfRes = await t.app.request(doc.url, { headers });
    const docBytes = new Uint8Array(await pdfRes.arrayBuffer());
    expect(docBytes.length).toBe(pdf.length);
    expect(contains(docBytes, 'Zhang San')).toBe(false);
    const audit = await t.deps.db.selectFrom('audit_log').selectAll().where('action', '=', 'attachment.download').execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]!.actor).toMatch(/^handler\./);
    expect(JSON.parse(audit[0]!.detail!)).toMatchObject({ attachment: jpeg.id });
  });

  it('answers 404 to a handler of another department and 401 when signed out', async () => {
    const caseNumber = await fileCase();
    const [jpeg] = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, await handlerToken())).body.attachments;
    const other = await call(t.app, 'GET', jpeg.url, undefined, await handlerToken('housing-440300'));
    expect(other.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    const signedOut = await call(t.app, 'GET', jpeg.url);
    expect(signedOut.status).toBe(401);
    const audit = await t.deps.db.selectFrom('audit_log').select('seq').where('action', '=', 'attachment.download').execute();
    expect(audit).toHaveLength(0);
  });

  it('answers 404 for an attachment of another case or a malformed id', async () => {
    const caseNumber = await fileCase();
    const second = await fileCase();
    const headers = await handlerToken();
    const [jpeg] = (await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}`, undefined, headers)).body.attachments;
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${second}/attachments/${jpeg.id}`, undefined, headers)).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${caseNumber}/attachments/..%2F..%2Fetc`, undefined, headers)).status).toBe(404);
  });
});

describe('public form', () => {
  const fields = {
    kind: 'report', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
    description: '该厂使用过期原料生产月饼，仓库在后门。', 'reporter.anonymous': 'on',
  };
  const post = async (files: Part[]) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    for (const [name, bytes] of files) data.append('attachments', new File([bytes as Uint8Array<ArrayBuffer>], name));
    const res = await t.app.request('/submit', { method: 'POST', body: data, headers: { Origin: 'http://localhost' } });
    return { status: res.status, html: await res.text() };
  };

  it('offers a multipart form with a file input and the metadata warning', async () => {
    const html = await (await t.app.request('/submit')).text();
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toMatch(/<input[^>]*name="attachments"[^>]*type="file"[^>]*multiple/);
    expect(html).toContain('PDF 和 MP4 文件中的作者、设备、位置等信息会尽量删除');
    expect(html).toContain('照片中的拍摄位置、相机型号');
    const en = await (await t.app.request('/submit?lang=en')).text();
    expect(en).toContain('removed from PDF and MP4 files where possible');
  });

  it('files a case with attachments through the form', async () => {
    const res = await post([['IMG_0001.jpg', jpegWithMetadata()], ['证据.pdf', pdf]]);
    expect(res.status).toBe(200);
    expect(res.html).toMatch(/GD\d{13}/);
    const rows = await t.deps.db.selectFrom('attachments').selectAll().execute();
    expect(rows.map((r) => r.type)).toEqual(['image/jpeg', 'application/pdf']);
    expect(Buffer.from(stored.get(rows[0]!.storage_key)!).equals(Buffer.from(baseJpeg))).toBe(true);
  });

  it('treats an untouched file input as no file', async () => {
    // What a browser sends for a file input nobody touched (FormData in Node would drop the filename).
    const part = (name: string, value: string, extra = '') => `--b\r\nContent-Disposition: form-data; name="${name}"${extra}\r\n\r\n${value}\r\n`;
    const body = Object.entries(fields).map(([k, v]) => part(k, v)).join('')
      + `--b\r\nContent-Disposition: form-data; name="attachments"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--b--\r\n`;
    const res = await t.app.request('/submit', {
      method: 'POST', body, headers: { Origin: 'http://localhost', 'Content-Type': 'multipart/form-data; boundary=b' },
    });
    expect(res.status).toBe(200);
    expect(await t.deps.db.selectFrom('attachments').selectAll().execute()).toHaveLength(0);
  });

  it('shows the form again with a message for a file of another type', async () => {
    const res = await post([['photo.jpg', html]]);
    expect(res.status).toBe(400);
    expect(res.html).toContain('只能上传 JPEG、PNG、WebP 照片');
    expect(res.html).toContain('href="#f-attachments"');
    expect(res.html).toContain('请重新选择');
    expect(await caseCount()).toBe(0);
  });
});
