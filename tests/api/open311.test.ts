/**
 * Open311 GeoReport v2 (issue 17, item 1): every JSON answer validates against the public
 * GeoReport v2 schemas (../shared/open311/georeport-v2, or the committed copy), the XML carries the
 * spec's element names and the JSON's content, a POSTed request reaches its department's queue with
 * its clock, and GET answers carry no reporter data.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiKey, revokeApiKey } from '../../server/api-keys/api-keys.service.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { asXmlText, fixtureSchemaDir, form, loadValidators, parseXml, SCHEMA_FILES, sharedSchemaDir, xmlValue } from '../helpers/open311.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let key: string;
const v = loadValidators();
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-26T10:00:00+08:00', env: { INTAKE_API_KEY_RATE: '10000' } });
  key = (await createApiKey(t.deps, 'cli', 'hotline 12345')).key;
});
afterAll(async () => { await t.close(); });

const get = (p: string) => call(t.app, 'GET', `/open311/v2/${p}`);
const post = (p: string, fields: Record<string, string | undefined>) => call(t.app, 'POST', `/open311/v2/${p}`, form(fields), FORM);

/** The XML twin of a JSON answer: declaration, content type, root element and the same content. */
async function expectXmlTwin(jsonPath: string, root: string, json: unknown) {
  const res = await get(jsonPath.replace(/\.json(\?|$)/, '.xml$1'));
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  const { declaration, root: node } = parseXml(res.text);
  expect(declaration).toBe('<?xml version="1.0" encoding="utf-8"?>');
  expect(node.name).toBe(root);
  expect(xmlValue(node)).toEqual(asXmlText(json));
  return node;
}

const complaintFields = (over: Record<string, string | undefined> = {}) => ({
  api_key: key,
  jurisdiction_id: '440106',
  service_code: 'product.food',
  lat: '23.1357',
  long: '113.3275',
  address_string: '广东省广州市天河区体育西路1号',
  first_name: '三',
  last_name: '张',
  phone: '13800138000',
  email: 'zhang.san@example.com',
  description: '我是张三，买的月饼发霉了 <b>&</b>，商家电话13912345678也不接，要求退款。',
  'attribute[kind]': 'complaint',
  'attribute[subject_name]': '某某食品有限公司',
  'attribute[credit_code]': '91440101MA5CJQ4N59',
  'attribute[claim]': '退款',
  'attribute[complainant_address]': '广东省广州市天河区天河路2号',
  'attribute[occurred_on]': '2026-11-20',
  ...over,
});

const reportFields = (over: Record<string, string | undefined> = {}) => ({
  api_key: key,
  jurisdiction_id: '440106',
  service_code: 'product.food',
  address_string: '广东省广州市天河区',
  description: '该厂使用过期原料生产月饼，仓库在后门。',
  'attribute[subject_name]': '某某食品厂',
  ...over,
});

