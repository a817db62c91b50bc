/** The action planner's work-order steps: sign, return, assign, co-handle, urge, merge, re-handle. */
import { describe, expect, it } from 'vitest';
import { ESCALATE_AFTER_TRANSFERS } from '../../server/cases/effects.js';
import { ACTION_EFFECTS } from '../../server/cases/effects/actions.js';
import { knownActions } from '../../server/cases/lifecycle.js';
import {
  actor, assignmentRow, caseRow, clockRow, facts, MONDAY_AT as AT, ofType, planAction as plan, refusal,
} from '../helpers/case-facts.js';

const intake = actor({ username: 'intake1', role: 'intake', department: 'intake-440000' });
const SIGN_DUE = '2026-11-03T23:59:59.999+08:00';

describe('planEffects: dispatches', () => {
  it('has a rule for every action of the lifecycle', () => {
    expect(Object.keys(ACTION_EFFECTS).sort()).toEqual([...knownActions].sort());
  });

  it('signs the open dispatches of the signer’s department only', () => {
    const f = facts({
      assignments: [
        assignmentRow({ id: 'mine' }), assignmentRow({ id: 'signed', signed_at: AT }),
        assignmentRow({ id: 'returned', returned_at: AT }), assignmentRow({ id: 'other', department: 'gz-yx-samr' }),
      ],
    });
    expect(ofType(plan('sign', f).effects, 'update_assignment')).toEqual([{ type: 'update_assignment', id: 'mine', set: { signed_at: AT } }]);
  });

  it('returns the case: the lead’s dispatch closes, the department is cleared, the state is kept', () => {
    const f = facts({ assignments: [assignmentRow({ id: 'lead' }), assignmentRow({ id: 'co', department: 'gz-yx-samr' })] });
    const p = plan('request_transfer', f, { reason: 'not ours' });
    expect(p.status).toBe('transfer_requested');
    expect(p.department).toBeNull();
    expect(ofType(p.effects, 'update_assignment')).toEqual([{ type: 'update_assignment', id: 'lead', set: { returned_at: AT, return_reason: 'not ours' } }]);
    expect(ofType(p.effects, 'case_update')[0]!.set).toEqual({
      status: 'transfer_requested', updated_at: AT, department: null, status_before_transfer: 'received', transfer_count: 1,
    });
    expect(ofType(p.effects, 'outbox')).toEqual([]);
  });

  it(`escalates to the intake centre on the ${ESCALATE_AFTER_TRANSFERS}rd return, once`, () => {
    const third = facts({ row: caseRow({ transfer_count: 2 }) });
    const p = plan('request_transfer', third, { reason: 'again' });
    expect(ofType(p.effects, 'outbox')).toEqual([expect.objectContaining({
      template: 'escalation', department: 'intake-440000', params: expect.objectContaining({ reason: 'transfers', transfers: 3 }),
    })]);
    // The action's event first, then the escalation's.
    expect(ofType(p.effects, 'event').map((e) => [e.event, e.actor, e.public])).toEqual([['request_transfer', 'handler1', false], ['escalated', 'system', false]]);
    expect(ofType(p.effects, 'case_update')[0]!.set).toMatchObject({ transfer_count: 3, escalated: 1 });
    const again = plan('request_transfer', facts({ row: caseRow({ transfer_count: 3, escalated: 1 }) }), { reason: 'again' });
    expect(ofType(again.effects, 'outbox')).toEqual([]);
    expect(ofType(again.effects, 'event')).toHaveLength(1);
  });

  it('refuses to assign to a department the directory does not have or has closed', () => {
    const returned = caseRow({ status: 'transfer_requested', department: null, status_before_transfer: 'accepted' });
    for (const department of [undefined, { code: 'old-samr', active: 0 }]) {
      const err = refusal(() => plan('assign', facts({ actor: intake, row: returned, department }), { department: 'old-samr' }));
      expect([err.code, err.message]).toEqual(['validation_failed', 'The request is not valid: no active department old-samr.']);
    }
  });

  it('assigns a returned case: back to its state before, dispatched with a one-working-day sign window', () => {
    const returned = caseRow({ status: 'transfer_requested', department: null, status_before_transfer: 'accepted' });
    const p = plan('assign', facts({ actor: intake, row: returned, department: { code: 'gz-yx-samr', active: 1 } }), { department: 'gz-yx-samr' });
    expect(p.status).toBe('accepted');
    expect(p.department).toBe('gz-yx-samr');
    expect(p.effects.slice(0, 2)).toEqual([
      { type: 'insert_assignment', caseId: 'case-1', department: 'gz-yx-samr', dispatchedAt: AT, signDueAt: SIGN_DUE },
      expect.objectContaining({ type: 'outbox', template: 'case_new_department', department: 'gz-yx-samr' }),
    ]);
    expect(ofType(p.effects, 'event')[0]!.data).toEqual({ from: 'transfer_requested', to: 'accepted', department: 'gz-yx-samr', previous: null, entered: 'accepted' });
  });

  it('adds a co-handler once, with its own dispatch', () => {
    const f = facts({ actor: intake, cohandlers: ['gz-yx-samr'] });
    for (const code of ['gz-th-samr', 'gz-yx-samr']) {
      const err = refusal(() => plan('add_cohandler', { ...f, department: { code, active: 1 } }, { department: code }));
      expect([err.code, err.message]).toEqual(['conflict', `${code} already handles this case.`]);
    }
    const p = plan('add_cohandler', { ...f, department: { code: 'gd-samr', active: 1 } }, { department: 'gd-samr' });
    expect(p.cohandlers).toEqual(['gz-yx-samr', 'gd-samr']);
    expect(p.effects.map((e) => e.type).slice(0, 3)).toEqual(['insert_cohandler', 'insert_assignment', 'outbox']);
    expect(p.effects[0]).toMatchObject({ department: 'gd-samr', reason: 'added by the intake centre' });
  });
});

