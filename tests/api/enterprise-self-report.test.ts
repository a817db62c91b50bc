/**
 * Enterprise accident self-reports (issue 18): the responsible enterprise files an injury with its
 * credit code, a contact person and the accident figures; the figures set the severity, and with it
 * the 24-hour triage clock and the provincial SAMR co-handler. The contact is sealed like any reporter.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { parseConfig } from '../../server/config.js';
import { newMasterKeyBytes } from '../../server/identity/keys.js';
import { toBase64 } from '../../server/lib/encoding.js';
import { createNodeRuntime, type NodeRuntime } from '../../server/node/bootstrap.js';
import { startSubmissionThread, type SubmissionThread } from '../../server/node/submit-thread.js';
import { findSealedRecord } from '../../server/identity/sealed.repository.js';
import { unseal } from '../../server/identity/seal.js';
import { creditCodeCheckChar } from '../../server/lib/identifiers.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, injury } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

const RECEIVED = '2026-11-26T10:00:00+08:00';
const CODE = '91440101MA5CJQ4N59';
const WRONG_CHECK = CODE.slice(0, 17) + (creditCodeCheckChar(CODE.slice(0, 17)) === '0' ? '1' : '0');

let t: TestApp;
let handler: Record<string, string>;
beforeEach(async () => {
  t = await createTestApp({ now: RECEIVED });
  // 天河区 SAMR: the lead department of an accident in 天河区.
  handler = bearer(await (await createStaff(t, { role: 'handler', department: 'samr-440106' })).login());
});
afterEach(async () => { await t.close(); });

const submit = (body: unknown) => call(t.app, 'POST', '/api/v1/cases', body);
const row = (n: string) => t.store.db.selectFrom('cases').selectAll().where('case_number', '=', n).executeTakeFirstOrThrow();
const paths = (res: { body: { error: { issues: { path: string }[] } } }) => res.body.error.issues.map((i) => i.path);
const figures = (over: Record<string, unknown> = {}) => ({ deaths: 0, seriouslyInjured: 0, injured: 0, directLossFen: 0, ...over });

/** An injury filed by the responsible enterprise: no subject (the enterprise is it), no severity (the figures set it). */
function selfReport(over: Record<string, unknown> = {}, accident: Record<string, unknown> = {}) {
  const { subject: _subject, severity: _severity, ...base } = injury({ category: 'product.special_equipment', region: '440106' });
  return {
    ...base,
    description: '本公司游乐设施座椅安全压杠失效，一名游客坠落。',
    reporter: {
      anonymous: false, enterprise: { name: '广州某某游乐设备有限公司', creditCode: CODE },
      name: '王五', phone: '13912345678', email: 'safety@example.com',
    },
    accident: figures(accident),
    ...over,
  };
}