describe('discovery and services', () => {
  it('discovery names the endpoint and its formats, in JSON and XML', async () => {
    const res = await get('discovery.json');
    expect(res.status).toBe(200);
    expect(res.body.endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] });
    expect(res.body.contact).toContain('intake-440000@departments.example');
    expect(res.body.endpoints[0].url).toMatch(/\/open311\/v2$/);
    const node = await expectXmlTwin('discovery.json', 'discovery', res.body);
    expect(node.children.find((c) => c.name === 'endpoints')?.children[0]?.name).toBe('endpoint');
  });

  it('services are the categories: code, domain as group, realtime, keywords, metadata', async () => {
    const res = await get('services.json');
    expect(res.status).toBe(200);
    expect(v.services(res.body), JSON.stringify(v.services.errors)).toBe(true);
    const food = res.body.find((s: any) => s.service_code === 'product.food');
    expect(food).toMatchObject({ service_name: '食品安全', group: 'product', type: 'realtime', metadata: true });
    expect(food.keywords.split(',')).toEqual(['产品质量', '投诉', '举报', '产品伤害']);
    expect((await get('services.json?jurisdiction_id=440106')).body).toEqual(res.body);
    expect((await get('services.json?lang=en')).body.find((s: any) => s.service_code === 'product.food').service_name).toBe('Food safety');
    const node = await expectXmlTwin('services.json', 'services', res.body);
    expect(node.children.every((c) => c.name === 'service')).toBe(true);
  });

  it('a service definition lists its attributes with the spec datatypes, order and values', async () => {
    for (const code of ['product.food', 'product.counterfeit', 'service.retail']) {
      const res = await get(`services/${code}.json`);
      expect(res.status).toBe(200);
      expect(v.definition(res.body), JSON.stringify(v.definition.errors)).toBe(true);
      await expectXmlTwin(`services/${code}.json`, 'service_definition', res.body);
    }
    const food = (await get('services/product.food.json')).body;
    const byCode = Object.fromEntries(food.attributes.map((a: any) => [a.code, a]));
    expect(food.attributes.map((a: any) => a.order)).toEqual(food.attributes.map((_: unknown, i: number) => i + 1));
    expect(byCode.kind).toMatchObject({ datatype: 'singlevaluelist', required: false });
    expect(byCode.kind.values.map((x: any) => x.key)).toEqual(['complaint', 'report', 'injury']);
    expect(byCode.subject_name).toMatchObject({ datatype: 'string', required: true });
    expect(byCode.severity.values.map((x: any) => x.key)).toEqual(['minor', 'serious', 'fatal']);
    expect(byCode.occurred_on.datatype).toBe('datetime');
    expect(byCode.claim.datatype).toBe('text');
    // A report-only category asks nothing of complaints or injuries.
    const counterfeit = (await get('services/product.counterfeit.json')).body.attributes.map((a: any) => a.code);
    expect(counterfeit).not.toContain('claim');
    expect(counterfeit).not.toContain('severity');
    expect(counterfeit).toContain('reward');
  });
});

