/**
 * The streaming multipart parser: what it reads must equal what the runtime's own formData() reads,
 * however the body is cut into chunks, and a refusal must stop the stream without reading on.
 */
import { describe, expect, it } from 'vitest';
import {
  boundaryOf, indexOfBytes, MAX_HEADER_BYTES, MultipartParser, MultipartSyntaxError, readMultipart, type PartInfo,
} from '../../server/attachments/multipart-parser.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

interface Parsed { info: PartInfo; bytes: Uint8Array }

/** Feeds `body` in chunks of the given sizes (cycled) and returns the parts. */
function parse(body: Uint8Array, boundary: string, sizes: number[] = [body.length]): Parsed[] {
  const parts: Parsed[] = [];
  const parser = new MultipartParser(boundary, (info) => {
    const chunks: Uint8Array[] = [];
    return {
      data: (b) => { chunks.push(b.slice()); },
      end: () => { parts.push({ info, bytes: new Uint8Array(Buffer.concat(chunks)) }); },
    };
  });
  for (let at = 0, i = 0; at < body.length; i++) {
    const size = Math.max(1, sizes[i % sizes.length]!);
    parser.push(body.subarray(at, at + size));
    at += size;
  }
  parser.finish();
  return parts;
}

/** A body as fetch encodes a FormData, with its boundary. */
async function encoded(form: FormData): Promise<{ body: Uint8Array; boundary: string }> {
  const res = new Response(form);
  return { body: new Uint8Array(await res.arrayBuffer()), boundary: boundaryOf(res.headers.get('content-type'))! };
}

const raw = (text: string) => enc.encode(text.replace(/\n/g, '\r\n'));

/** Deterministic bytes, rich in CR, LF and dashes, so delimiter look-alikes occur. */
function tricky(length: number, seed: number): Uint8Array {
  const alphabet = enc.encode('\r\n-b-ou\r\n--x');
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = (s >>> 16) % 3 === 0 ? alphabet[(s >>> 8) % alphabet.length]! : (s >>> 8) & 0xff;
  }
  return out;
}

describe('boundaryOf', () => {
  it('reads a plain or quoted boundary, and refuses none, an empty or an over-long one', () => {
    expect(boundaryOf('multipart/form-data; boundary=abc')).toBe('abc');
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b:c"')).toBe('a b:c');
    expect(boundaryOf('multipart/form-data')).toBeNull();
    expect(boundaryOf('multipart/form-data; boundary=')).toBeNull();
    expect(boundaryOf(`multipart/form-data; boundary=${'x'.repeat(71)}`)).toBeNull();
  });
});

describe('indexOfBytes', () => {
  it('finds a needle at the start, in the middle, at the end, or not at all', () => {
    const hay = enc.encode('ab\r\n--b\r\n--bo');
    expect(indexOfBytes(hay, enc.encode('\r\n--bo'))).toBe(7);
    expect(indexOfBytes(hay, enc.encode('ab'))).toBe(0);
    expect(indexOfBytes(hay, enc.encode('\r\n--box'))).toBe(-1);
  });
});

