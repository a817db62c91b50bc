/** A report taken to a notified reward through the staff API, as tests/api/rewards.test.ts does it. */
import { expect } from 'vitest';
import { call, type TestApp } from './app.js';
import { report } from './bodies.js';
import { bearer, createStaff } from './staff.js';

export interface NotifiedReward { caseNumber: string; caseId: string; receipt: string }

/**
 * Files a report asking for a reward (in `lang`), decides a penalty of `fineFen`, assesses it eligible,
 * proposes `level` and has a second person approve: the reward is then `notified`.
 */
export async function notifiedReward(
  t: TestApp, { fineFen = 0, level = 3, reporter = { anonymous: true } as Record<string, unknown>, lang = 'zh' as 'zh' | 'zh-Hant' | 'en' } = {},
): Promise<NotifiedReward> {
  const [handler, officer, approver] = await Promise.all((['handler', 'reward_officer', 'reward_approver'] as const)
    .map(async (role) => bearer(await (await createStaff(t, { role })).login())));
  const filed = await call(t.app, 'POST', `/api/v1/cases${lang === 'zh' ? '' : `?lang=${lang}`}`, report({ reward: true, reporter }));
  expect(filed.status).toBe(201);
  const n = filed.body.caseNumber as string;
  for (const body of [{ action: 'start_verification' }, { action: 'open_case' }, { action: 'decide_penalty', fineFen }]) {
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/actions`, body, handler!)).status).toBe(200);
  }
  const steps: [Record<string, string>, Record<string, unknown>][] = [
    [officer!, { action: 'assess', eligible: true }], [officer!, { action: 'propose', level, note: 'n' }], [approver!, { action: 'approve' }],
  ];
  for (const [headers, body] of steps) {
    expect((await call(t.app, 'POST', `/api/v1/staff/cases/${n}/reward`, body, headers)).status).toBe(200);
  }
  const row = await t.deps.db.selectFrom('cases').select('id').where('case_number', '=', n).executeTakeFirstOrThrow();
  return { caseNumber: n, caseId: row.id, receipt: filed.body.receipt as string };
}