describe('POST requests', () => {
  let number: string;
  let token: string;

  beforeAll(async () => {
    const res = await post('requests.json', complaintFields());
    expect(res.status, res.text).toBe(200);
    expect(v.posted(res.body), JSON.stringify(v.posted.errors)).toBe(true);
    ({ service_request_id: number, token } = res.body[0]);
  });

  it('files through the intake: the department queue shows it with its clock', async () => {
    const handler = bearer(await (await createStaff(t, { role: 'handler', department: 'samr-440106' })).login());
    const queue = (await call(t.app, 'GET', '/api/v1/staff/cases', undefined, handler)).body.items;
    const item = queue.find((i: any) => i.caseNumber === number);
    expect(item).toMatchObject({ kind: 'complaint', category: 'product.food', status: 'received' });
    expect(item.due).toHaveLength(1);
    const [request] = (await get(`requests/${number}.json`)).body;
    expect(request.expected_datetime).toBe(item.due[0].dueAt.replace(/\.\d{3}\+/, '+'));
  });

  it('its GET shows the department and due time, the coordinates as sent, and no reporter data', async () => {
    const res = await get(`requests/${number}.json`);
    expect(res.status).toBe(200);
    expect(v.requests(res.body), JSON.stringify(v.requests.errors)).toBe(true);
    const [r] = res.body;
    const dept = await t.deps.db.selectFrom('departments').select('name_zh').where('code', '=', 'samr-440106').executeTakeFirstOrThrow();
    expect(r).toMatchObject({
      service_request_id: number, status: 'open', service_code: 'product.food', service_name: '食品安全',
      agency_responsible: dept.name_zh, requested_datetime: '2026-11-26T10:00:00+08:00', lat: 23.1357, long: 113.3275,
    });
    expect(r.expected_datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    for (const secret of ['张三', '13800138000', 'zhang.san', '13912345678', '天河路2号']) {
      expect(res.text).not.toContain(secret);
    }
    expect(r.description).toContain('月饼发霉');
    const xml = await expectXmlTwin(`requests/${number}.json`, 'service_requests', res.body);
    expect(xml.children[0]?.name).toBe('request');
  });

  it('seals the named reporter (last_name + first_name) like any identity', async () => {
    const row = await t.deps.db.selectFrom('cases').select(['id', 'anonymous', 'kind']).where('case_number', '=', number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ anonymous: 0, kind: 'complaint' });
    const sealed = await t.deps.db.selectFrom('sealed_records').select('purpose').where('case_id', '=', row.id).execute();
    expect(sealed.map((s) => s.purpose).sort()).toEqual(['identity', 'original_text']);
  });

  it('tokens/{token} gives the request id', async () => {
    const res = await get(`tokens/${token}.json`);
    expect(res.status).toBe(200);
    expect(v.token(res.body), JSON.stringify(v.token.errors)).toBe(true);
    expect(res.body).toEqual([{ service_request_id: number, token }]);
    await expectXmlTwin(`tokens/${token}.json`, 'service_requests', res.body);
    expect((await get('tokens/nosuchtoken.json')).status).toBe(404);
  });

  it('without contact details the request is an anonymous report', async () => {
    const res = await post('requests.xml', reportFields());
    expect(res.status).toBe(200);
    const { root } = parseXml(res.text);
    expect(root.name).toBe('service_requests');
    const filed = xmlValue(root) as { service_request_id: string; token: string }[];
    const row = await t.deps.db.selectFrom('cases').select(['anonymous', 'kind']).where('case_number', '=', filed[0]!.service_request_id).executeTakeFirstOrThrow();
    expect(row).toEqual({ anonymous: 1, kind: 'report' });
  });

  it('a complaint without contact details is refused in Open311 field names', async () => {
    const res = await post('requests.json', reportFields({ 'attribute[kind]': 'complaint' }));
    expect(res.status).toBe(400);
    expect(res.body).toContainEqual({ code: 400, description: expect.stringMatching(/^last_name: a complaint cannot be anonymous/) });
  });
});

