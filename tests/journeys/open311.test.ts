/**
 * Open311 on both runtimes over real HTTP: the Node server as `npm start` builds it, and the Worker
 * in `wrangler dev --local` over D1. Cases filed through /api/v1/cases are read back as service
 * requests (the D1 query, the 0024 table joined), XML included; a POST without a key is a 403, and one
 * with a key the admin made on the admin page is filed and read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_TOTP_SECRET } from '../../server/staff/demo.js';
import { totpCode } from '../../server/staff/totp.js';
import { report } from '../helpers/bodies.js';
import { form, parseXml, xmlValue } from '../helpers/open311.js';
import { client } from './http.js';
import { startNode, startWorker, type RunningRuntime } from './runtimes.js';

for (const [label, start, timeout] of [['node', startNode, 90_000], ['worker', startWorker, 240_000]] as const) {
  describe(`${label}: Open311`, () => {
    let rt: RunningRuntime;
    let api: ReturnType<typeof client>;
    let number: string;

    beforeAll(async () => {
      rt = await start();
      api = client(rt.url);
      const filed = await api.call('POST', '/api/v1/cases', report({ description: '过期原料生产月饼，联系电话13912345678。' }));
      expect(filed.status, filed.text).toBe(201);
      number = filed.body.caseNumber;
    }, timeout);
    afterAll(async () => { await rt?.stop(); }, 30_000);

    it('lists services and a definition', async () => {
      const services = await api.call('GET', '/open311/v2/services.json');
      expect(services.status).toBe(200);
      expect(services.body.map((s: { service_code: string }) => s.service_code)).toContain('product.food');
      const definition = await api.call('GET', '/open311/v2/services/product.food.json');
      expect(definition.body.attributes.length).toBeGreaterThan(3);
    });

    it('reads a filed case as a service request, in JSON and XML, without the phone number', async () => {
      const list = await api.call('GET', `/open311/v2/requests.json?jurisdiction_id=440106&service_request_id=${number}`);
      expect(list.status, list.text).toBe(200);
      expect(list.body).toHaveLength(1);
      expect(list.body[0]).toMatchObject({ service_request_id: number, status: 'open', service_code: 'product.food' });
      expect(list.body[0].agency_responsible).toBeTruthy();
      expect(list.body[0].expected_datetime).toMatch(/\+08:00$/);
      expect(list.text).not.toContain('13912345678');
      const xml = await api.call('GET', `/open311/v2/requests/${number}.xml`);
      expect(xml.headers.get('content-type')).toBe('text/xml; charset=utf-8');
      expect(xmlValue(parseXml(xml.text).root)).toEqual([expect.objectContaining({ service_request_id: number, status: 'open' })]);
    });

    it('refuses a POST without a key with the error list', async () => {
      const res = await fetch(`${rt.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({ jurisdiction_id: '440106', service_code: 'product.food', description: '过期原料生产月饼。' }),
      });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    });

    it('files a request with a key the admin made on the admin page, into the department queue', async () => {
      let login = await api.call('POST', '/api/v1/staff/login', { username: 'admin', password: DEMO_PASSWORD });
      if (login.status === 401) {
        const secret: string = login.body.enrolment?.secret ?? DEMO_TOTP_SECRET;
        login = await api.call('POST', '/api/v1/staff/login', { username: 'admin', password: DEMO_PASSWORD, totp: await totpCode(secret, new Date()) });
      }
      expect(login.status, login.text).toBe(200);
      const made = await fetch(`${rt.url}/staff/admin/api-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${login.body.token}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ name: `journey-${label}` }).toString(),
      });
      const page = await made.text();
      expect(made.status, page.slice(0, 300)).toBe(200);
      const key = /id="api-key-value"[^>]*value="([^"]+)"/.exec(page)?.[1];
      expect(key).toBeTruthy();
      const res = await fetch(`${rt.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form({
          api_key: key!, jurisdiction_id: '440106', service_code: 'product.food', description: '超市出售过期月饼，生产日期被涂改。',
          address_string: '广州市天河区天河路2号', 'attribute[subject_name]': '某某超市',
        }),
      });
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(200);
      const id = body[0].service_request_id as string;
      const read = await api.call('GET', `/open311/v2/requests/${id}.json`);
      expect(read.status, read.text).toBe(200);
      expect(read.body[0]).toMatchObject({ service_request_id: id, status: 'open', service_code: 'product.food' });
      expect(read.body[0].expected_datetime).toMatch(/\+08:00$/);
    });
  });
}
