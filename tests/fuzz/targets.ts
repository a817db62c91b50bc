/** Building blocks of the endpoint table: targets (path + bodies), credentials, form bodies. */
import fc from 'fast-check';
import { anyText, extraHeaders, formBodies, queries } from './arbitraries.js';
import type { BodySpec, RequestSpec } from './requests.js';
import type { Signed } from './world.js';

export interface Group { name: string; runs: number; requests: fc.Arbitrary<RequestSpec> }

export type Headers = Record<string, string>;
export interface Target { methods: readonly string[]; path: fc.Arbitrary<string>; body?: fc.Arbitrary<BodySpec> }

export const NO_BODY: fc.Arbitrary<BodySpec> = fc.constant({ type: 'none' });
export const SAME_ORIGIN = { origin: 'http://localhost' };

/** Requests to one of the targets, with the given credentials and a few random headers. */
export function aim(targets: Target[], auth: fc.Arbitrary<Headers>): fc.Arbitrary<RequestSpec> {
  return fc.oneof(...targets.map((t) => fc.record({
    method: fc.constantFrom(...t.methods), path: t.path, body: t.body ?? NO_BODY, auth, extra: extraHeaders,
  }).map(({ method, path, body, auth: a, extra }): RequestSpec => ({ method, path, body, headers: { ...extra, ...a } }))));
}

export const withQuery = (path: fc.Arbitrary<string> | string, known: Record<string, readonly string[]> = {}) =>
  fc.tuple(typeof path === 'string' ? fc.constant(path) : path, queries({ lang: ['en', 'zh', 'fr'], ...known })).map(([p, q]) => p + q);

export const each = (...values: string[]) => fc.constantFrom(...values);

/** Credentials that open nothing: none, made-up tokens and cookies, malformed headers. */
export const junkAuth: fc.Arbitrary<Headers> = fc.oneof(
  fc.constant({}),
  each('Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', `Bearer ${'a'.repeat(43)}`, `Bearer ${'a'.repeat(5000)}`, 'bearer x y', 'Bearer ../../x')
    .map((authorization) => ({ authorization })),
  anyText.map((s) => ({ cookie: `intake_session=${encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ''))}; intake_followup=x` })),
  each('intake_session=', 'intake_session', '=;;=', 'intake_session="quoted"', 'lang=en; intake_session=%zz').map((cookie) => ({ cookie })),
);

/** One member of staff calling the API: mostly by token; by cookie with and without the CSRF header; or signed out. */
export function apiAuth(s: Signed): fc.Arbitrary<Headers> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant(s.bearer) },
    { weight: 2, arbitrary: fc.constant({ cookie: s.cookie, 'x-csrf-token': s.csrf, ...SAME_ORIGIN }) },
    { weight: 1, arbitrary: fc.constant({ cookie: s.cookie }) },
    { weight: 1, arbitrary: junkAuth },
  );
}

/** One member of staff on the pages: the session cookie from this site, from another site, or none. */
export function pageAuth(s: Signed): fc.Arbitrary<Headers> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant({ cookie: s.cookie, ...SAME_ORIGIN }) },
    { weight: 1, arbitrary: fc.constant({ cookie: s.cookie, origin: 'https://evil.example' }) },
    { weight: 1, arbitrary: junkAuth },
  );
}

/** Requests by one of `who`, each with their own credentials (and, in forms, their own CSRF token). */
export const as = (who: Signed[], build: (s: Signed) => fc.Arbitrary<RequestSpec>) => fc.constantFrom(...who).chain(build);

/** A staff form: its fields, and the signed-in member's CSRF token in most posts (a wrong one in a few). */
export const staffForm = (s: Signed, fields: Record<string, readonly string[]>) => fc.oneof(
  { weight: 9, arbitrary: formBodies(fields, { _csrf: s.csrf }) },
  { weight: 1, arbitrary: formBodies(fields, { _csrf: s.csrf.slice(1) }) },
);
