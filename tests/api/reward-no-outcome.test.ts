/**
 * A report that ends without a penalty or a referral (not opened, or closed without either) does not
 * keep its reward "requested" for good: the officer may assess it not eligible, never eligible.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { csrfOf, getPage, postForm, signIn } from '../helpers/pages.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

async function notOpened() {
  const n = (await call(t.app, 'POST', '/api/v1/cases', report({ reward: true }))).body.caseNumber as string;
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  for (const body of [{ action: 'start_verification' }, { action: 'not_open', reason: '经核查，线索不实，不予立案。' }]) {
    const res = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, handler);
    expect(res.status, res.text).toBe(200);
  }
  return n;
}

describe('a reward whose report ended without an outcome', () => {
  it('may be assessed not eligible, never eligible', async () => {
    const n = await notOpened();
    const officer = bearer(await (await createStaff(t, { role: 'reward_officer' })).login());
    const eligible = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, { action: 'assess', eligible: true }, officer);
    expect(eligible.status).toBe(409);
    expect(eligible.body.error.message).toMatch(/only be assessed not eligible/);
    const ineligible = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, { action: 'assess', eligible: false, reason: '未立案，没有处罚决定' }, officer);
    expect(ineligible.status).toBe(200);
    expect(ineligible.body).toMatchObject({ status: 'ineligible', reason: '未立案，没有处罚决定' });
  });

  it('is still not assessable while the report is being verified', async () => {
    const n = (await call(t.app, 'POST', '/api/v1/cases', report({ reward: true }))).body.caseNumber as string;
    const officer = bearer(await (await createStaff(t, { role: 'reward_officer' })).login());
    const early = await call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, { action: 'assess', eligible: false, reason: '太早了，还在核查' }, officer);
    expect(early.status).toBe(409);
  });

  it('offers the officer the assessment preset to not eligible on the case page', async () => {
    const n = await notOpened();
    const officer = await signIn(t, { role: 'reward_officer' });
    const page = await getPage(t, `/staff/cases/${n}`, officer);
    expect(page.html).toContain('data-reward="ended"');
    expect(page.html).toMatch(/<option value="no" selected/);
    expect(page.html).not.toContain('data-reward="waiting"');
    const posted = await postForm(t, `/staff/cases/${n}/reward`, {
      _csrf: csrfOf(page.html), action: 'assess', eligible: 'no', reason: '未作出处罚决定，也未移送司法机关，按奖励规则不予奖励。',
    }, officer);
    expect(posted.status).toBe(303);
  });
});
