import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSealedRecord } from '../../server/identity/sealed.repository.js';
import { unseal } from '../../server/identity/seal.js';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { complaint, report } from '../helpers/bodies.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const withPhone = (phone: unknown) =>
  complaint({ reporter: { anonymous: false, name: '陳大文', phone, address: '香港九龍彌敦道1號' } });

async function storedPhone(caseNumber: string): Promise<string> {
  const { id } = await t.store.db.selectFrom('cases').select('id').where('case_number', '=', caseNumber).executeTakeFirstOrThrow();
  const box = await findSealedRecord(t.store.db, id, 'identity');
  return (await unseal<{ phone: string }>(t.deps.keys, box!, `${id}:identity`)).phone;
}

describe('POST /api/v1/cases: the reporter phone', () => {
  it.each([
    ['13812345678', '+8613812345678'], ['+86 138 1234 5678', '+8613812345678'],
    ['020-12345678', '+862012345678'], ['0755-1234567', '+867551234567'], ['0755 1234 5678', '+8675512345678'],
    ['+852 9123 4567', '+85291234567'], ['+853 6612 3456', '+85366123456'], ['+886 912 345 678', '+886912345678'],
  ])('accepts %s and stores it as %s', async (typed, e164) => {
    const res = await call(t.app, 'POST', '/api/v1/cases', withPhone(typed));
    expect(res.status).toBe(201);
    expect(await storedPhone(res.body.caseNumber)).toBe(e164);
  });

  it('takes a Hong Kong number on a named report too', async () => {
    const res = await call(t.app, 'POST', '/api/v1/cases', report({ reporter: { anonymous: false, name: '陳大文', phone: '(852) 6123-4567' } }));
    expect(res.status).toBe(201);
    expect(await storedPhone(res.body.caseNumber)).toBe('+85261234567');
  });

  it.each([['12345'], ['9123 4567'], ['+852 8123 4567'], ['+1 212 555 0123'], ['020-1234567'], ['電話'], [''], [13812345678]])(
    'refuses %s with the API error shape', async (typed) => {
      const res = await call(t.app, 'POST', '/api/v1/cases', withPhone(typed));
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(typeof res.body.error.message).toBe('string');
      const issue = res.body.error.issues.find((i: { path: string }) => i.path === 'reporter.phone');
      expect(issue.message).toMatch(typeof typed === 'string' && typed !== '' ? /\+852 9123 4567/ : /phone/);
      expect(await t.store.db.selectFrom('cases').select('id').execute()).toHaveLength(0);
    });

  it('shows the handler the masked and then the opened number as dialled', async () => {
    const res = await call(t.app, 'POST', '/api/v1/cases', withPhone('+852 9123 4567'));
    const handler = bearer(await (await createStaff(t, { role: 'handler', department: res.body.department.code })).login());
    const page = await call(t.app, 'GET', `/api/v1/staff/cases/${res.body.caseNumber}`, undefined, handler);
    expect(page.body.reporterContact).toEqual({ name: '陳**', phone: '+852 ****4567' });
    const opened = await call(t.app, 'POST', `/api/v1/staff/cases/${res.body.caseNumber}/identity/open`, { reason: '聯絡投訴人安排調解' }, handler);
    expect(opened.body.identity.phone).toBe('+852 9123 4567');
  });
});
