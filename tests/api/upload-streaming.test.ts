/**
 * Issue 13 §7 through the app: a multipart upload is refused as it streams in, having pulled only
 * what its refusal needed; uploads in flight are capped with a 503 in the API's error shape; the
 * public form drops a refused file, reads on and shows everything typed again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { pdf } from '../helpers/files.js';

const MB = 1024 * 1024;
const BOUNDARY = 'streaming-test';
const enc = new TextEncoder();

let t: TestApp;
afterEach(async () => { await t?.close(); });

const partHead = (name: string, filename?: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"${filename === undefined ? '' : `; filename="${filename}"`}\r\n\r\n`;
const casePart = () => `${partHead('case')}${JSON.stringify(report())}\r\n`;

/** A body that starts with `head` and then never ends, counting what the app pulled of it. */
function endless(head: Uint8Array) {
  const counter = { pulled: 0 };
  const filler = new Uint8Array(64 * 1024).fill(0x20);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = counter.pulled === 0 ? head : filler;
      counter.pulled += chunk.length;
      // A stop at 200 MB so an app that does read everything ends the test instead of hanging it.
      if (counter.pulled > 200 * MB) controller.close(); else controller.enqueue(chunk);
    },
  }, { highWaterMark: 0 });
  return { stream, counter };
}

const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) => t.app.request(path, {
  method: 'POST', body, duplex: 'half',
  headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}`, origin: 'http://localhost', ...headers },
} as RequestInit);

const cat = (...parts: (string | Uint8Array)[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p))));

describe('POST /api/v1/cases, multipart, as it streams in', () => {
  it('answers 415 for a file that is no accepted type after its first 4 KB, not its 200 MB', async () => {
    t = await createTestApp();
    const { stream, counter } = endless(enc.encode(`${casePart()}${partHead('attachments', 'photo.jpg')}MZ\x90\0`));
    const res = await post('/api/v1/cases', stream);
    expect(res.status).toBe(415);
    expect((await res.json() as any).error).toMatchObject({ code: 'unsupported_media_type', issues: [{ path: 'attachments.0' }] });
    expect(counter.pulled).toBeLessThan(256 * 1024);
  });

  it('answers 413 for a PDF once it passes 10 MB, without reading on', async () => {
    t = await createTestApp();
    const { stream, counter } = endless(cat(casePart(), partHead('attachments', 'big.pdf'), pdf));
    const res = await post('/api/v1/cases', stream);
    expect(res.status).toBe(413);
    expect((await res.json() as any).error).toMatchObject({ code: 'payload_too_large', issues: [{ path: 'attachments.0' }] });
    expect(counter.pulled).toBeGreaterThan(10 * MB);
    expect(counter.pulled).toBeLessThan(10 * MB + 256 * 1024);
  });

  it('answers 413 for a case part over the JSON limit, having read little more than it', async () => {
    t = await createTestApp();
    const { stream, counter } = endless(enc.encode(`${partHead('case')}{"description":"`));
    const res = await post('/api/v1/cases', stream);
    expect(res.status).toBe(413);
    expect(counter.pulled).toBeLessThan(t.deps.config.INTAKE_MAX_BODY_BYTES + 256 * 1024);
  });

  it('answers 400 for a text part among the attachments, a second case part and a body cut short', async () => {
    t = await createTestApp();
    const text = await post('/api/v1/cases', `${casePart()}${partHead('attachments')}not a file\r\n--${BOUNDARY}--\r\n`);
    expect(text.status).toBe(400);
    expect((await text.json() as any).error.issues[0].path).toBe('attachments.0');
    expect((await post('/api/v1/cases', `${casePart()}${casePart()}--${BOUNDARY}--\r\n`)).status).toBe(400);
    expect((await post('/api/v1/cases', `${casePart()}${partHead('attachments', 'a.pdf')}%PDF-1.4`)).status).toBe(400);
    expect((await post('/api/v1/cases', casePart(), { 'content-type': 'multipart/form-data' })).status).toBe(400);
  });
});

/** An upload whose body ends only when the test calls release(): it holds a place in the cap. */
function heldUpload() {
  let release!: () => void;
  const released = new Promise<void>((resolve) => { release = resolve; });
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      controller.enqueue(enc.encode(casePart()));
      await released;
      controller.enqueue(enc.encode(`--${BOUNDARY}--\r\n`));
      controller.close();
    },
  });
  return { first: post('/api/v1/cases', body), release };
}

