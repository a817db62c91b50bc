import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const submit = (body: unknown) => call(t.app, 'POST', '/api/v1/cases', body);

async function expectIssue(body: unknown, path: string) {
  const res = await submit(body);
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(typeof res.body.error.message).toBe('string');
  const paths = res.body.error.issues.map((i: { path: string }) => i.path);
  expect(paths).toContain(path);
  return res.body.error.issues.find((i: { path: string }) => i.path === path).message as string;
}

describe('submission validation', () => {
  it('refuses a complaint without a phone', async () => {
    await expectIssue(complaint({ reporter: { anonymous: false, name: '张三', address: '广州' } }), 'reporter.phone');
  });
  it('refuses an anonymous complaint', async () => {
    await expectIssue(complaint({ reporter: { anonymous: true } }), 'reporter.anonymous');
  });
  it('refuses a complaint without the complainant address', async () => {
    await expectIssue(complaint({ reporter: { anonymous: false, name: '张三', phone: '13800138000' } }), 'reporter.address');
  });
  it('refuses a phone that is not a mainland mobile', async () => {
    await expectIssue(complaint({ reporter: { anonymous: false, name: '张三', phone: '12345', address: 'x' } }), 'reporter.phone');
  });
  it('refuses an ID number with a wrong check character', async () => {
    await expectIssue(report({ reporter: { anonymous: false, name: '李四', phone: '13800138000', idNumber: '340524198001010013' } }), 'reporter.idNumber');
  });
  it('accepts a valid ID number', async () => {
    const res = await submit(report({ reporter: { anonymous: false, name: '李四', phone: '13800138000', idNumber: '34052419800101001X' } }));
    expect(res.status).toBe(201);
  });
  it('refuses a malformed e-mail', async () => {
    await expectIssue(report({ reporter: { anonymous: false, name: '李四', phone: '13800138000', email: 'not-mail' } }), 'reporter.email');
  });
  it('refuses an unknown kind', async () => {
    await expectIssue(report({ kind: 'praise' }), 'kind');
  });
  it('refuses an unknown category', async () => {
    await expectIssue(report({ category: 'product.nothing' }), 'category');
  });
  it('refuses a category that does not take the kind', async () => {
    const message = await expectIssue(complaint({ category: 'product.counterfeit' }), 'category');
    expect(message).toContain('complaint');
  });
  it('refuses a malformed region', async () => {
    await expectIssue(report({ region: '4401' }), 'region');
  });
  it('refuses a description under 10 characters and one over 5000', async () => {
    await expectIssue(report({ description: '太短' }), 'description');
    await expectIssue(report({ description: '长'.repeat(5001) }), 'description');
  });
  it('refuses a missing business name', async () => {
    await expectIssue(report({ subject: { name: '' } }), 'subject.name');
  });
  it('refuses a malformed credit code with 400', async () => {
    await expectIssue(report({ subject: { name: 'x公司', creditCode: '91440101MA5CJQ4NI9' } }), 'subject.creditCode');
    await expectIssue(report({ subject: { name: 'x公司', creditCode: '123' } }), 'subject.creditCode');
  });
  it('accepts a wrong check character but flags it on the case', async () => {
    const res = await submit(report({ subject: { name: 'x公司', creditCode: '91350203m0001qay9b' } }));
    expect(res.status).toBe(201);
    expect(res.body.creditCodeCheckFailed).toBe(true);
    const row = await t.deps.db.selectFrom('cases').selectAll().where('case_number', '=', res.body.caseNumber).executeTakeFirstOrThrow();
    expect(row.subject_credit_code).toBe('91350203M0001QAY9B');
    expect(row.credit_code_check_failed).toBe(1);
  });
  it('refuses an injury without a severity, and a severity on a report', async () => {
    await expectIssue(injury({ severity: undefined }), 'severity');
    await expectIssue(report({ severity: 'minor' }), 'severity');
  });
  it('refuses a reward on a complaint', async () => {
    await expectIssue(complaint({ reward: true }), 'reward');
  });
  it('refuses a claim on a report', async () => {
    await expectIssue(report({ claim: '赔钱' }), 'claim');
  });
  it('refuses an impossible date', async () => {
    await expectIssue(report({ occurredOn: '2026-02-30' }), 'occurredOn');
  });
});

describe('request bodies', () => {
  it('answers 400 for broken JSON, not 500', async () => {
    const res = await call(t.app, 'POST', '/api/v1/cases', '{"kind": "report",');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });
  it('answers 400 for a JSON body that is not an object', async () => {
    for (const body of ['null', '[]', '"text"', '42']) {
      const res = await call(t.app, 'POST', '/api/v1/cases', body);
      expect(res.status).toBe(400);
    }
  });
  it('answers 415 for a body that is neither JSON nor multipart', async () => {
    const plain = await call(t.app, 'POST', '/api/v1/cases', JSON.stringify(report()), { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    expect(plain.body.error.code).toBe('unsupported_media_type');
    const form = await call(t.app, 'POST', '/api/v1/cases', 'kind=report', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });
  it('answers 413 for a body over 1 MB without reading it whole', async () => {
    let pulled = 0;
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        if (pulled > 50 * 1024 * 1024) controller.close(); else controller.enqueue(chunk);
      },
    });
    const res = await t.app.request('/api/v1/cases', {
      method: 'POST', body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
    expect(pulled).toBeLessThan(5 * 1024 * 1024);
  });
  it('answers 413 from the declared length alone', async () => {
    const res = await call(t.app, 'POST', '/api/v1/cases', 'x'.repeat(1_100_000));
    expect(res.status).toBe(413);
  });
  it('answers unknown API paths with the JSON error shape', async () => {
    const res = await call(t.app, 'GET', '/api/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
  });
});
