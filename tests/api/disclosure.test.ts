import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityDisclosed } from '../../server/identity/disclosure.repository.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff, type TestStaff } from '../helpers/staff.js';

type Headers = Record<string, string>;

let t: TestApp;
let handler: TestStaff;
let as: Record<'handler' | 'supervisor' | 'other' | 'intake' | 'custodian' | 'custodian2' | 'admin' | 'auditor', Headers>;

const REPORTER = { anonymous: false, name: '李四', phone: '13912345678', idNumber: '11010519491231002X' };

beforeEach(async () => {
  t = await createTestApp();
  handler = await createStaff(t, { role: 'handler' });
  const others = {
    supervisor: await createStaff(t, { role: 'supervisor' }),
    other: await createStaff(t, { role: 'handler', department: 'samr-440100' }),
    intake: await createStaff(t, { role: 'intake', department: 'intake-440000' }),
    custodian: await createStaff(t, { role: 'custodian' }),
    custodian2: await createStaff(t, { role: 'custodian' }),
    admin: await createStaff(t, { role: 'admin' }),
    auditor: await createStaff(t, { role: 'auditor' }),
  };
  as = { handler: bearer(await handler.login()) } as typeof as;
  for (const [name, member] of Object.entries(others)) as[name as keyof typeof as] = bearer(await member.login());
});
afterEach(async () => { await t.close(); });

const submit = async (body: unknown) => {
  const res = await call(t.app, 'POST', '/api/v1/cases', body);
  expect(res.status).toBe(201);
  return res.body.caseNumber as string;
};
const caseIdOf = async (n: string) => (await t.store.db.selectFrom('cases').select('id').where('case_number', '=', n).executeTakeFirstOrThrow()).id;
const auditActions = async (caseId: string) =>
  (await t.store.db.selectFrom('audit_log').select(['action', 'actor']).where('case_id', '=', caseId).orderBy('seq').execute());
const fileRequest = (n: string, headers: Headers) =>
  call(t.app, 'POST', `/api/v1/staff/cases/${n}/disclosure-requests`, { legalReason: '依《行政处罚法》第五十五条，需核实举报人身份以取得证人证言' }, headers);
const decide = (id: string, decision: 'approve' | 'deny', headers: Headers) =>
  call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${id}/${decision}`, { note: '理由充分，依法决定' }, headers);
const view = (id: string, headers: Headers) => call(t.app, 'POST', `/api/v1/staff/disclosure-requests/${id}/view`, undefined, headers);

describe('complaint contact', () => {
  it('shows the lead department a masked contact and audits every opening of the details', async () => {
    const n = await submit(complaint());
    const page = await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, as.handler);
    expect(page.body.reporterContact).toEqual({ name: '张*', phone: '138****8000' });
    expect(page.text).not.toContain('13800138000');
    expect(page.text).not.toContain('张三');

    const opened = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/identity/open`, { reason: '联系投诉人安排调解' }, as.handler);
    expect(opened.status).toBe(200);
    expect(opened.body.identity).toMatchObject({ name: '张三', phone: '13800138000', address: '广州市天河区天河路2号' });
    expect(opened.headers.get('cache-control')).toBe('no-store');
    await call(t.app, 'POST', `/api/v1/staff/cases/${n}/identity/open`, { reason: '再次联系投诉人' }, as.supervisor);

    const caseId = await caseIdOf(n);
    expect((await auditActions(caseId)).filter((e) => e.action === 'identity.open')).toEqual([
      { action: 'identity.open', actor: handler.username }, { action: 'identity.open', actor: expect.any(String) },
    ]);
    // Opening for mediation is what the complainant gave the details for: not a disclosure.
    expect(await identityDisclosed(t.store.db, caseId)).toBe(false);
  });

  it('answers 404 to another department and 403 to the intake centre, which sees no contact either', async () => {
    const n = await submit(complaint());
    const open = (h: Headers) => call(t.app, 'POST', `/api/v1/staff/cases/${n}/identity/open`, { reason: '联系投诉人安排调解' }, h);
    expect((await open(as.other)).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, as.other)).status).toBe(404);
    expect((await open(as.intake)).status).toBe(403);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, as.intake)).body.reporterContact).toBeNull();
  });

  it('requires a reason and sends a sealed report identity to the disclosure procedure (409)', async () => {
    const c = await submit(complaint());
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${c}/identity/open`, {}, as.handler)).status).toBe(400);
    const r = await submit(report({ reporter: REPORTER }));
    const res = await call(t.app, 'POST', `/api/v1/staff/cases/${r}/identity/open`, { reason: '联系举报人核实' }, as.handler);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/disclosure request/);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${r}`, undefined, as.handler)).body.reporterContact).toBeNull();
    expect((await fileRequest(c, as.handler)).status).toBe(409);
  });
});