describe('errors: the spec list with the right status, in JSON and XML', () => {
  const expectErrors = async (res: Awaited<ReturnType<typeof get>>, status: number, format: 'json' | 'xml') => {
    expect(res.status, res.text).toBe(status);
    const list = format === 'json' ? res.body : xmlValue(parseXml(res.text).root);
    if (format === 'xml') {
      expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(parseXml(res.text).root.name).toBe('errors');
      expect(parseXml(res.text).root.children.every((c) => c.name === 'error')).toBe(true);
    }
    expect(Array.isArray(list) && list.length > 0).toBe(true);
    for (const e of list as { code: unknown; description: unknown }[]) {
      expect(Object.keys(e)).toEqual(['code', 'description']);
      expect(String(e.code)).toBe(String(status));
      expect(typeof e.description).toBe('string');
    }
    return list as { code: number; description: string }[];
  };

  it('a missing or revoked key is a 403', async () => {
    for (const format of ['json', 'xml'] as const) {
      await expectErrors(await post(`requests.${format}`, reportFields({ api_key: undefined })), 403, format);
    }
    const revoked = (await createApiKey(t.deps, 'cli', 'old app')).key;
    await revokeApiKey(t.deps, 'cli', 'old app');
    for (const format of ['json', 'xml'] as const) {
      await expectErrors(await post(`requests.${format}`, reportFields({ api_key: revoked })), 403, format);
    }
    // The key is checked before anything else: bad input without a key is still a 403.
    await expectErrors(await post('requests.json', { description: 'x' }), 403, 'json');
  });

  it('a key over its rate is a 429 with Retry-After', async () => {
    const slow = await createTestApp({ env: { INTAKE_API_KEY_RATE: '1' } });
    try {
      const one = (await createApiKey(slow.deps, 'cli', 'one a minute')).key;
      const send = () => call(slow.app, 'POST', '/open311/v2/requests.xml', form(reportFields({ api_key: one })), FORM);
      expect((await send()).status).toBe(200);
      const res = await send();
      expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
      await expectErrors(res, 429, 'xml');
    } finally {
      await slow.close();
    }
  });

  it('an unknown service or jurisdiction is a 404', async () => {
    for (const format of ['json', 'xml'] as const) {
      await expectErrors(await post(`requests.${format}`, reportFields({ service_code: 'no.such' })), 404, format);
      await expectErrors(await post(`requests.${format}`, reportFields({ jurisdiction_id: '449999' })), 404, format);
      await expectErrors(await get(`services/no.such.${format}`), 404, format);
      await expectErrors(await get(`requests/QX00000000000.${format}`), 404, format);
      await expectErrors(await get(`requests.${format}?jurisdiction_id=449999`), 404, format);
      await expectErrors(await get(`services.${format}?jurisdiction_id=449999`), 404, format);
      await expectErrors(await get(`services/product.food.${format}?jurisdiction_id=449999`), 404, format);
      await expectErrors(await get(`nothing.${format}`), 404, format);
    }
    await expectErrors(await get('services.html'), 404, 'json');
  });

  it('bad input is a 400 naming each field', async () => {
    for (const format of ['json', 'xml'] as const) {
      const list = await expectErrors(await post(`requests.${format}`, reportFields({
        address_string: undefined, lat: '23.1', description: 'short', 'attribute[subject_name]': undefined,
      })), 400, format);
      const fields = list.map((e) => e.description.split(':')[0]);
      expect(fields).toEqual(expect.arrayContaining(['long', 'address_string']));
    }
    const intake = await expectErrors(await post('requests.json', reportFields({ description: 'short', 'attribute[subject_name]': '' })), 400, 'json');
    expect(intake.map((e) => e.description.split(':')[0])).toEqual(expect.arrayContaining(['description', 'attribute[subject_name]']));
    const attr = await expectErrors(await post('requests.json', reportFields({ 'attribute[colour]': 'red' })), 400, 'json');
    expect(attr[0]!.description).toMatch(/^attribute\[colour\]: not an attribute/);
    await expectErrors(await post('requests.json', reportFields({ lat: '91', long: '113' })), 400, 'json');
    await expectErrors(await post('requests.json', reportFields({ media_url: 'http://example.com/a.jpg' })), 400, 'json');
    await expectErrors(await post('requests.json', reportFields({ jurisdiction_id: undefined })), 400, 'json');
    await expectErrors(await get('requests.json?start_date=yesterday'), 400, 'json');
    await expectErrors(await get('requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z'), 400, 'json');
    await expectErrors(await get('requests.json?status=pending'), 400, 'json');
  });
});