describe('an enterprise self-report sets its severity from the figures', () => {
  it('files one death as fatal, due in 24 hours, with the provincial SAMR as co-handler', async () => {
    const res = await submit(selfReport({}, { deaths: 1, injured: 2, directLossFen: 35_000_00 }));
    expect(res.status).toBe(201);
    expect(res.body.severity).toBe('fatal');
    expect(res.body.urgent).toBe(true);
    expect(res.body.department.code).toBe('samr-440106');
    expect(res.body.cohandlers.map((c: { code: string }) => c.code)).toEqual(['samr-440000']);
    expect(res.body.due).toHaveLength(1);
    expect(res.body.due[0].clock).toBe('triage');
    expect(new Date(res.body.due[0].dueAt).getTime() - new Date(RECEIVED).getTime()).toBe(24 * 3600 * 1000);

    const r = await row(res.body.caseNumber);
    expect(r).toMatchObject({
      kind: 'injury', severity: 'fatal', urgent: 1, filed_by_enterprise: 1, anonymous: 0,
      accident_deaths: 1, accident_seriously_injured: 0, accident_injured: 2, accident_loss_fen: 35_000_00,
      // The enterprise is the subject when none is given.
      subject_name: '广州某某游乐设备有限公司', subject_credit_code: CODE, credit_code_check_failed: 0,
    });
    const clocks = await t.store.db.selectFrom('clocks').selectAll().where('case_id', '=', r.id).execute();
    expect(clocks.map((c) => [c.clock, c.status])).toEqual([['triage', 'running']]);
    const cohandlers = await t.store.db.selectFrom('case_cohandlers').selectAll().where('case_id', '=', r.id).execute();
    expect(cohandlers.map((c) => c.department)).toEqual(['samr-440000']);

    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${res.body.caseNumber}`, undefined, handler);
    expect(view.status).toBe(200);
    expect(view.body.filedBy).toBe('enterprise');
    expect(view.body.accident).toEqual({ deaths: 1, seriouslyInjured: 0, injured: 2, directLossFen: 35_000_00 });
    expect(view.body.severity).toBe('fatal');
    expect(view.body.cohandlers.map((c: { code: string }) => c.code)).toEqual(['samr-440000']);
  });

  it('files three seriously injured as serious, and a loss of 1,000,000 yuan as serious', async () => {
    const three = await submit(selfReport({}, { seriouslyInjured: 3 }));
    expect(three.status).toBe(201);
    expect(three.body).toMatchObject({ severity: 'serious', urgent: true });
    expect(three.body.cohandlers.map((c: { code: string }) => c.code)).toEqual(['samr-440000']);
    const loss = await submit(selfReport({}, { directLossFen: 100_000_000 }));
    expect(loss.body).toMatchObject({ severity: 'serious', urgent: true });
    const justBelow = await submit(selfReport({}, { directLossFen: 99_999_999, seriouslyInjured: 2 }));
    expect(justBelow.body.severity).toBe('minor');
  });

  it('files figures below the thresholds as minor, triaged within one working day, without a co-handler', async () => {
    const res = await submit(selfReport({}, { seriouslyInjured: 2, injured: 5, directLossFen: 50_000_00 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ severity: 'minor', urgent: false, cohandlers: [] });
    // 2026-11-26 is a Thursday: the next working day ends 2026-11-27 23:59:59.999 in Shanghai.
    expect(res.body.due).toEqual([{ clock: 'triage', dueAt: '2026-11-27T23:59:59.999+08:00', provisional: false }]);
    expect((await row(res.body.caseNumber)).urgent).toBe(0);
  });

  it('keeps a severity given above the figures, and raises one given below them', async () => {
    const above = await submit(selfReport({ severity: 'serious' }));
    expect(above.body.severity).toBe('serious');
    const below = await submit(selfReport({ severity: 'minor' }, { deaths: 2 }));
    expect(below.body.severity).toBe('fatal');
    expect(below.body.cohandlers.map((c: { code: string }) => c.code)).toEqual(['samr-440000']);
  });

  it('lets a citizen give the figures too: they set the severity the same way', async () => {
    const res = await submit(injury({ region: '440106', severity: 'minor', accident: { deaths: 1, seriouslyInjured: 0, injured: 0 } }));
    expect(res.status).toBe(201);
    expect(res.body.severity).toBe('fatal');
    const r = await row(res.body.caseNumber);
    expect(r).toMatchObject({ filed_by_enterprise: 0, accident_deaths: 1, accident_loss_fen: null, anonymous: 1 });
    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${res.body.caseNumber}`, undefined, handler);
    expect(view.body.filedBy).toBe('citizen');
    expect(view.body.accident).toEqual({ deaths: 1, seriouslyInjured: 0, injured: 0, directLossFen: null });
  });

  it('keeps a subject given beside the enterprise', async () => {
    const res = await submit(selfReport({ subject: { name: '广州某某乐园', address: '广州市天河区' } }, { deaths: 1 }));
    expect(res.status).toBe(201);
    expect(await row(res.body.caseNumber)).toMatchObject({ subject_name: '广州某某乐园', subject_credit_code: null, filed_by_enterprise: 1 });
  });
});

