/** Referral for prosecution (移送司法机关) as the lifecycle table and the planner see it, without a database. */
import { describe, expect, it } from 'vitest';
import { allowedActions, findTransition, PUBLIC_EVENTS, type CaseScope } from '../../server/cases/lifecycle.js';
import { publicStatus } from '../../server/followup/public-status.js';
import { caseRow, clockRow, facts, MONDAY_AT as AT, ofType, planAction as plan } from '../helpers/case-facts.js';

const opened: CaseScope = { kind: 'report', status: 'case_opened', department: 'gz-th-samr', cohandlers: [] };

describe('refer_prosecution', () => {
  it('moves an opened report to referred, taken by the department; only from case_opened and only for a report', () => {
    const t = findTransition('refer_prosecution', opened);
    expect(t).toMatchObject({ to: 'referred', who: 'department', required: [] });
    for (const status of ['received', 'verifying', 'not_opened', 'penalty_decided', 'closed'] as const) {
      expect(findTransition('refer_prosecution', { ...opened, status }), status).toBeNull();
    }
    expect(findTransition('refer_prosecution', { ...opened, kind: 'complaint' })).toBeNull();
    expect(findTransition('refer_prosecution', { ...opened, kind: 'injury' })).toBeNull();
    expect(allowedActions({ role: 'handler', department: 'gz-th-samr' }, opened)).toContain('refer_prosecution');
    expect(allowedActions({ role: 'handler', department: 'other' }, opened)).not.toContain('refer_prosecution');
  });

  it('is closed by a supervisor of the department, as a penalty decided is', () => {
    const referred: CaseScope = { ...opened, status: 'referred' };
    expect(findTransition('close', referred)).toMatchObject({ to: 'closed', who: 'department_supervisor', required: ['reply'] });
    expect(allowedActions({ role: 'handler', department: 'gz-th-samr' }, referred)).not.toContain('close');
    expect(allowedActions({ role: 'supervisor', department: 'gz-th-samr' }, referred)).toContain('close');
  });

  it('shows the reporter a decision and a public event', () => {
    expect(publicStatus('referred')).toBe('decided');
    expect(PUBLIC_EVENTS.has('refer_prosecution')).toBe(true);
  });

  it('changes the state only: a running reporter-notice clock keeps running', () => {
    const f = facts({
      row: caseRow({ kind: 'report', status: 'case_opened' }),
      clocks: [clockRow({ clock: 'reporter_notice', status: 'running' })],
    });
    const p = plan('refer_prosecution', f, { reason: '涉嫌生产销售伪劣产品罪，移送公安机关' });
    expect(p.status).toBe('referred');
    expect(p.effects.map((e) => e.type)).toEqual(['event', 'case_update', 'refresh_next_due']);
    expect(ofType(p.effects, 'event')[0]).toMatchObject({
      event: 'refer_prosecution', public: true, note: '涉嫌生产销售伪劣产品罪，移送公安机关', data: { from: 'case_opened', to: 'referred' },
    });
    expect(ofType(p.effects, 'case_update')[0]!.set).toEqual({ status: 'referred', updated_at: AT });
  });
});
