/**
 * The enterprise quality-credit summary (GET /api/v1/enterprises/{creditCode}) and its search: cases
 * filed through POST /api/v1/cases and moved by staff actions are counted by year from counters kept
 * by triggers, merged duplicates nowhere, and the answer carries counts and product fields only.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recountEnterprises } from '../../server/enterprises/enterprises.service.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { generateDemoData } from '../../tools/demo-data/generate.js';
import { creditCodeCheckChar } from '../../server/lib/identifiers.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint as complaintBody, report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

let t: TestApp;
let staff: TestStaff[];
let handler: Record<string, string>;
let supervisor: Record<string, string>;
let intake: Record<string, string>;

/** Sessions expire when the test clock jumps: sign everyone in again at the new time. */
async function setClock(at: string) {
  t.clock.set(at);
  [handler, supervisor, intake] = await Promise.all(staff.map(async (member) => bearer(await member.login()))) as [
    Record<string, string>, Record<string, string>, Record<string, string>];
}

beforeEach(async () => {
  t = await createTestApp({ now: '2025-12-31T20:00:00+08:00' });
  staff = await Promise.all([
    createStaff(t, { role: 'handler' }), createStaff(t, { role: 'supervisor' }), createStaff(t, { role: 'intake', department: 'intake-440000' }),
  ]);
  await setClock('2025-12-31T20:00:00+08:00');
});
afterEach(async () => { await t.close(); });

// The helper's complaint happened in November 2026: these cases are filed earlier.
const complaint = (over: Record<string, unknown> = {}) => complaintBody({ occurredOn: '2025-12-01', ...over });
const code = (body17: string) => body17 + creditCodeCheckChar(body17);
const CODE = code('91440106MA5ABCDE1');
const OTHER = code('91440300MA5XYW001');
const subject = (creditCode: string, name = '广州市某某食品有限公司', product?: Record<string, string>) =>
  ({ name, creditCode, address: '广州市天河区体育西路1号', ...(product ? { product } : {}) });

async function file(body: Record<string, unknown>): Promise<string> {
  const res = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(res.status, res.text).toBe(201);
  return res.body.caseNumber as string;
}
async function act(n: string, headers: Record<string, string>, body: Record<string, unknown>) {
  const res = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, headers);
  expect(res.status, res.text).toBe(200);
  return res.body;
}
const summary = (c: string) => call(t.app, 'GET', `/api/v1/enterprises/${encodeURIComponent(c)}`);
const counters = () => t.store.sqlite.prepare(
  'SELECT credit_code, year, measure, n FROM enterprise_counts WHERE n != 0 ORDER BY 1, 2, 3').all();

/** Complaints and reports over two Beijing years, with the milestones of each. */
async function history() {
  // 2025-12-31 20:00 Beijing is 12:00 UTC: the complaint counts in 2025, its acceptance in 2026.
  const complaintA = await file(complaint({ subject: subject(CODE, '广州市某某食品有限公司', { name: '冰皮月饼', brand: '某某牌', gtin: '6901234567892' }) }));
  await setClock('2026-01-05T09:00:00+08:00');
  await act(complaintA, handler, { action: 'accept' });
  await act(complaintA, handler, { action: 'start_mediation' });
  await act(complaintA, handler, { action: 'mediated', reason: '商家同意退款' });
  const complaintB = await file(complaint({ subject: subject(CODE, '广州市某某食品股份有限公司', { name: '冰皮月饼', gtin: '6901234567892' }) }));
  await act(complaintB, handler, { action: 'accept' });
  const reportA = await file(report({ subject: subject(CODE, '广州市某某食品股份有限公司', { brand: '某某牌', model: '礼盒装' }) }));
  await act(reportA, handler, { action: 'start_verification' });
  await act(reportA, handler, { action: 'open_case' });
  await act(reportA, handler, { action: 'decide_penalty', fineFen: 5_000_000 });
  // A duplicate of reportA: merged, it counts nowhere (nor does its product).
  const duplicate = await file(report({ subject: subject(CODE, '广州市某某食品股份有限公司', { name: '过期月饼' }) }));
  await act(duplicate, handler, { action: 'start_verification' });
  await act(duplicate, handler, { action: 'open_case' });
  await act(duplicate, handler, { action: 'merge', into: reportA });
  // Another business; an injury never counts, nor a case without a code.
  await file(report({ subject: subject(OTHER, '深圳市另一家电器有限公司') }));
  await file(report({ subject: { name: '没有代码的小店', address: '广州市越秀区北京路' } }));
  return { complaintA, complaintB, reportA, duplicate };
}