describe('planEffects: urge, merge, re-handle', () => {
  it('urges the lead department by mail, and counts the urge', () => {
    const p = plan('urge', facts({ actor: intake }));
    expect(ofType(p.effects, 'outbox')).toEqual([expect.objectContaining({ template: 'urge', department: 'gz-th-samr', params: expect.objectContaining({ by: 'intake' }) })]);
    expect(ofType(p.effects, 'case_update')[0]!.set).toMatchObject({ urge_count: 1, last_urged_at: AT });
    expect(ofType(plan('urge', facts({ actor: intake, row: caseRow({ department: null }) })).effects, 'outbox')).toEqual([]);
  });

  it('refuses a merge target that is missing, unseen, the case itself or closed', () => {
    const target = { id: 'case-2', case_number: 'GD2026110200002', status: 'accepted' as const, department: 'gz-yx-samr' };
    for (const mergeTarget of [undefined, target, { ...target, id: 'case-1', department: 'gz-th-samr' }]) {
      const err = refusal(() => plan('merge', facts({ mergeTarget }), { into: 'GD2026110200002' }));
      expect([err.code, err.issues?.[0]?.path]).toEqual(['validation_failed', 'into']);
    }
    const closed = refusal(() => plan('merge', facts({ actor: intake, mergeTarget: { ...target, status: 'closed' } }), { into: 'x' }));
    expect([closed.code, closed.message]).toEqual(['conflict', 'Case GD2026110200002 is closed: merge into an open case.']);
  });

  it('merges into an open case: every clock stops and both timelines show it', () => {
    const target = { id: 'case-2', case_number: 'GD2026110200002', status: 'accepted' as const, department: 'gz-th-samr' };
    const p = plan('merge', facts({ mergeTarget: target, clocks: [clockRow({ id: 'a' }), clockRow({ id: 'b', clock: 'mediation' })] }), { into: target.case_number });
    expect(p.status).toBe('merged');
    expect(ofType(p.effects, 'update_clock').map((e) => e.id)).toEqual(['a', 'b']);
    expect(ofType(p.effects, 'event').map((e) => [e.caseId, e.event, e.data])).toEqual([
      ['case-1', 'merge', { from: 'received', to: 'merged', into: 'GD2026110200002', entered: 'merged' }],
      ['case-2', 'merged_from', { from: 'GD2026110200001' }],
    ]);
    expect(ofType(p.effects, 'case_update')[0]!.set).toMatchObject({ merged_into: 'case-2' });
  });

  it('re-handles a closed case with the first clock of its handling', () => {
    const closed = (kind: 'complaint' | 'report' | 'injury') => facts({ actor: intake, row: caseRow({ kind, status: 'closed', closed_at: AT }), clocks: [] });
    const clocks = (kind: 'complaint' | 'report' | 'injury') => ofType(plan('rehandle', closed(kind), { reason: 'r' }).effects, 'start_clock').map((e) => e.clock);
    expect([clocks('complaint'), clocks('report'), clocks('injury')]).toEqual([['mediation'], ['open_decision'], []]);
    const p = plan('rehandle', closed('report'), { reason: 'r' });
    expect(p.status).toBe('verifying');
    expect(ofType(p.effects, 'case_update')[0]!.set).toEqual({ status: 'verifying', updated_at: AT, rehandle_count: 1, closed_at: null });
  });
});
