/**
 * Generators of hostile input: random and mutated JSON, malformed JSON text, content types, query
 * strings, path segments, headers and multipart parts. Big values come from a fixed pool, so a run
 * stays fast and a failure still names the value that broke.
 */
import fc from 'fast-check';
import { baseJpeg, html, jpegWithMetadata, pdf, pngWithMetadata, zip } from '../helpers/files.js';
import type { BodySpec, PartSpec } from './requests.js';

const utf8 = new TextEncoder();

/** Percent-encodes every byte outside the unreserved set; lone surrogates become U+FFFD first. */
export function encodeComponent(value: string): string {
  let out = '';
  for (const byte of utf8.encode(value)) {
    const ch = String.fromCharCode(byte);
    out += /[A-Za-z0-9_.~-]/.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

// Strings that have broken parsers, escapers and databases before.
const nasty = [
  '', ' ', '\u0000', 'a\u0000b', '\u0000'.repeat(64), '\r\n\r\n', '\t', '\u202Egpj.exe', '\uFEFF', '\uD800', '\uDFFF\uD800',
  '\u{1F4A9}', '𠮷野家', '月饼发霉'.repeat(10), 'null', 'undefined', 'true', '0', '-1', '1e400', 'NaN', '__proto__', 'constructor',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "'); DROP TABLE cases;--", "' OR '1'='1", '%00', '%s%s%n',
  '../../etc/passwd', '..\\..\\windows\\win.ini', '${7*7}', '{{7*7}}', '\\', '"', "'", '`', 'GD2026112600001', '1234 5678 9012 3456',
  'x'.repeat(65), 'x'.repeat(2_001), 'x'.repeat(5_001), '界'.repeat(3_000),
];

/** Huge values: over a field's limit, and over the 1 MB body limit (a 413 before the handler). */
export const hugeStrings = ['x'.repeat(100_000), '界'.repeat(400_000), '\u0000'.repeat(20_000)];

export const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...nasty) },
);

export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });

/** A value to put where a field was: wrong types, edge numbers, nasty and huge strings, deep nesting. */
const replacement: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: anyText },
  { weight: 2, arbitrary: anyJson },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}, [null], { anonymous: 'yes' }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(...hugeStrings) },
  { weight: 1, arbitrary: fc.constant<unknown>(JSON.parse('['.repeat(200) + ']'.repeat(200)) as unknown) },
);

type Path = (string | number)[];

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value);
  return [prefix, ...keys.flatMap((k) => pathsOf((value as Record<string | number, unknown>)[k], [...prefix, k]))];
}

interface Mutation { at: number; op: 'drop' | 'replace' | 'add'; key: string; value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('drop', 'replace', 'replace', 'add'),
  key: fc.oneof(anyText, fc.constantFrom('__proto__', 'constructor', 'prototype', 'kind', 'anonymous', 'action', 'extra')),
  value: replacement,
});

function applyMutation(root: unknown, m: Mutation): unknown {
  // A copy: generated values may be shared instances (constants), which a later mutation would edit.
  m = { ...m, value: structuredClone(m.value) };
  const paths = pathsOf(root);
  const path = paths[m.at % paths.length]!;
  if (path.length === 0) return m.op === 'replace' ? m.value : root;
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root) as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (m.op === 'drop') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.op === 'replace') {
    parent[last] = m.value;
  } else if (!Array.isArray(parent)) {
    // defineProperty: a key named __proto__ becomes a real own field, as JSON.parse would make it.
    Object.defineProperty(parent, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
  }
  return root;
}

/** One of the valid bodies as it is, or with 1–4 fields dropped, retyped, made huge or added. */
export function mutated(valid: readonly unknown[]): fc.Arbitrary<unknown> {
  const mutations = fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 4 }) });
  return fc.tuple(fc.constantFrom(...valid), mutations)
    .map(([base, mutations]) => mutations.reduce(applyMutation, structuredClone(base)));
}

const malformedJson = fc.oneof(
  fc.constantFrom('{', '{"kind":', '{"a":1,}', "{'a':1}", '[1,2', '{"a":"\\x"}', '{"a":"\\ud800"}', 'nul', '01', '{"a":1}{"b":2}',
    '\uFEFF{}', '{"a":1e99999}', '\u0000', '', ' ', '[' .repeat(5000), '{"__proto__":{"polluted":1}}'),
  fc.string({ unit: 'binary', maxLength: 60 }),
  anyJson.map((v) => JSON.stringify(v).slice(0, -1)),
);