describe('GET /api/v1/enterprises/{creditCode}', () => {
  it('counts complaints and reports by Beijing year, the milestones in the year they were reached', async () => {
    await history();
    const res = await summary(CODE);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      creditCode: CODE, name: '广州市某某食品股份有限公司', creditCodeCheckOk: true,
      complaints: { received: 2, accepted: 2, mediated: 1 }, reports: { received: 1, opened: 1 }, penaltiesDecided: 1,
      byYear: [
        { year: 2025, complaints: 1, reports: 0, complaintsAccepted: 0, complaintsMediated: 0, reportsOpened: 0, penaltiesDecided: 0 },
        { year: 2026, complaints: 1, reports: 1, complaintsAccepted: 2, complaintsMediated: 1, reportsOpened: 1, penaltiesDecided: 1 },
      ],
      products: [
        { gtin: '6901234567892', name: '冰皮月饼', cases: 2 },
        { brand: '某某牌', model: '礼盒装', cases: 1 },
      ],
    });
    expect((await summary(OTHER)).body).toMatchObject({ reports: { received: 1, opened: 0 }, products: [] });
  });

  it('carries no case text, case number, pseudonym or anything of a reporter', async () => {
    const numbers = Object.values(await history());
    const res = await summary(CODE);
    const cases = await t.store.db.selectFrom('cases').select(['description', 'claim', 'pseudonym', 'subject_address', 'product_batch']).execute();
    for (const secret of [...numbers, ...cases.flatMap((c) => [c.description, c.claim, c.pseudonym, c.subject_address])]) {
      if (secret) expect(res.text).not.toContain(secret);
    }
    for (const reporter of ['张三', '13800138000', '天河路2号']) expect(res.text).not.toContain(reporter);
    expect(res.text).not.toContain('过期月饼');
  });

  it('normalises the code to upper case and answers 404 for a code no case names or a malformed one', async () => {
    await history();
    const lower = await summary(CODE.toLowerCase());
    expect(lower.status).toBe(200);
    expect(lower.body.creditCode).toBe(CODE);
    for (const unknown of [code('91440000MA5000001'), '91440106', 'not a code at all', CODE + 'X']) {
      const res = await summary(unknown);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('finds the cases that used a code with a wrong check character, and says so', async () => {
    const wrong = CODE.slice(0, 17) + (CODE[17] === '0' ? '1' : '0');
    const filed = await call(t.app, 'POST', '/api/v1/cases', complaint({ subject: subject(wrong) }));
    expect(filed.status).toBe(201);
    const res = await summary(wrong);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ creditCode: wrong, creditCodeCheckOk: false, complaints: { received: 1 } });
    expect((await summary(CODE)).status).toBe(404);
  });

  it('counts a report opened once, though re-handling opens it again', async () => {
    await setClock('2026-03-02T09:00:00+08:00');
    const n = await file(report({ subject: subject(CODE) }));
    await act(n, handler, { action: 'start_verification' });
    await act(n, handler, { action: 'open_case' });
    await act(n, supervisor, { action: 'close', reply: '已立案查处。' });
    await act(n, intake, { action: 'rehandle', reason: '举报人不满意' });
    await act(n, handler, { action: 'open_case' });
    expect((await summary(CODE)).body).toMatchObject({ reports: { received: 1, opened: 1 } });
    const events = await t.store.db.selectFrom('case_events').select('event').where('event', '=', 'open_case').execute();
    expect(events).toHaveLength(2);
  });

  it('keeps the same counts as a recount from the cases and as the migration backfill', async () => {
    await history();
    const kept = counters();
    expect(kept.length).toBeGreaterThan(0);
    const totals = await recountEnterprises(t.deps);
    expect(totals).toEqual({ enterprises: 2, cases: 4, products: 2 });
    expect(counters()).toEqual(kept);
    // The migration's own backfill statements, run over the same cases, agree too.
    const migration = readFileSync(new URL('../../db/migrations/0029_enterprise_counts.sql', import.meta.url), 'utf8');
    const backfill = migration.slice(migration.indexOf('-- Backfill'));
    t.store.sqlite.exec('DELETE FROM enterprise_counts; DELETE FROM enterprise_case_marks; DELETE FROM enterprise_names; DELETE FROM enterprise_products;');
    t.store.sqlite.exec(backfill);
    expect(counters()).toEqual(kept);
    expect((await summary(CODE)).body.products).toHaveLength(2);
    const audit = await t.store.db.selectFrom('audit_log').select('action').where('action', '=', 'enterprises.recount').execute();
    expect(audit).toHaveLength(1);
  });
});

describe('a bulk load', () => {
  it('counts cases written in their final state with their events (demo data) as a recount does', async () => {
    await generateDemoData(t.deps, t.store, { cases: 300, masterKey: new Uint8Array(32).fill(7), seed: 3 });
    const kept = counters();
    const milestones = (kept as { measure: string }[]).filter((r) => !r.measure.endsWith('_received'));
    expect(milestones.length).toBeGreaterThan(0);
    await recountEnterprises(t.deps);
    expect(counters()).toEqual(kept);
  }, 120_000);
});

