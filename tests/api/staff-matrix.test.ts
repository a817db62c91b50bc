import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

// Each cell: the status a caller gets. 'tianhe' is the case's own department, 'other' a handler of 深圳 housing.
const callers = ['signedOut', 'intake', 'handler', 'supervisor', 'other', 'reward_officer', 'reward_approver', 'custodian', 'auditor', 'admin'] as const;
type Caller = (typeof callers)[number];

const matrix: { name: string; method: string; path: (n: string) => string; body?: unknown; expect: Record<Caller, number> }[] = [
  { name: 'who am I', method: 'GET', path: () => '/api/v1/staff/me',
    expect: { signedOut: 401, intake: 200, handler: 200, supervisor: 200, other: 200, reward_officer: 200, reward_approver: 200, custodian: 200, auditor: 200, admin: 200 } },
  { name: 'queue', method: 'GET', path: () => '/api/v1/staff/cases',
    expect: { signedOut: 401, intake: 200, handler: 200, supervisor: 200, other: 200, reward_officer: 403, reward_approver: 403, custodian: 403, auditor: 403, admin: 403 } },
  { name: 'case page', method: 'GET', path: (n) => `/api/v1/staff/cases/${n}`,
    expect: { signedOut: 401, intake: 200, handler: 200, supervisor: 200, other: 404, reward_officer: 403, reward_approver: 403, custodian: 403, auditor: 403, admin: 403 } },
  { name: 'case note', method: 'POST', path: (n) => `/api/v1/staff/cases/${n}/actions`, body: { action: 'note', note: '已电话联系商家' },
    expect: { signedOut: 401, intake: 200, handler: 200, supervisor: 200, other: 404, reward_officer: 403, reward_approver: 403, custodian: 403, auditor: 403, admin: 403 } },
  { name: 'accept', method: 'POST', path: (n) => `/api/v1/staff/cases/${n}/actions`, body: { action: 'urge' },
    expect: { signedOut: 401, intake: 200, handler: 403, supervisor: 200, other: 404, reward_officer: 403, reward_approver: 403, custodian: 403, auditor: 403, admin: 403 } },
  { name: 'overview', method: 'GET', path: () => '/api/v1/staff/overview',
    expect: { signedOut: 401, intake: 200, handler: 403, supervisor: 200, other: 403, reward_officer: 403, reward_approver: 403, custodian: 403, auditor: 403, admin: 403 } },
];

let t: TestApp;
let caseNumber: string;
let housingCase: string;
const headers = {} as Record<Caller, Record<string, string>>;

beforeAll(async () => {
  t = await createTestApp();
  caseNumber = (await call(t.app, 'POST', '/api/v1/cases', complaint())).body.caseNumber;
  housingCase = (await call(t.app, 'POST', '/api/v1/cases', complaint({ category: 'engineering.housing', region: '440305' }))).body.caseNumber;
  headers.signedOut = {};
  for (const caller of callers.filter((c) => c !== 'signedOut')) {
    const role = caller === 'other' ? 'handler' : caller;
    const department = caller === 'other' ? 'housing-440300' : caller === 'intake' ? 'intake-440000' : undefined;
    const member = await createStaff(t, { role, ...(department ? { department } : {}) });
    headers[caller] = bearer(await member.login());
  }
});
afterAll(async () => { await t.close(); });

describe('role × endpoint matrix', () => {
  for (const row of matrix) {
    for (const caller of callers) {
      it(`${row.name} as ${caller} answers ${row.expect[caller]}`, async () => {
        const res = await call(t.app, row.method, row.path(caseNumber), row.body, headers[caller]);
        expect(res.status).toBe(row.expect[caller]);
        if (res.status >= 400) expect(res.body.error.code).toMatch(/^[a-z_]+$/);
        if (res.status === 404) expect(res.text).not.toContain('某某食品');
      });
    }
  }

  it('gives a 天河区 handler 404 for a 深圳 housing case, and the housing handler 200', async () => {
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${housingCase}`, undefined, headers.handler)).status).toBe(404);
    expect((await call(t.app, 'GET', `/api/v1/staff/cases/${housingCase}`, undefined, headers.other)).status).toBe(200);
  });

  it('keeps other departments out of the queue', async () => {
    const queue = (await call(t.app, 'GET', '/api/v1/staff/cases', undefined, headers.handler)).body;
    expect(queue.items.map((i: { caseNumber: string }) => i.caseNumber)).toEqual([caseNumber]);
    const all = (await call(t.app, 'GET', '/api/v1/staff/cases', undefined, headers.intake)).body;
    expect(all.items).toHaveLength(2);
  });

  it('answers 404 for a malformed or unknown case number', async () => {
    expect((await call(t.app, 'GET', '/api/v1/staff/cases/GD2099010100001', undefined, headers.intake)).status).toBe(404);
    expect((await call(t.app, 'GET', '/api/v1/staff/cases/..%2Fetc', undefined, headers.intake)).status).toBe(404);
  });

  it('never lets staff answers be cached', async () => {
    const res = await call(t.app, 'GET', '/api/v1/staff/cases', undefined, headers.handler);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});
