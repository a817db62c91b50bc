/**
 * The answers described in /api/v1/openapi.json (written by hand from the public contract) match what
 * the routes answer: each answer of a real journey is validated against its documented schema.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let doc: { paths: Record<string, Record<string, any>> };
beforeEach(async () => {
  t = await createTestApp();
  doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body;
});
afterEach(async () => { await t.close(); });

/** Checks an answer against the document's schema for that operation and status; returns the body. */
function conforms(method: string, path: string, res: { status: number; body: unknown; text: string }) {
  const answer = doc.paths[path]?.[method]?.responses?.[String(res.status)];
  expect(answer, `${method} ${path} ${res.status} is documented (${res.text.slice(0, 200)})`).toBeDefined();
  const schema = answer.$ref ? { $ref: '#/components/schemas/Error' } : answer.content?.['application/json']?.schema;
  if (!schema) return res.body;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'doc', components: (doc as any).components }, 'doc');
  const rooted = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/'));
  const valid = ajv.validate(rooted, res.body);
  expect(ajv.errors ?? [], `${method} ${path} ${res.status}`).toEqual([]);
  expect(valid).toBe(true);
  return res.body;
}

describe('the documented answers', () => {
  it('match the public, reporter and staff answers of a journey, refusals included', async () => {
    for (const path of ['/api/v1/categories', '/api/v1/regions', '/api/v1/departments', '/api/v1/health']) {
      conforms('get', path, await call(t.app, 'GET', path));
    }
    const filed = conforms('post', '/api/v1/cases', await call(t.app, 'POST', '/api/v1/cases', complaint())) as { caseNumber: string; receipt: string };
    conforms('post', '/api/v1/cases', await call(t.app, 'POST', '/api/v1/cases', { kind: 'complaint' }));
    const login = conforms('post', '/api/v1/followup/login', await call(t.app, 'POST', '/api/v1/followup/login', { receipt: filed.receipt })) as { token: string };
    conforms('get', '/api/v1/followup', await call(t.app, 'GET', '/api/v1/followup', undefined, bearer(login.token)));
    conforms('post', '/api/v1/followup/messages', await call(t.app, 'POST', '/api/v1/followup/messages', { body: '请尽快处理' }, bearer(login.token)));

    const handler = await createStaff(t, { role: 'handler' });
    const staffLogin = await call(t.app, 'POST', '/api/v1/staff/login', { username: handler.username, password: handler.password });
    const token = (conforms('post', '/api/v1/staff/login', staffLogin) as { token: string }).token;
    conforms('get', '/api/v1/staff/me', await call(t.app, 'GET', '/api/v1/staff/me', undefined, bearer(token)));
    conforms('get', '/api/v1/staff/cases', await call(t.app, 'GET', '/api/v1/staff/cases', undefined, bearer(token)));
    conforms('get', '/api/v1/staff/cases', await call(t.app, 'GET', '/api/v1/staff/cases'));
    const casePath = '/api/v1/staff/cases/{caseNumber}';
    conforms('get', casePath, await call(t.app, 'GET', `/api/v1/staff/cases/${filed.caseNumber}`, undefined, bearer(token)));
    conforms('get', casePath, await call(t.app, 'GET', '/api/v1/staff/cases/GD2026010100001', undefined, bearer(token)));
    const accepted = await call(t.app, 'POST', `/api/v1/staff/cases/${filed.caseNumber}/actions`, { action: 'accept' }, bearer(token));
    expect(accepted.status, accepted.text).toBe(200);
    conforms('post', `${casePath}/actions`, accepted);
    conforms('post', `${casePath}/actions`, await call(t.app, 'POST', `/api/v1/staff/cases/${filed.caseNumber}/actions`, { action: 'accept' }, bearer(token)));
    conforms('post', `${casePath}/messages`, await call(t.app, 'POST', `/api/v1/staff/cases/${filed.caseNumber}/messages`, { body: '已受理' }, bearer(token)));
    conforms('get', '/api/v1/staff/rewards', await call(t.app, 'GET', '/api/v1/staff/rewards', undefined, bearer(token)));
  });
});
