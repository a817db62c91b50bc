/** One refusal names every problem: cross-field rules and the directory's checks come with the fields' own. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const submit = (body: unknown, headers: Record<string, string> = {}) => call(t.app, 'POST', '/api/v1/cases', body, headers);
const paths = (res: { body: { error: { issues: { path: string }[] } } }) => res.body.error.issues.map((i) => i.path).sort();

describe('every problem in one answer', () => {
  it('names the bad phone and the missing complainant address together (they used to come in two rounds)', async () => {
    const res = await submit(complaint({ reporter: { anonymous: false, name: '张三', phone: '12345' } }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(paths(res)).toEqual(['reporter.address', 'reporter.phone']);
  });

  it('names an unknown category with the other problems', async () => {
    const res = await submit(complaint({ category: 'no.such', description: 'short', reporter: { anonymous: false, name: '张三', phone: '1' } }));
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['category', 'description', 'reporter.address', 'reporter.phone']);
    expect(res.body.error.issues.find((i: { path: string }) => i.path === 'category').message).toBe('unknown category no.such');
  });

  it('names a category that does not take the kind with the other problems', async () => {
    const res = await submit(complaint({ category: 'product.counterfeit', region: '999999' }));
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(['category', 'region']);
  });

  it('names every wrong field of a complaint at once, in the error shape of the contract', async () => {
    const res = await submit({
      kind: 'complaint', category: 'product.food', region: '12', subject: { name: '', creditCode: 'bad' },
      description: 'short', occurredOn: '2026-13-45', severity: 'minor', reward: true,
      reporter: { anonymous: false, name: '', phone: '1', idNumber: '123', email: 'x', relation: 'insider' },
    });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body)).toEqual(['error']);
    expect(Object.keys(res.body.error).sort()).toEqual(['code', 'issues', 'message']);
    expect(new Set(paths(res))).toEqual(new Set([
      'region', 'subject.name', 'subject.creditCode', 'description', 'occurredOn', 'severity', 'reward',
      'reporter.name', 'reporter.phone', 'reporter.idNumber', 'reporter.email', 'reporter.address', 'reporter.relation',
    ]));
  });

  it('names an injury without severity together with a bad field', async () => {
    const res = await submit(injury({ severity: undefined, description: 'short' }));
    expect(paths(res)).toEqual(['description', 'severity']);
  });

  it('adds no guesses when the kind itself is wrong', async () => {
    const res = await submit(report({ kind: 'bogus', claim: 'x', description: 'short' }));
    expect(paths(res)).toEqual(['description', 'kind']);
  });

  it('answers the same with an Idempotency-Key and as multipart', async () => {
    const body = complaint({ reporter: { anonymous: false, name: '张三', phone: '12345' } });
    const keyed = await submit(body, { 'Idempotency-Key': 'all-errors-0123456789' });
    expect(paths(keyed)).toEqual(['reporter.address', 'reporter.phone']);
    const form = new FormData();
    form.set('case', JSON.stringify(body));
    const res = await t.app.request('/api/v1/cases', { method: 'POST', body: form });
    expect(res.status).toBe(400);
    expect(paths({ body: await res.json() as never })).toEqual(['reporter.address', 'reporter.phone']);
  });
});