describe('GET requests: filters and the cap', () => {
  let numbers: string[] = [];

  beforeAll(async () => {
    const a = await createTestApp({ now: '2026-11-02T09:00:00+08:00', env: { INTAKE_API_KEY_RATE: '10000' } });
    await t.close();
    t = a;
    key = (await createApiKey(t.deps, 'cli', 'hotline')).key;
    numbers = [];
    for (const [when, fields] of [
      ['2026-11-02T09:00:00+08:00', reportFields()],
      ['2026-11-03T09:00:00+08:00', reportFields({ service_code: 'service.retail' })],
      ['2026-11-04T09:00:00+08:00', complaintFields()],
    ] as const) {
      t.clock.set(when);
      const res = await post('requests.json', fields);
      expect(res.status, res.text).toBe(200);
      numbers.push(res.body[0].service_request_id);
    }
    // The lifecycle's own tests close cases; here only the mapping of a closed case matters.
    await t.deps.db.updateTable('cases').set({ status: 'closed', closed_at: '2026-11-05T09:00:00.000+08:00' }).where('case_number', '=', numbers[0]!).execute();
    t.clock.set('2026-11-10T09:00:00+08:00');
  });

  const ids = async (query: string) => {
    const res = await get(`requests.json${query}`);
    expect(res.status, res.text).toBe(200);
    expect(v.requests(res.body) || res.body.length === 0, JSON.stringify(v.requests.errors)).toBe(true);
    return res.body.map((r: any) => r.service_request_id);
  };

  it('filters by ids, service, dates and status, newest first', async () => {
    expect(await ids('')).toEqual([...numbers].reverse());
    expect(await ids(`?service_request_id=${numbers[0]},${numbers[2]}&service_code=service.retail`)).toEqual([numbers[2], numbers[0]]);
    expect(await ids('?service_code=service.retail')).toEqual([numbers[1]]);
    expect(await ids('?start_date=2026-11-03T00:00:00%2B08:00&end_date=2026-11-03T23:59:59%2B08:00')).toEqual([numbers[1]]);
    expect(await ids('?start_date=2026-11-03T01:00:01Z')).toEqual([numbers[2]]);
    expect(await ids('?status=closed')).toEqual([numbers[0]]);
    expect(await ids('?status=open')).toEqual([numbers[2], numbers[1]]);
    expect(await ids('?status=open,closed&jurisdiction_id=440100')).toEqual([...numbers].reverse());
    expect(await ids('?jurisdiction_id=440106')).toEqual([...numbers].reverse());
    expect(await ids('?jurisdiction_id=440300')).toEqual([]);
    const [closed] = (await get(`requests/${numbers[0]}.json`)).body;
    expect(closed).toMatchObject({ status: 'closed', updated_datetime: '2026-11-05T09:00:00+08:00', expected_datetime: null });
    expect(await ids('?start_date=2026-10-01T00:00:00%2B08:00&end_date=2026-10-31T00:00:00%2B08:00')).toEqual([]);
  });

  it('answers at most 1000 requests', async () => {
    const row = await t.deps.db.selectFrom('cases').selectAll().where('case_number', '=', numbers[1]!).executeTakeFirstOrThrow();
    for (let i = 0; i < 1001; i += 100) {
      const rows = Array.from({ length: Math.min(100, 1001 - i) }, (_, j) => ({
        ...row, id: `copy-${i + j}`, case_number: `${row.case_number}-${i + j}`, receipt_hash: `copy-${i + j}`,
      }));
      await t.deps.db.insertInto('cases').values(rows as any).execute();
    }
    const all = await ids('');
    expect(all).toHaveLength(1000);
    // A long id list is read in parts (D1 binds at most 100 parameters) and answered whole.
    const listed = Array.from({ length: 1000 }, (_, i) => `${row.case_number}-${i}`);
    expect(new Set(await ids(`?service_request_id=${listed.join(',')}`))).toEqual(new Set(listed));
    const xml = await get('requests.xml');
    expect(parseXml(xml.text).root.children).toHaveLength(1000);
  });
});

describe('the schemas', () => {
  it('reject what the spec does not allow (the validators are not vacuous)', () => {
    expect(v.requests([{ service_request_id: '1', status: 'pending', service_code: 'x', requested_datetime: '2026-01-01T00:00:00Z' }])).toBe(false);
    expect(v.services([{ service_code: 'x', service_name: 'x', metadata: true, type: 'sometimes' }])).toBe(false);
    expect(v.definition({ service_code: 'x', attributes: [{ variable: true, code: 'a', datatype: 'boolean', required: false }] })).toBe(false);
  });

  it.skipIf(!existsSync(sharedSchemaDir) || !existsSync(fixtureSchemaDir))('the committed copy equals ../shared byte for byte', () => {
    for (const file of SCHEMA_FILES) {
      expect(readFileSync(path.join(fixtureSchemaDir, file)).equals(readFileSync(path.join(sharedSchemaDir, file))), file).toBe(true);
    }
  });
});
