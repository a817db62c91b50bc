/** The reporter's declared relation to the matter, and the reward request a report files with. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RELATIONS } from '../../domain/vocabulary.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
let handler: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' });
  handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
});
afterEach(async () => { await t.close(); });

const submit = (body: unknown) => call(t.app, 'POST', '/api/v1/cases', body);
const stored = (caseNumber: string) =>
  t.deps.db.selectFrom('cases').select(['id', 'reporter_relation']).where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
const rewardRows = () => t.deps.db.selectFrom('rewards').selectAll().execute();

async function refusedAt(body: unknown, path: string) {
  const res = await submit(body);
  expect(res.status).toBe(400);
  expect(res.body.error.code).toBe('validation_failed');
  expect(res.body.error.issues.map((i: { path: string }) => i.path)).toContain(path);
}

describe('reporter.relation', () => {
  it('stores each relation a report declares, anonymous or named, and shows it to the handler', async () => {
    for (const [i, relation] of RELATIONS.entries()) {
      const reporter = i % 2 === 0 ? { anonymous: true, relation } : { anonymous: false, name: '李四', phone: '13900139000', relation };
      const res = await submit(report({ reporter }));
      expect(res.status).toBe(201);
      expect((await stored(res.body.caseNumber)).reporter_relation).toBe(relation);
      const view = (await call(t.app, 'GET', `/api/v1/staff/cases/${res.body.caseNumber}`, undefined, handler)).body;
      expect(view.reporterRelation).toBe(relation);
    }
  });

  it('is optional: a report without one stores null', async () => {
    const res = await submit(report());
    expect(res.status).toBe(201);
    expect((await stored(res.body.caseNumber)).reporter_relation).toBeNull();
    const view = (await call(t.app, 'GET', `/api/v1/staff/cases/${res.body.caseNumber}`, undefined, handler)).body;
    expect(view.reporterRelation).toBeNull();
  });

  it('refuses a relation that is not one of the four, naming reporter.relation', async () => {
    await refusedAt(report({ reporter: { anonymous: true, relation: 'competitor' } }), 'reporter.relation');
    await refusedAt(report({ reporter: { anonymous: false, name: '李四', phone: '13900139000', relation: 1 } }), 'reporter.relation');
  });

  it('belongs to a report only: a complaint or an injury with one is a 400', async () => {
    const named = { anonymous: false, name: '张三', phone: '13800138000', address: '广州市天河区天河路2号', relation: 'none' };
    await refusedAt(complaint({ reporter: named }), 'reporter.relation');
    await refusedAt(injury({ reporter: { anonymous: true, relation: 'insider' } }), 'reporter.relation');
    expect(await t.deps.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
  });
});

describe('the reward request at submission', () => {
  it('files a report asking for a reward with a requested reward, in the same batch', async () => {
    const res = await submit(report({ reward: true }));
    expect(res.status).toBe(201);
    const { id } = await stored(res.body.caseNumber);
    expect(await rewardRows()).toEqual([expect.objectContaining({
      case_id: id, status: 'requested', level: null, amount_fen: null, created_at: res.body.receivedAt, updated_at: res.body.receivedAt,
    })]);
  });

  it('files no reward for a report without the request, a complaint or an injury', async () => {
    for (const body of [report({ reward: false }), complaint(), injury()]) expect((await submit(body)).status).toBe(201);
    expect(await rewardRows()).toEqual([]);
  });
});
