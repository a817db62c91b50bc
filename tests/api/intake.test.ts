import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const submit = (body: unknown) => call(t.app, 'POST', '/api/v1/cases', body);

describe('POST /api/v1/cases', () => {
  it('answers 201 for a complaint with the contract fields', async () => {
    const res = await submit(complaint());
    expect(res.status).toBe(201);
    expect(res.body.caseNumber).toMatch(/^GD20261126\d{5}$/);
    expect(res.body.receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(res.body).toMatchObject({ kind: 'complaint', status: 'received' });
    expect(res.body.department).toEqual({ code: 'samr-440106', name: { zh: '广州市天河区市场监督管理局', en: expect.any(String) } });
    expect(res.body.due).toEqual([{ clock: 'accept_decision', dueAt: expect.stringMatching(/\+08:00$/), provisional: false }]);
  });

  it('answers 201 for an anonymous report and starts the open-case clock', async () => {
    const res = await submit(report());
    expect(res.status).toBe(201);
    expect(res.body.kind).toBe('report');
    expect(res.body.due[0].clock).toBe('open_decision');
  });

  it('answers 201 for a serious injury, marks it urgent and copies the provincial SAMR', async () => {
    const res = await submit(injury());
    expect(res.status).toBe(201);
    expect(res.body.department.code).toBe('samr-440304');
    expect(res.body.urgent).toBe(true);
    expect(res.body.cohandlers.map((c: { code: string }) => c.code)).toEqual(['samr-440000']);
    const received = new Date('2026-11-26T10:00:00+08:00').getTime();
    expect(new Date(res.body.due[0].dueAt).getTime() - received).toBe(24 * 3600 * 1000);
  });

  it('numbers cases of the same day in sequence', async () => {
    const a = await submit(report());
    const b = await submit(report());
    expect(Number(b.body.caseNumber.slice(-5))).toBe(Number(a.body.caseNumber.slice(-5)) + 1);
  });
});

describe('routing', () => {
  const routed = async (category: string, region: string, kind = 'report') =>
    (await submit(report({ kind, category, region, reward: false }))).body;

  it('sends food in 天河区 to 天河区 SAMR', async () => {
    expect((await routed('product.food', '440106')).department.code).toBe('samr-440106');
  });
  it('sends food in 韶关 to 韶关市 SAMR', async () => {
    expect((await routed('product.food', '440200')).department.code).toBe('samr-440200');
  });
  it('sends a telecom service in 天河区 to the provincial communications administration', async () => {
    expect((await routed('service.telecom', '440106')).department.code).toBe('telecom-440000');
  });
  it('sends housing works in 南山区 to 深圳市 housing (no district department)', async () => {
    expect((await routed('engineering.housing', '440305')).department.code).toBe('housing-440300');
  });
  it('sends category other to the triage queue', async () => {
    expect((await routed('other', '440106')).department).toBeNull();
  });
  it('sends a district outside the demo directory to its city department', async () => {
    expect((await routed('product.food', '440511')).department.code).toBe('samr-440500');
  });
  it('sends a region outside the province to triage', async () => {
    expect((await routed('product.food', '110105')).department).toBeNull();
  });
  it('records the decision and the rule on the case', async () => {
    const res = await submit(report());
    const row = await t.deps.db.selectFrom('cases').selectAll().where('case_number', '=', res.body.caseNumber).executeTakeFirstOrThrow();
    expect(row.routing_rule).toBe('rule-product.food');
    expect(row.routing_reason).toContain('samr-440106');
  });
  it('answers 400 for region 999999', async () => {
    const res = await submit(report({ region: '999999' }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain('region');
  });
});