export const contentTypes = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(
    'application/json', 'application/json; charset=utf-8', 'Application/JSON', 'application/vnd.api+json', 'application/jsonx',
    'application/json; charset=latin1', 'text/json', 'text/plain', 'text/html', 'application/xml', 'application/octet-stream',
    'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; boundary=XyZ',
    'multipart/mixed; boundary=XyZ', 'image/jpeg', '*/*', ';', 'json', '',
  ) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 30 }).map((s) => s.replace(/[\r\n\0]/g, '')) },
);

/** An optional type: null sends none at all. */
const maybeType = fc.option(contentTypes, { nil: null, freq: 8 });

const fixtures = [baseJpeg, jpegWithMetadata(), pngWithMetadata(), pdf, zip, html, baseJpeg.subarray(0, 100), new Uint8Array(0)];

const filenames = fc.oneof(
  fc.constantFrom('../../etc/passwd', '..\\..\\..\\windows\\system32\\config', '/etc/shadow', 'C:\\boot.ini', '....//....//x.jpg',
    'a/b/../../../c.jpg', '%2e%2e%2fx.jpg', '\u0000.jpg', 'photo.jpg\u0000.exe', '\u202Egpj.exe', '.htaccess', '..', '.', '',
    'CON', 'x'.repeat(500) + '.jpg', '<script>.jpg', '"quoted".jpg', 'photo.jpg', '照片.png'),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

export const filePart: fc.Arbitrary<PartSpec['value']> = fc.record({
  filename: filenames,
  type: fc.constantFrom('image/jpeg', 'image/png', 'application/pdf', 'text/html', 'application/octet-stream', ''),
  bytes: fc.oneof(fc.constantFrom(...fixtures), fc.uint8Array({ maxLength: 300 })),
});

/** Multipart parts: mostly the names the endpoint knows, with text or files in them. */
export function multipartParts(names: readonly string[], texts: fc.Arbitrary<string>): fc.Arbitrary<PartSpec[]> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: anyText });
  const value = fc.oneof({ weight: 3, arbitrary: texts }, { weight: 2, arbitrary: filePart });
  return fc.array(fc.record({ name, value }), { maxLength: 6 });
}

/** Bytes that claim to be multipart and are not, or only nearly. */
const brokenMultipart = fc.tuple(fc.constantFrom('XyZ', '', '--', 'a'.repeat(80)), fc.string({ unit: 'binary', maxLength: 80 }))
  .map(([boundary, junk]): BodySpec => ({
    type: 'text',
    contentType: `multipart/form-data; boundary=${boundary}`,
    text: [`--${boundary}\r\nContent-Disposition: form-data; name="case"\r\n\r\n${junk}`, `--${boundary}\r\n${junk}`, junk, `--${boundary}--`][junk.length % 4]!,
  }));

/**
 * A body for an endpoint that takes JSON: valid-ish JSON under the right type, JSON under a wrong
 * type, malformed text, random bytes, forms and broken multipart.
 */
export function jsonBodies(valid: readonly unknown[]): fc.Arbitrary<BodySpec> {
  const json = fc.oneof({ weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: anyJson });
  return fc.oneof(
    { weight: 8, arbitrary: json.map((v): BodySpec => ({ type: 'text', contentType: 'application/json', text: JSON.stringify(v) ?? 'null' })) },
    { weight: 2, arbitrary: fc.tuple(maybeType, json).map(([contentType, v]): BodySpec => ({ type: 'text', contentType, text: JSON.stringify(v) ?? '' })) },
    { weight: 2, arbitrary: malformedJson.map((text): BodySpec => ({ type: 'text', contentType: 'application/json', text })) },
    { weight: 1, arbitrary: fc.tuple(maybeType, fc.uint8Array({ maxLength: 200 })).map(([contentType, bytes]): BodySpec => ({ type: 'bytes', contentType, bytes })) },
    { weight: 1, arbitrary: fc.array(fc.tuple(anyText, anyText), { maxLength: 5 }).map((fields): BodySpec => ({ type: 'urlencoded', fields })) },
    { weight: 1, arbitrary: multipartParts(['case', 'attachments', 'body'], anyText).map((parts): BodySpec => ({ type: 'multipart', parts })) },
    { weight: 1, arbitrary: brokenMultipart },
    { weight: 1, arbitrary: fc.constant<BodySpec>({ type: 'none' }) },
  );
}