describe('GET /api/v1/enterprises?q=', () => {
  it('finds enterprises by the start of their name or of their code, code matches first', async () => {
    await history();
    const byName = await call(t.app, 'GET', `/api/v1/enterprises?q=${encodeURIComponent('广州市某某')}`);
    expect(byName.status).toBe(200);
    expect(byName.body).toEqual({ q: '广州市某某', items: [{ creditCode: CODE, name: '广州市某某食品股份有限公司' }] });
    const byCode = await call(t.app, 'GET', `/api/v1/enterprises?q=${CODE.slice(0, 8).toLowerCase()}`);
    expect(byCode.body.items).toEqual([{ creditCode: CODE, name: '广州市某某食品股份有限公司' }]);
    const both = await call(t.app, 'GET', '/api/v1/enterprises?q=9144');
    expect(both.body.items.map((i: { creditCode: string }) => i.creditCode)).toEqual([CODE, OTHER]);
    expect((await call(t.app, 'GET', `/api/v1/enterprises?q=${encodeURIComponent('深圳')}`)).body.items).toEqual([
      { creditCode: OTHER, name: '深圳市另一家电器有限公司' }]);
    expect((await call(t.app, 'GET', `/api/v1/enterprises?q=${encodeURIComponent('没有代码')}`)).body.items).toEqual([]);
  });

  it('finds a Latin name whatever its case, and at most 20', async () => {
    for (let i = 0; i < 22; i++) {
      await file(report({ subject: subject(code(`91440106MA5LNKT${String(i).padStart(2, '0')}`), `Acme Trading ${i}`) }));
    }
    const res = await call(t.app, 'GET', '/api/v1/enterprises?q=ACME%20t');
    expect(res.body.items).toHaveLength(20);
    expect(res.body.items[0].name).toMatch(/^Acme Trading/);
  });

  it('refuses a missing or over-long q with the error JSON', async () => {
    for (const path of ['/api/v1/enterprises', '/api/v1/enterprises?q=%20', `/api/v1/enterprises?q=${'x'.repeat(101)}`]) {
      const res = await call(t.app, 'GET', path);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.issues[0].path).toBe('q');
    }
  });
});

describe('the documented answers', () => {
  it('match /api/v1/openapi.json', async () => {
    await history();
    const doc = (await call(t.app, 'GET', '/api/v1/openapi.json')).body;
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    ajv.addSchema({ $id: 'doc', components: doc.components }, 'doc');
    const check = (path: string, res: { status: number; body: unknown }) => {
      const answer = doc.paths[path].get.responses[String(res.status)];
      expect(answer, `${path} ${res.status}`).toBeDefined();
      const schema = answer.$ref ? { $ref: '#/components/schemas/Error' } : answer.content['application/json'].schema;
      const rooted = JSON.parse(JSON.stringify(schema).replace(/"#\/components\//g, '"doc#/components/'));
      expect(ajv.validate(rooted, res.body), JSON.stringify(ajv.errors)).toBe(true);
    };
    check('/api/v1/enterprises/{creditCode}', await summary(CODE));
    check('/api/v1/enterprises/{creditCode}', await summary('nothing'));
    check('/api/v1/enterprises', await call(t.app, 'GET', '/api/v1/enterprises?q=9144'));
    check('/api/v1/enterprises', await call(t.app, 'GET', '/api/v1/enterprises'));
  });
});

describe('npm run intake -- enterprises recount', () => {
  it('rebuilds the counters of a database file from its cases and says how much it found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intake-enterprises-'));
    try {
      const onFile = await createTestApp({ now: '2026-03-02T09:00:00+08:00', filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });
      const filed = await call(onFile.app, 'POST', '/api/v1/cases', report({ subject: subject(CODE) }));
      expect(filed.status).toBe(201);
      onFile.store.sqlite.exec('DELETE FROM enterprise_counts; DELETE FROM enterprise_names');
      await onFile.close();
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'enterprises', 'recount'], {
        cwd: join(import.meta.dirname, '../..'), encoding: 'utf8',
        env: { ...process.env, NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(new Uint8Array(32).fill(7)) },
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('Enterprise counters rebuilt from the cases: 1 enterprises, 1 complaints and reports, 0 products.');
      const reopened = await createTestApp({ filename: join(dir, 'intake.sqlite'), env: { INTAKE_DATA_DIR: dir } });
      const res = await call(reopened.app, 'GET', `/api/v1/enterprises/${CODE}`);
      expect(res.body).toMatchObject({ creditCode: CODE, reports: { received: 1 } });
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
