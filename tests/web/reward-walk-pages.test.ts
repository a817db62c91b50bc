/** Reward panel details found walking the reward path: what the forms say when something is wrong or not yet possible. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../helpers/app.js';
import { report } from '../helpers/bodies.js';
import { csrfOf, getPage, postForm, signIn, type Session } from '../helpers/pages.js';
import { bearer, createStaff } from '../helpers/staff.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp({ now: '2026-11-02T10:00:00+08:00' }); });
afterEach(async () => { await t.close(); });

const page = (path: string, s?: Session) => getPage(t, path, s);

async function reportWithReward(over: Record<string, unknown> = {}): Promise<string> {
  return (await call(t.app, 'POST', '/api/v1/cases', report({ reward: true, ...over }))).body.caseNumber as string;
}

async function act(n: string, bodies: Record<string, unknown>[]) {
  const handler = bearer(await (await createStaff(t, { role: 'handler' })).login());
  for (const body of bodies) expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, handler)).status).toBe(200);
}

async function rewardForm(n: string, s: Session, fields: Record<string, string>) {
  const form = await page(`/staff/cases/${n}`, s);
  return postForm(t, `/staff/cases/${n}/reward`, { _csrf: csrfOf(form.html), ...fields }, s);
}

describe('reward panel as it is walked', () => {
  it('says assessment waits for the outcome instead of offering a form the service refuses', async () => {
    const n = await reportWithReward();
    const officer = await signIn(t, { role: 'reward_officer' });
    const early = await page(`/staff/cases/${n}`, officer);
    expect(early.html).toContain('data-reward="waiting"');
    expect(early.html).toContain('举报作出处罚决定或移送司法机关后，才能评定是否符合奖励条件。');
    expect(early.html).not.toContain('name="action" value="assess"');
    await act(n, [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 100_000 }]);
    const ready = await page(`/staff/cases/${n}`, officer);
    expect(ready.html).not.toContain('data-reward="waiting"');
    expect(ready.html).toContain('name="action" value="assess"');
    expect(ready.html).toContain('action="/staff/cases/' + n + '/reward#reward"');
  });

  it('names every wrong field of a proposal at once, and says when an uplift was cut to the cap', async () => {
    const n = await reportWithReward({ reporter: { anonymous: true, relation: 'insider' } });
    await act(n, [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 100_000 }]);
    const officer = await signIn(t, { role: 'reward_officer' });
    expect((await rewardForm(n, officer, { action: 'assess', eligible: 'yes' })).status).toBe(303);
    const bad = await rewardForm(n, officer, { action: 'propose', level: '1', note: ' ', upliftYuan: 'abc', step: 'preview' });
    expect(bad.status).toBe(400);
    expect(bad.html).toContain('id="reward-propose-note-error"');
    expect(bad.html).toContain('id="reward-propose-upliftYuan-error"');
    const capped = await rewardForm(n, officer, { action: 'propose', level: '1', note: 'n', upliftYuan: '2000000', step: 'preview' });
    expect(capped.status).toBe(200);
    expect(capped.html).toContain('所填加奖 2,000,000.00 元 已按奖励上限 1,000,000.00 元 减少。');
    expect(capped.html).toContain('合计 1,000,000.00 元');
  });

  it('marks the finance sign-off box when an approval at the threshold lacks it', async () => {
    const n = await reportWithReward();
    await act(n, [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 1_000_000_000 }]);
    const officer = await signIn(t, { role: 'reward_officer' });
    expect((await rewardForm(n, officer, { action: 'assess', eligible: 'yes' })).status).toBe(303);
    expect((await rewardForm(n, officer, { action: 'propose', level: '1', note: 'n', step: 'confirm', previewedFen: '50000000' })).status).toBe(303);
    const approver = await signIn(t, { role: 'reward_approver' });
    const refused = await rewardForm(n, approver, { action: 'approve' });
    expect(refused.status).toBe(400);
    expect(refused.html).toMatch(/<div class="field field-error">[^]*?id="reward-approve-financeSignOff-error"[^]*?name="financeSignOff"/);
  });

  it('names the merged-reports rule on the rules page, in both languages', async () => {
    const officer = await signIn(t, { role: 'reward_officer' });
    expect((await page('/staff/rewards/rules', officer)).html).toContain('只奖励其中最早受理的一件，不论哪件并入哪件。');
    expect((await page('/staff/rewards/rules?lang=en', officer)).html).toContain('Only the earliest received is rewarded, whichever was merged into which.');
  });

  it('proposes "not eligible" with the reason for an excluded relation', async () => {
    const n = await reportWithReward({ reporter: { anonymous: true, relation: 'infringed_party' } });
    await act(n, [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen: 0 }]);
    const officer = await signIn(t, { role: 'reward_officer' });
    const form = await page(`/staff/cases/${n}`, officer);
    expect(form.html).toContain('举报人声明为“受侵害方”，按奖励规则不予奖励。');
    expect(form.html).toContain('<option value="no" selected="">');
    expect(form.html).toContain('举报人声明为受侵害方，按奖励规则不予奖励。</textarea>');
  });
});