/**
 * A body for a form post: the form's own fields (values random, nasty or taken from `values`), as
 * urlencoded or multipart, plus the odd JSON, junk or broken multipart body.
 */
export function formBodies(fields: Record<string, readonly string[]>, extra: Record<string, string> = {}): fc.Arbitrary<BodySpec> {
  const names = Object.keys(fields);
  const field = fc.constantFrom(...names).chain((name) => fc.tuple(
    fc.constant(name),
    fields[name]!.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...fields[name]!) }, { weight: 2, arbitrary: anyText }) : anyText,
  ));
  const set = fc.tuple(
    fc.array(field, { maxLength: 12 }),
    fc.array(fc.tuple(anyText, anyText), { maxLength: 2 }),
    fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  ).map(([known, junk, withExtra]) => [...(withExtra ? Object.entries(extra) : []), ...known, ...junk]);
  const known = Object.values(fields).flat().filter((v) => v !== '');
  const textValue = known.length > 0 ? fc.oneof(anyText, fc.constantFrom(...known)) : anyText;
  return fc.oneof(
    { weight: 6, arbitrary: set.map((list): BodySpec => ({ type: 'urlencoded', fields: list })) },
    { weight: 3, arbitrary: fc.tuple(set, multipartParts([...names, 'attachments'], textValue)).map(([list, parts]): BodySpec => ({
      type: 'multipart', parts: [...list.map(([name, value]) => ({ name, value })), ...parts],
    })) },
    { weight: 1, arbitrary: fc.tuple(maybeType, fc.string({ unit: 'binary', maxLength: 100 })).map(([contentType, text]): BodySpec => ({ type: 'text', contentType, text })) },
    { weight: 1, arbitrary: brokenMultipart },
    { weight: 1, arbitrary: fc.constantFrom<BodySpec>({ type: 'none' }, { type: 'text', contentType: 'application/x-www-form-urlencoded', text: `description=${'x'.repeat(1_100_000)}` }) },
  );
}

/** A query string: the endpoint's known keys with odd values, random keys, malformed escapes. */
export function queries(known: Record<string, readonly string[]>): fc.Arbitrary<string> {
  const keys = Object.keys(known);
  const pair = keys.length === 0 ? fc.tuple(anyText, anyText) : fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...keys).chain((k) => fc.tuple(fc.constant(k), known[k]!.length > 0
      ? fc.oneof(fc.constantFrom(...known[k]!), anyText) : anyText)) },
    { weight: 1, arbitrary: fc.tuple(anyText, anyText) },
  );
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant('') },
    { weight: 6, arbitrary: fc.array(pair, { maxLength: 5 }).map((pairs) =>
      pairs.length === 0 ? '' : `?${pairs.map(([k, v]) => `${encodeComponent(k)}=${encodeComponent(v)}`).join('&')}`) },
    { weight: 1, arbitrary: fc.constantFrom('?%', '?a=%zz', '?%E0%A4%A=1', '?&&&', '?==', '?a=1&a=2&a=3', '?limit=1e9', '?__proto__[x]=1', '?lang=en&lang=zh') },
    { weight: 1, arbitrary: fc.webQueryParameters().map((q) => `?${q}`) },
  );
}

/** A path segment: one of the real values, a lookalike, or a hostile one (traversal, NUL, bad escapes). */
export function segment(real: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: anyText.map(encodeComponent) },
    { weight: 1, arbitrary: fc.constantFrom('..', '%2e%2e', '%2F', '%00', '%', '%zz', '%C0%AF', 'GD2026112600000', 'GD99999999999999', 'gd2026112600001', '0'.repeat(300), '%F0%9F%92%A9') },
  );
}

/** Extra headers a client may send: language, odd accept values, forwarding headers, junk. */
export const extraHeaders: fc.Arbitrary<Record<string, string>> = fc.dictionary(
  fc.constantFrom('accept-language', 'accept', 'x-forwarded-for', 'cf-connecting-ip', 'user-agent', 'x-requested-with', 'sec-fetch-site', 'referer', 'if-none-match', 'range'),
  fc.oneof(
    fc.constantFrom('en', 'zh-CN', 'en-US,en;q=0.9', '*', 'application/json', 'text/html', '1.2.3.4, 5.6.7.8', 'same-origin', 'cross-site', 'bytes=0-1', ''),
    fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => s.replace(/[\r\n\0]/g, '').trim()),
  ),
  { maxKeys: 3 },
);