describe('disclosure of a sealed identity', () => {
  it('shows an approved identity once to the requester, audits every step and flags the case as disclosed', async () => {
    const n = await submit(report({ reporter: REPORTER }));
    const caseId = await caseIdOf(n);
    const filed = await fileRequest(n, as.handler);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({ caseNumber: n, status: 'pending', requestedBy: handler.username });
    expect(filed.text).not.toContain('李四');
    expect((await fileRequest(n, as.handler)).status).toBe(409);

    const pending = await call(t.app, 'GET', '/api/v1/staff/disclosure-requests', undefined, as.custodian);
    expect(pending.body.items.map((i: { id: string }) => i.id)).toEqual([filed.body.id]);
    expect(pending.text).not.toContain('李四');
    expect((await view(filed.body.id, as.handler)).status).toBe(409);

    expect((await decide(filed.body.id, 'approve', as.custodian)).body.status).toBe('approved');
    expect((await decide(filed.body.id, 'deny', as.custodian2)).status).toBe(409);
    expect(await identityDisclosed(t.store.db, caseId)).toBe(false);
    expect((await view(filed.body.id, as.supervisor)).status).toBe(403);

    const first = await view(filed.body.id, as.handler);
    expect(first.status).toBe(200);
    expect(first.body.identity).toMatchObject({ name: '李四', phone: '13912345678', idNumber: '11010519491231002X' });
    const second = await view(filed.body.id, as.handler);
    expect(second.status).toBe(409);
    expect(second.text).not.toContain('李四');
    expect(await identityDisclosed(t.store.db, caseId)).toBe(true);

    const actions = (await auditActions(caseId)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('identity.'))).toEqual([
      'identity.disclosure.request', 'identity.disclosure.approve', 'identity.disclosure.view',
    ]);
  });

  it('shows nothing for a denied request, and the denial is audited', async () => {
    const n = await submit(report({ reporter: REPORTER }));
    const id = (await fileRequest(n, as.handler)).body.id as string;
    const denied = await decide(id, 'deny', as.custodian);
    expect(denied.body).toMatchObject({ status: 'denied', decisionNote: '理由充分，依法决定' });
    const res = await view(id, as.handler);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/denied/);
    expect(res.text).not.toContain('李四');
    expect(res.text).not.toContain('13912345678');
    const caseId = await caseIdOf(n);
    expect((await auditActions(caseId)).map((e) => e.action)).toContain('identity.disclosure.deny');
    expect(await identityDisclosed(t.store.db, caseId)).toBe(false);
  });

  it('refuses (403) a custodian who filed the request, even after a change of role', async () => {
    const n = await submit(report({ reporter: REPORTER }));
    const member = await createStaff(t, { role: 'custodian' });
    const token = bearer(await member.login());
    const setRole = (role: 'handler' | 'custodian', department: string | null) =>
      t.store.db.updateTable('users').set({ role, department }).where('id', '=', member.id).execute();
    await setRole('handler', 'samr-440106');
    const id = (await fileRequest(n, token)).body.id as string;
    await setRole('custodian', null);
    expect((await call(t.app, 'GET', '/api/v1/staff/disclosure-requests', undefined, token)).body.items).toEqual([]);
    const own = await decide(id, 'approve', token);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('forbidden');
    expect((await decide(id, 'approve', as.custodian)).status).toBe(200);
  });

  it('answers 409 with a clear message when the reporter is anonymous', async () => {
    const n = await submit(report());
    const res = await fileRequest(n, as.handler);
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/anonymous/);
  });

  it('answers 404 to another department and 403 to the intake centre', async () => {
    const n = await submit(report({ reporter: REPORTER }));
    expect((await fileRequest(n, as.other)).status).toBe(404);
    expect((await fileRequest(n, as.intake)).status).toBe(403);
  });
});

describe('no other way to a reporter', () => {
  it('gives admins and auditors no endpoint that shows an identity', async () => {
    const c = await submit(complaint());
    const r = await submit(report({ reporter: REPORTER }));
    const id = (await fileRequest(r, as.handler)).body.id as string;
    await decide(id, 'approve', as.custodian);
    for (const who of [as.admin, as.auditor]) {
      const attempts = [
        await call(t.app, 'GET', `/api/v1/staff/cases/${c}`, undefined, who),
        await call(t.app, 'POST', `/api/v1/staff/cases/${c}/identity/open`, { reason: '系统管理需要查看' }, who),
        await fileRequest(r, who),
        await call(t.app, 'GET', '/api/v1/staff/disclosure-requests', undefined, who),
        await decide(id, 'approve', who),
        await view(id, who),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(403);
        for (const secret of ['张三', '13800138000', '李四', '13912345678']) expect(res.text).not.toContain(secret);
      }
    }
  });

  it('prints a hand-over form with the pseudonym and no name, phone or address of the reporter', async () => {
    const n = await submit(complaint({ description: '我是张三，电话13800138000，购买的月饼发霉，商家拒绝退款。' }));
    const pseudonym = (await call(t.app, 'GET', `/api/v1/staff/cases/${n}`, undefined, as.handler)).body.reporter as string;
    const res = await t.app.request(`/staff/cases/${n}/handover`, { headers: as.handler });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain(pseudonym);
    expect(html).toContain(n);
    expect(html).toContain('/staff/handover.css');
    for (const secret of ['张三', '张*', '13800138000', '138****8000', '天河路2号']) expect(html).not.toContain(secret);
    expect(html).not.toMatch(/<script|style=/);
    expect((await t.app.request(`/staff/cases/${n}/handover`, { headers: as.other })).status).toBe(404);
    const css = await t.app.request('/staff/handover.css');
    expect(await css.text()).toContain('@media print');
  });
});
