/**
 * GET /api/v1/openapi.json: valid OpenAPI 3.1 (checked against the specification's own schema), listing
 * exactly the app's /api/v1 routes, with request schemas equal to the zod schemas the routes parse with.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z, type ZodType } from 'zod';
import { operations } from '../../server/api-docs/registry.js';
import { submissionSchema } from '../../server/intake/intake.schema.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

type Doc = { paths: Record<string, Record<string, any>>; [key: string]: any };

async function fetchDocument(): Promise<Doc> {
  const res = await call(t.app, 'GET', '/api/v1/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return res.body as Doc;
}

/** What the test expects a zod schema to read as: z.toJSONSchema of what a client sends. */
function expected(schema: ZodType) {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const asHono = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1', async () => {
    const doc = await fetchDocument();
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    // The validator does refuse a broken document (a parameter in the body, as in Swagger 2).
    const broken = structuredClone(doc);
    broken.paths['/api/v1/categories']!.get.parameters = [{ name: 'x', in: 'body', schema: { type: 'string' } }];
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('lists every /api/v1 route of the app, and no operation the app does not have', async () => {
    const doc = await fetchDocument();
    const inApp = new Set(t.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`));
    const inDoc = new Set(Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m.toUpperCase()} ${asHono(path)}`)));
    expect([...inApp].filter((r) => !inDoc.has(r)), 'routes missing from the document').toEqual([]);
    expect([...inDoc].filter((r) => !inApp.has(r)), 'operations the app does not have').toEqual([]);
    expect(inDoc.size).toBeGreaterThan(50);
  });

  it('describes each request with the zod schema its route parses with', async () => {
    const doc = await fetchDocument();
    let compared = 0;
    for (const op of operations) {
      const served = doc.paths[op.path]![op.method]!;
      if (op.body) {
        expect(served.requestBody.content['application/json'].schema, `${op.method} ${op.path}`).toEqual(expected(op.body));
        compared += 1;
      }
      if (op.query instanceof z.ZodType) {
        const query = expected(op.query) as { properties: Record<string, unknown>; required?: string[] };
        const params = served.parameters.filter((p: any) => p.in === 'query');
        expect(Object.fromEntries(params.map((p: any) => [p.name, p.schema])), `${op.method} ${op.path}`).toEqual(query.properties);
        expect(params.filter((p: any) => p.required).map((p: any) => p.name).sort()).toEqual([...(query.required ?? [])].sort());
        compared += 1;
      }
      for (const [name, schema] of Object.entries(op.pathParams ?? {})) {
        if (!(schema instanceof z.ZodType)) continue;
        const param = served.parameters.find((p: any) => p.in === 'path' && p.name === name);
        expect(param.schema, `${op.path} {${name}}`).toEqual(expected(schema));
      }
    }
    expect(compared).toBeGreaterThan(20);
    // The multipart submission's `case` part is the JSON submission, sent as application/json.
    const multipart = doc.paths['/api/v1/cases']!.post.requestBody.content['multipart/form-data'];
    expect(multipart.schema.properties.case).toEqual(expected(submissionSchema));
    expect(multipart.encoding.case.contentType).toBe('application/json');
  });

  it('names what the route refuses: the submission\'s required fields are those the route asks for', async () => {
    const doc = await fetchDocument();
    const required: string[] = doc.paths['/api/v1/cases']!.post.requestBody.content['application/json'].schema.required;
    const res = await call(t.app, 'POST', '/api/v1/cases', {});
    expect(res.status).toBe(400);
    const paths = (res.body.error.issues as { path: string }[]).map((i) => i.path);
    for (const field of required) expect(paths).toContain(field);
  });

  it('has the error shape, the sign-in schemes and a refusal for each way an operation can fail', async () => {
    const doc = await fetchDocument();
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['followupBearer', 'staffBearer', 'staffCookie']);
    const ids = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of METHODS.filter((m) => item[m])) {
        const op = item[method];
        expect(ids.has(op.operationId), op.operationId).toBe(false);
        ids.add(op.operationId);
        expect(op.summary.length).toBeGreaterThan(3);
        if (op.security.length > 0) expect(op.responses['401'], `${method} ${path}`).toBeDefined();
        if (path.includes('{')) expect(op.responses['404'], `${method} ${path}`).toBeDefined();
        if (op.requestBody) expect(op.responses['400'], `${method} ${path}`).toBeDefined();
      }
    }
    expect(doc.paths['/api/v1/followup']!.get.security).toEqual([{ followupBearer: [] }]);
    expect(doc.paths['/api/v1/categories']!.get.security).toEqual([]);
    expect(doc.components.responses.rate_limited.headers['Retry-After']).toBeDefined();
  });
});
