/**
 * The fuzzer's request model: a plain description of one HTTP request (so fast-check can print and
 * shrink it), how it becomes a Request for app.request(), and the checks every answer must pass.
 */
import { expect } from 'vitest';
import { errorStatus } from '../../server/errors.js';
import type { TestApp } from '../helpers/app.js';

export interface PartSpec {
  name: string;
  /** A text part, or a file part with a file name, a declared type and its bytes. */
  value: string | { filename: string; type: string; bytes: Uint8Array };
}

export type BodySpec =
  | { type: 'none' }
  | { type: 'text'; contentType: string | null; text: string }
  | { type: 'bytes'; contentType: string | null; bytes: Uint8Array }
  /** multipart/form-data built by FormData, so the boundary is right and the parts are what vary. */
  | { type: 'multipart'; parts: PartSpec[] }
  | { type: 'urlencoded'; fields: [string, string][] };

export interface RequestSpec {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: BodySpec;
}

const ORIGIN = 'http://localhost';

function bodyInit(body: BodySpec): { init?: BodyInit; type?: string | null } {
  switch (body.type) {
    case 'none': return {};
    case 'text': return { init: body.text, type: body.contentType };
    case 'bytes': return { init: body.bytes as Uint8Array<ArrayBuffer>, type: body.contentType };
    case 'urlencoded': return { init: new URLSearchParams(body.fields).toString(), type: 'application/x-www-form-urlencoded' };
    case 'multipart': {
      const form = new FormData();
      for (const part of body.parts) {
        if (typeof part.value === 'string') form.append(part.name, part.value);
        else form.append(part.name, new File([part.value.bytes as Uint8Array<ArrayBuffer>], part.value.filename, { type: part.value.type }));
      }
      // FormData sets multipart/form-data with its boundary itself.
      return { init: form };
    }
  }
}

/** The Request a spec describes; a body on GET/HEAD is dropped (fetch forbids it). */
export function toRequest(spec: RequestSpec): Request {
  const headers = new Headers(spec.headers);
  const { init, type } = spec.method === 'GET' || spec.method === 'HEAD' ? {} : bodyInit(spec.body);
  const request = new Request(`${ORIGIN}${spec.path}`, { method: spec.method, headers, ...(init !== undefined ? { body: init } : {}) });
  // A string or bytes body gets text/plain or nothing from fetch: put the chosen type (or none) in its place.
  if (type !== undefined) {
    if (type === null) request.headers.delete('content-type');
    else request.headers.set('content-type', type);
  }
  return request;
}

// What must never reach a client: V8 stack frames, source paths, error class names of the runtime.
const LEAKS: [string, RegExp][] = [
  ['a stack frame', /\n\s+at\s+[\w$.<>[\]]+\s+\(/],
  ['a source location', /\(?(?:file:\/\/)?\/[\w./@-]+\.(?:ts|tsx|js|mjs|cjs):\d+:\d+\)?/],
  ['node_modules', /node_modules[\\/]/],
  ['the working directory', new RegExp(process.cwd().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))],
  ['a runtime error class', /\b(?:TypeError|ReferenceError|SyntaxError|RangeError|SqliteError|ZodError|URIError|AggregateError)\b/],
  ['a framework error page', /Internal Server Error/],
];

export interface Answer { status: number; contentType: string; text: string }

export async function send(app: TestApp['app'], spec: RequestSpec): Promise<Answer> {
  const res = await app.request(toRequest(spec));
  return { status: res.status, contentType: res.headers.get('content-type') ?? '', text: await res.text() };
}

const SNAKE = /^[a-z][a-z0-9_]*$/;

/** The API's error shape (docs/architecture.md), and a code that belongs to the status. */
export function expectErrorShape(answer: Answer, context: string): void {
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    throw new Error(`${context}: a ${answer.status} that is not JSON: ${answer.text.slice(0, 200)}`);
  }
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  expect(error, `${context}: ${answer.text.slice(0, 300)}`).toBeTypeOf('object');
  const { code, message, issues, ...rest } = error!;
  expect(Object.keys(rest), `${context}: extra error fields`).toEqual([]);
  expect(code, context).toMatch(SNAKE);
  expect(message, context).toBeTypeOf('string');
  expect(errorStatus[code as keyof typeof errorStatus], `${context}: code ${String(code)} for ${answer.status}`).toBe(answer.status);
  if (issues !== undefined) {
    expect(Array.isArray(issues), context).toBe(true);
    for (const issue of issues as unknown[]) {
      expect(issue, context).toEqual({ path: expect.any(String), message: expect.any(String) });
    }
  }
}

/**
 * Never a 5xx; nothing of the server's internals in any body; every error that answers as JSON
 * (all of /api/v1, and the 404/413 of the root app) in the API's error shape. Pages answer errors as pages.
 */
export function checkAnswer(spec: RequestSpec, answer: Answer): void {
  const context = `${spec.method} ${spec.path.slice(0, 200)}`;
  expect(answer.status, `${context} answered ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  for (const [what, pattern] of LEAKS) {
    const hit = pattern.exec(answer.text);
    if (hit) throw new Error(`${context} (${answer.status}) shows ${what}: …${answer.text.slice(Math.max(0, hit.index - 80), hit.index + 120)}…`);
  }
  if (answer.status < 400 || spec.method === 'HEAD') return;
  const json = /^application\/json\b/i.test(answer.contentType);
  if (spec.path.startsWith('/api/') || json) {
    expect(json, `${context}: a ${answer.status} of the API as ${answer.contentType}`).toBe(true);
    expectErrorShape(answer, context);
  } else {
    expect(answer.contentType, `${context}: a ${answer.status} page`).toMatch(/^text\/html\b/i);
  }
}
