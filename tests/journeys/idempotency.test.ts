/**
 * One case per idempotency key on both runtimes, over real HTTP: the Node server (group commit,
 * savepoints) and the Worker (D1 batches) each make one case of 20 parallel posts with one key, and
 * the form's POST → 303 → receipt shown once works the same on both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaint, report } from '../helpers/bodies.js';
import { client } from './http.js';
import { startNode, startWorker, type RunningRuntime } from './runtimes.js';

const RECEIPT = /\d{4} \d{4} \d{4} \d{4}/;

for (const [label, start, startTimeoutMs] of [['node', startNode, 60_000], ['worker', startWorker, 240_000]] as const) {
  describe(`${label}: one case per idempotency key`, () => {
    let rt: RunningRuntime;
    let api: ReturnType<typeof client>;
    beforeAll(async () => {
      rt = await start();
      api = client(rt.url);
    }, startTimeoutMs);
    afterAll(async () => { await rt?.stop(); }, 30_000);

    it('makes one case of 20 parallel posts with one key, every one answered with it', async () => {
      const key = `journey-${label}-0123456789abcdef`;
      const answers = await Promise.all(Array.from({ length: 20 }, () => api.call('POST', '/api/v1/cases', complaint(), { 'idempotency-key': key })));
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
      expect(new Set(answers.map((a) => a.body.caseNumber)).size).toBe(1);
      expect(new Set(answers.map((a) => a.body.receipt)).size).toBe(1);
      // The day's sequence moved by one only: the next case takes the very next number.
      const next = await api.call('POST', '/api/v1/cases', report());
      expect(Number(next.body.caseNumber.slice(-5))).toBe(Number(answers[0]!.body.caseNumber.slice(-5)) + 1);
      const other = await api.call('POST', '/api/v1/cases', report(), { 'idempotency-key': key });
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('conflict');
    }, 120_000);

    it('answers the form with 303 to a page that shows the receipt once', async () => {
      const form = await fetch(`${rt.url}/submit`).then((r) => r.text());
      const formKey = /name="_key" value="([^"]+)"/.exec(form)?.[1] ?? '';
      const fields = new URLSearchParams({
        _key: formKey, kind: 'report', category: 'product.food', region: '440106', 'subject.name': '某某食品有限公司',
        description: '该厂使用过期原料生产月饼，仓库在后门。', 'reporter.anonymous': 'on',
      });
      const post = () => fetch(`${rt.url}/submit`, {
        method: 'POST', body: fields, redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: rt.url },
      });
      const filed = await post();
      expect(filed.status).toBe(303);
      const location = filed.headers.get('location') ?? '';
      expect(location).toMatch(/^\/submit\/receipt\/[\w-]+$/);
      expect((await post()).headers.get('location')).toBe(location);
      expect(await fetch(rt.url + location).then((r) => r.text())).toMatch(RECEIPT);
      const again = await fetch(rt.url + location).then((r) => r.text());
      expect(again).not.toMatch(RECEIPT);
      expect(again).toContain('查询码已经显示过');
    }, 60_000);
  });
}