describe('MultipartParser', () => {
  it('reads what formData() reads, however the body is cut into chunks', async () => {
    const form = new FormData();
    form.set('case', JSON.stringify({ description: '该厂使用过期原料\r\n--不是分隔符' }));
    form.append('attachments', new File([tricky(20_000, 1) as Uint8Array<ArrayBuffer>], '发票 "1".pdf'));
    form.append('attachments', new File([], ''));
    form.append('attachments', new File([tricky(3, 2) as Uint8Array<ArrayBuffer>], 'a\\b.jpg'));
    form.set('empty', '');
    const { body, boundary } = await encoded(form);
    const expected = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }).formData();
    const want = await Promise.all([...expected.entries()].map(async ([name, v]) => ({
      name, filename: typeof v === 'string' ? null : v.name, hex: Buffer.from(typeof v === 'string' ? enc.encode(v) : new Uint8Array(await v.arrayBuffer())).toString('hex'),
    })));
    for (const sizes of [[1], [2], [3], [7], [boundary.length + 3], [64, 1, 5000], [65536], [body.length]]) {
      const got = parse(body, boundary, sizes).map((p) => ({ name: p.info.name, filename: p.info.filename, hex: Buffer.from(p.bytes).toString('hex') }));
      expect(got, `chunks of ${sizes.join(',')}`).toEqual(want);
    }
  });

  it('agrees with formData() on 40 random forms cut at random places', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const form = new FormData();
      let s = seed;
      const next = (n: number) => { s = (s * 1103515245 + 12345) >>> 0; return (s >>> 8) % n; };
      for (let i = 0, parts = 1 + next(6); i < parts; i++) {
        if (next(2) === 0) form.append(`f${next(3)}`, dec.decode(tricky(next(300), seed * 10 + i)));
        else form.append('attachments', new File([tricky(next(5000), seed * 10 + i) as Uint8Array<ArrayBuffer>], `x${i}.bin`));
      }
      const { body, boundary } = await encoded(form);
      const expected = await new Response(body as Uint8Array<ArrayBuffer>, { headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } }).formData();
      const want = await Promise.all([...expected.entries()].map(async ([name, v]) =>
        [name, Buffer.from(typeof v === 'string' ? enc.encode(v) : new Uint8Array(await v.arrayBuffer())).toString('hex')]));
      const sizes = Array.from({ length: 5 }, () => 1 + next(boundary.length * 3));
      expect(parse(body, boundary, sizes).map((p) => [p.info.name, Buffer.from(p.bytes).toString('hex')]), `seed ${seed}`).toEqual(want);
    }
  });

  it('keeps bytes that only look like a delimiter, and ignores a preamble, padding and the epilogue', () => {
    const body = raw('preamble --bnd\n--bn\n--bnd  \t\nContent-Disposition: form-data; name="x"\n\n'
      + 'one --bnd\n--bn two\n-bnd\n\n--bnd--\nepilogue\n--bnd\n');
    const parts = parse(body, 'bnd');
    expect(parts.map((p) => [p.info.name, dec.decode(p.bytes)])).toEqual([['x', 'one --bnd\r\n--bn two\r\n-bnd\r\n']]);
    // "--b" at once, without a CRLF before it, opens the body too.
    expect(parse(raw('--b\nContent-Disposition: form-data; name="y"\n\nv\n--b--'), 'b')).toHaveLength(1);
  });

  it('reads names and file names as browsers and other clients write them', () => {
    const part = (disposition: string) => parse(raw(`--b\nContent-Disposition: ${disposition}\nContent-Type: image/jpeg\n\nx\n--b--\n`), 'b')[0]!.info;
    expect(part('form-data; name="attachments"; filename="a%22b%0A.jpg"')).toEqual({ name: 'attachments', filename: 'a"b\n.jpg', contentType: 'image/jpeg' });
    expect(part('form-data; name=attachments; filename=plain.jpg')).toMatchObject({ name: 'attachments', filename: 'plain.jpg' });
    expect(part('form-data; name="x"; filename="c:\\photos\\a.jpg"').filename).toBe('c:\\photos\\a.jpg');
    expect(part('form-data; name="x"; filename="a; name=case.jpg"').name).toBe('x');
    expect(part("form-data; name=\"x\"; filename=\"fallback.jpg\"; filename*=UTF-8''%E5%8F%91%E7%A5%A8.jpg").filename).toBe('发票.jpg');
    expect(part('FORM-DATA; NAME="x"').filename).toBeNull();
    expect(part('form-data; name="x"; filename=""').filename).toBe('');
  });

  it('refuses a body without its closing boundary, a part without a name, junk after a boundary and a huge header', () => {
    const bad = (text: string) => () => parse(typeof text === 'string' ? raw(text) : text, 'b');
    expect(bad('--b\nContent-Disposition: form-data; name="x"\n\nv\n--b')).toThrow(MultipartSyntaxError);
    expect(bad('--b\nContent-Disposition: form-data; name="x"\n\nv')).toThrow(MultipartSyntaxError);
    expect(bad('no boundary at all')).toThrow(MultipartSyntaxError);
    expect(bad('--b\nContent-Disposition: form-data\n\nv\n--b--')).toThrow(/without a name/);
    expect(bad('--b\nContent-Disposition: attachment; name="x"\n\nv\n--b--')).toThrow(/form-data/);
    expect(bad('--b\n\nv\n--b--')).toThrow(/form-data/);
    expect(bad('--bjunk\nContent-Disposition: form-data; name="x"\n\nv\n--b--')).toThrow(/junk/);
    // A header that never ends is refused once it passes the limit, not read on for ever.
    const parser = new MultipartParser('b', () => ({ data() {}, end() {} }));
    parser.push(raw('--b\nX-Long: '));
    expect(() => { for (let i = 0; i < 20; i++) parser.push(new Uint8Array(MAX_HEADER_BYTES / 8).fill(97)); }).toThrow(/header is too large/);
  });
});

describe('readMultipart', () => {
  /** An endless body after a valid head, counting what was pulled. */
  function endless(head: Uint8Array) {
    const counter = { pulled: 0 };
    const filler = new Uint8Array(65536).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = counter.pulled === 0 ? head : filler;
        counter.pulled += chunk.length;
        if (counter.pulled > 64 * 1024 * 1024) controller.close(); else controller.enqueue(chunk);
      },
    }, { highWaterMark: 0 });
    return { stream, counter };
  }
  const head = raw('--b\nContent-Disposition: form-data; name="f"; filename="a"\n\n');

  it('stops pulling the body as soon as a sink refuses', async () => {
    const { stream, counter } = endless(head);
    let seen = 0;
    const refusal = new Error('enough');
    const read = readMultipart(stream, 'b', () => ({
      data(b) { seen += b.length; if (seen > 200_000) throw refusal; },
      end() {},
    }), { maxBytes: 1e9, tooLarge: () => new Error('too large') });
    await expect(read).rejects.toBe(refusal);
    expect(counter.pulled).toBeLessThan(400_000);
  });

  it('throws tooLarge() once the body passes maxBytes, having pulled no more than one chunk past it', async () => {
    const { stream, counter } = endless(head);
    const tooLarge = new Error('too large');
    await expect(readMultipart(stream, 'b', () => ({ data() {}, end() {} }), { maxBytes: 1_000_000, tooLarge: () => tooLarge })).rejects.toBe(tooLarge);
    expect(counter.pulled).toBeLessThanOrEqual(1_000_000 + 65536);
  });
});