describe('the enterprise path is checked like the rest of the submission', () => {
  it('refuses an enterprise filing a complaint with a 400 naming reporter.enterprise', async () => {
    const res = await submit(complaint({
      reporter: { anonymous: false, enterprise: { name: '某某公司', creditCode: CODE }, name: '王五', phone: '13912345678', address: '广州' },
    }));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(paths(res)).toContain('reporter.enterprise');
    expect(await t.store.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
  });

  it('refuses accident figures on another kind', async () => {
    const res = await submit(complaint({ accident: figures({ deaths: 1 }) }));
    expect(res.status).toBe(400);
    expect(paths(res)).toContain('accident');
  });

  it.each(['91440101MA5CJQ4NI9', '123', ''])('refuses a malformed enterprise credit code %j with a 400', async (creditCode) => {
    const body = selfReport();
    const res = await submit({ ...body, reporter: { ...body.reporter, enterprise: { name: '某某公司', creditCode } } });
    expect(res.status).toBe(400);
    expect(paths(res)).toContain('reporter.enterprise.creditCode');
  });

  it('accepts a wrong check character and flags it on the case', async () => {
    const body = selfReport({}, { deaths: 1 });
    const res = await submit({ ...body, reporter: { ...body.reporter, enterprise: { name: '某某公司', creditCode: WRONG_CHECK.toLowerCase() } } });
    expect(res.status).toBe(201);
    expect(res.body.creditCodeCheckFailed).toBe(true);
    expect(await row(res.body.caseNumber)).toMatchObject({ subject_credit_code: WRONG_CHECK, credit_code_check_failed: 1 });
    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${res.body.caseNumber}`, undefined, handler);
    expect(view.body.flags.creditCodeCheckFailed).toBe(true);
  });

  it('names every wrong figure at once: negative, fractional, text', async () => {
    const res = await submit(selfReport({}, { deaths: -1, seriouslyInjured: 1.5, injured: '2', directLossFen: 12.5 }));
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['accident.deaths', 'accident.seriouslyInjured', 'accident.injured', 'accident.directLossFen']));
    const negativeLoss = await submit(selfReport({}, { directLossFen: -100 }));
    expect(paths(negativeLoss)).toEqual(['accident.directLossFen']);
  });

  it('names the missing figures, enterprise name and contact with the other problems', async () => {
    const body = selfReport({ accident: undefined, region: '12' });
    const res = await submit({ ...body, reporter: { anonymous: false, enterprise: { name: '', creditCode: CODE }, phone: '123' } });
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['region', 'accident', 'reporter.enterprise.name', 'reporter.name', 'reporter.phone']));
  });

  it('refuses an anonymous enterprise: it files under its name with a contact person', async () => {
    const res = await submit(selfReport({ reporter: { anonymous: true, enterprise: { name: '某某公司', creditCode: CODE } } }));
    expect(res.status).toBe(400);
    expect(paths(res)).toContain('reporter.enterprise');
  });

  it('still needs a subject, or a severity, from a citizen', async () => {
    const { subject: _s, severity: _v, ...bare } = injury();
    const res = await submit(bare);
    expect(res.status).toBe(400);
    expect(paths(res)).toEqual(expect.arrayContaining(['subject', 'severity']));
  });
});

describe('the enterprise contact is sealed like any reporter', () => {
  it('keeps the contact out of the case row and the handler\'s JSON; the sealed identity holds it', async () => {
    const res = await submit(selfReport({ description: '本公司游乐设施故障，王五在现场处置，电话13912345678。' }, { deaths: 1 }));
    expect(res.status).toBe(201);
    const r = await row(res.body.caseNumber);
    const view = await call(t.app, 'GET', `/api/v1/staff/cases/${res.body.caseNumber}`, undefined, handler);
    expect(view.status).toBe(200);
    for (const text of [JSON.stringify(r), view.text]) {
      expect(text).not.toContain('王五');
      expect(text).not.toContain('13912345678');
      expect(text).not.toContain('safety@example.com');
    }
    expect(view.body.reporterContact).toBeNull();
    expect(view.body.reporter).toBe(r.pseudonym);
    const box = await findSealedRecord(t.store.db, r.id, 'identity');
    const identity = await unseal<Record<string, unknown>>(t.deps.keys, box!, `${r.id}:identity`);
    expect(identity).toMatchObject({
      name: '王五', phone: '+8613912345678', email: 'safety@example.com',
      enterprise: { name: '广州某某游乐设备有限公司', creditCode: CODE },
    });
  });
});

describe('an enterprise self-report through the Node submission thread', () => {
  let dir: string;
  let runtime: NodeRuntime;
  let thread: SubmissionThread | null;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'enterprise-thread-'));
    const config = parseConfig({ NODE_ENV: 'test', INTAKE_DATA_DIR: dir, INTAKE_MASTER_KEY: toBase64(newMasterKeyBytes()) });
    runtime = await createNodeRuntime({ config, log: () => {} });
    thread = await startSubmissionThread({ filename: runtime.store.filename, config, store: runtime.store, deps: runtime.deps });
  }, 30_000);
  afterEach(async () => {
    await thread?.stop();
    await runtime.store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is filed fatal with its figures and co-handler, and a wrong figure is a 400', async () => {
    expect(thread).not.toBeNull();
    const threaded = createApp({ ...runtime.deps, submitter: thread!.submit });
    const filed = await call(threaded, 'POST', '/api/v1/cases', selfReport({}, { deaths: 1 }));
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ severity: 'fatal', urgent: true });
    expect(filed.body.cohandlers.map((c: { code: string }) => c.code)).toEqual(['samr-440000']);
    const stored = await runtime.store.db.selectFrom('cases').selectAll().where('case_number', '=', filed.body.caseNumber).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ accident_deaths: 1, filed_by_enterprise: 1, subject_credit_code: CODE, severity: 'fatal' });
    const bad = await call(threaded, 'POST', '/api/v1/cases', selfReport({}, { deaths: -1 }));
    expect(bad.status).toBe(400);
    expect(paths(bad)).toContain('accident.deaths');
  }, 30_000);
});