describe('uploads in flight', () => {
  it('answers 503 with Retry-After while the cap is full, and takes uploads again once one ends', async () => {
    t = await createTestApp({ env: { INTAKE_MAX_UPLOADS_IN_FLIGHT: '1' } });
    const { first, release } = heldUpload();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const { stream, counter } = endless(enc.encode(casePart()));
    const refused = await post('/api/v1/cases', stream);
    expect(refused.status).toBe(503);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json() as any).error.code).toBe('unavailable');
    expect(counter.pulled).toBeLessThanOrEqual(enc.encode(casePart()).length);
    // The cap is on uploads only: JSON submissions go on.
    const json = await t.app.request('/api/v1/cases', { method: 'POST', body: JSON.stringify(report()), headers: { 'content-type': 'application/json' } });
    expect(json.status).toBe(201);

    release();
    expect((await first).status).toBe(201);
    expect((await post('/api/v1/cases', `${casePart()}--${BOUNDARY}--\r\n`)).status).toBe(201);
  });

  it('shares the cap with the public form, which answers 503 as a page', async () => {
    t = await createTestApp({ env: { INTAKE_MAX_UPLOADS_IN_FLIGHT: '1' } });
    const { first, release } = heldUpload();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const page = await post('/submit', `${partHead('kind')}report\r\n--${BOUNDARY}--\r\n`);
    expect(page.status).toBe(503);
    expect(page.headers.get('retry-after')).toBeTruthy();
    expect(page.headers.get('content-type')).toContain('text/html');
    release();
    expect((await first).status).toBe(201);
  });

  it('frees its place when an upload is refused', async () => {
    t = await createTestApp({ env: { INTAKE_MAX_UPLOADS_IN_FLIGHT: '1' } });
    for (let i = 0; i < 3; i++) {
      expect((await post('/api/v1/cases', `${casePart()}${partHead('attachments', 'x.jpg')}<html>\r\n--${BOUNDARY}--\r\n`)).status).toBe(415);
    }
    expect((await post('/api/v1/cases', `${casePart()}--${BOUNDARY}--\r\n`)).status).toBe(201);
  });
});

describe('the public form', () => {
  const fields = {
    kind: 'report', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
    description: '该厂使用过期原料生产月饼，仓库在后门。', 'reporter.anonymous': 'on',
  };
  const fieldParts = (names: string[]) => names.map((k) => `${partHead(k)}${fields[k as keyof typeof fields]}\r\n`).join('');

  it('drops a file of another type, reads the fields after it and shows them again', async () => {
    t = await createTestApp();
    const body = cat(
      fieldParts(['kind', 'category']), partHead('attachments', 'setup.jpg'), new Uint8Array(MB).fill(0x4d), '\r\n',
      fieldParts(['region', 'subject.name', 'description', 'reporter.anonymous']), `--${BOUNDARY}--\r\n`,
    );
    const res = await post('/submit', body);
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('只能上传 JPEG、PNG、WebP 照片');
    expect(html).toContain('该厂使用过期原料生产月饼，仓库在后门。');
    expect(html).toContain('某某食品有限公司');
    expect(await t.deps.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
  });

  it('says which file is over 10 MB and files nothing', async () => {
    t = await createTestApp();
    const big = new Uint8Array(10 * MB + 1).fill(0x20);
    big.set(pdf);
    const body = cat(fieldParts(Object.keys(fields)), partHead('attachments', 'scan.pdf'), big, `\r\n--${BOUNDARY}--\r\n`);
    const res = await post('/submit', body);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('每个文件不能超过 10 MB');
    expect(await t.deps.db.selectFrom('cases').selectAll().execute()).toHaveLength(0);
  });

  it('files a case with a PDF sent after the fields', async () => {
    t = await createTestApp();
    const body = cat(fieldParts(Object.keys(fields)), partHead('attachments', 'scan.pdf'), pdf, `\r\n--${BOUNDARY}--\r\n`);
    const res = await post('/submit', body);
    expect(res.status).toBe(200);
    expect(await t.deps.db.selectFrom('attachments').selectAll().execute()).toHaveLength(1);
  });
});
