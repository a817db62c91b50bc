/** The action planner's procedure steps and clocks, without a database. */
import { describe, expect, it } from 'vitest';
import { clockRow, caseRow, facts, MONDAY_AT as AT, ofType, planAction as plan, refusal } from '../helpers/case-facts.js';

describe('planEffects: a complaint', () => {
  it('stops the acceptance clock and starts mediation on accept, in the order they are written', () => {
    const p = plan('accept', facts());
    expect(p.status).toBe('accepted');
    expect(p.effects.map((e) => e.type)).toEqual(['update_clock', 'start_clock', 'event', 'case_update', 'refresh_next_due']);
    expect(p.effects[0]).toEqual({ type: 'update_clock', id: 'clock-1', set: { status: 'stopped', stopped_at: AT, paused_at: null } });
    // 45 working days run into 2027, whose schedule is not published yet.
    expect(p.effects[1]).toEqual({
      type: 'start_clock', caseId: 'case-1', clock: 'mediation', startedAt: AT, dueAt: '2027-01-05T23:59:59.999+08:00', provisional: true,
    });
    expect(p.effects[2]).toMatchObject({ event: 'accept', actor: 'handler1', public: true, data: { from: 'received', to: 'accepted' } });
    expect(p.effects[3]).toEqual({
      type: 'case_update', caseId: 'case-1', set: { status: 'accepted', updated_at: AT }, expect: { status: 'received', department: 'gz-th-samr' },
    });
  });

  it('does not stop a clock that is already stopped', () => {
    const p = plan('accept', facts({ clocks: [clockRow({ status: 'stopped', stopped_at: '2026-11-01T10:00:00.000+08:00' })] }));
    expect(ofType(p.effects, 'update_clock')).toEqual([]);
  });

  it('refuses not_accept without a statutory ground, and records the ground it has', () => {
    const err = refusal(() => plan('not_accept', facts(), { ground: 'no_reason', reason: 'r' }));
    expect(err.code).toBe('validation_failed');
    expect(err.message).toBe('The request is not valid: one of not_competent, handled_elsewhere, not_consumption, over_three_years, material_missing, false_material, other_legal_ground.');
    expect(err.issues).toEqual([{ path: 'ground', message: expect.stringContaining('one of not_competent') }]);
    const p = plan('not_accept', facts(), { ground: 'over_three_years', reason: 'too old' });
    expect(ofType(p.effects, 'event')[0]).toMatchObject({ note: 'too old', data: { from: 'received', to: 'not_accepted', ground: 'over_three_years' } });
  });

  it('closes with the reply as a message to the reporter, stops every clock and sets closed_at', () => {
    const f = facts({
      row: caseRow({ status: 'mediated' }),
      clocks: [clockRow({ id: 'a', status: 'running' }), clockRow({ id: 'b', clock: 'mediation', status: 'paused' }), clockRow({ id: 'c', status: 'stopped' })],
    });
    const p = plan('close', f, { reply: '  处理结果  ' });
    expect(ofType(p.effects, 'update_clock').map((e) => e.id)).toEqual(['a', 'b']);
    expect(ofType(p.effects, 'message')).toEqual([{ type: 'message', caseId: 'case-1', at: AT, author: 'handler1', body: '处理结果' }]);
    expect(ofType(p.effects, 'case_update')[0]!.set).toEqual({ status: 'closed', updated_at: AT, closed_at: AT });
    expect(ofType(p.effects, 'event')[0]).toMatchObject({ note: '  处理结果  ', public: true });
  });
});

describe('planEffects: a report', () => {
  const report = (anonymous: number) => facts({
    row: caseRow({ kind: 'report', status: 'verifying', anonymous }),
    clocks: [clockRow({ clock: 'open_decision', due_at: '2026-11-20T23:59:59.999+08:00' })],
  });

  it('starts the reporter-notice clock for a named reporter on open_case and not_open', () => {
    for (const action of ['open_case', 'not_open'] as const) {
      const started = ofType(plan(action, report(0), { reason: 'r' }).effects, 'start_clock');
      expect(started).toEqual([expect.objectContaining({ clock: 'reporter_notice', dueAt: '2026-11-09T23:59:59.999+08:00', provisional: false })]);
    }
  });

  it('starts no reporter-notice clock for an anonymous report, but still stops the decision clock', () => {
    const p = plan('open_case', report(1));
    expect(ofType(p.effects, 'start_clock')).toEqual([]);
    expect(ofType(p.effects, 'update_clock')).toHaveLength(1);
    expect(p.status).toBe('case_opened');
  });

  it('extends the open-case decision by 15 working days and sends its notices again', () => {
    const p = plan('extend', facts({ ...report(0), actor: { username: 's1', role: 'supervisor', department: 'gz-th-samr' } }), { reason: 'lab' });
    expect(p.status).toBe('verifying');
    expect(ofType(p.effects, 'update_clock')).toEqual([{
      type: 'update_clock', id: 'clock-1',
      set: {
        due_at: '2026-12-11T23:59:59.999+08:00', extended: 1, provisional: 0,
        due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null,
      },
    }]);
    // The event's `from` is the due date moved from.
    expect(ofType(p.effects, 'event')[0]!.data).toEqual({
      from: '2026-11-20T23:59:59.999+08:00', to: 'verifying', clock: 'open_decision', dueAt: '2026-12-11T23:59:59.999+08:00',
    });
  });

  it('refuses a fine that is not a whole number of fen, and records one that is', () => {
    const opened = facts({ row: caseRow({ kind: 'report', status: 'case_opened' }), clocks: [] });
    for (const fineFen of [-1, 1.5, undefined]) {
      const err = refusal(() => plan('decide_penalty', opened, { fineFen }));
      expect([err.code, err.issues?.[0]?.path]).toEqual(['validation_failed', 'fineFen']);
    }
    const p = plan('decide_penalty', opened, { fineFen: 500_000 });
    expect(ofType(p.effects, 'case_update')[0]!.set).toEqual({ status: 'penalty_decided', updated_at: AT, fine_fen: 500_000 });
    expect(ofType(p.effects, 'event')[0]!.data).toMatchObject({ fineFen: 500_000 });
  });
});

describe('planEffects: pause and resume', () => {
  const paused = (pausedAt: string, dueAt: string) => clockRow({ id: 'm', clock: 'mediation', status: 'paused', paused_at: pausedAt, due_at: dueAt });

  it('pauses the running clocks only', () => {
    const f = facts({ clocks: [clockRow({ id: 'a' }), clockRow({ id: 'b', status: 'stopped' }), paused(AT, AT)] });
    expect(plan('pause', f, { reason: 'lab test' }).effects.filter((e) => e.type === 'update_clock'))
      .toEqual([{ type: 'update_clock', id: 'a', set: { status: 'paused', paused_at: AT } }]);
  });

  it('moves the due date by the working days the clock stood still and sends its notices again', () => {
    const f = facts({ row: caseRow({ status: 'mediating' }), clocks: [paused('2026-11-02T10:00:00.000+08:00', '2026-11-20T23:59:59.999+08:00')] });
    const p = plan('resume', f, {}, new Date('2026-11-09T02:00:00.000Z'));
    expect(ofType(p.effects, 'update_clock')).toEqual([{
      type: 'update_clock', id: 'm',
      set: {
        status: 'running', paused_at: null, due_at: '2026-11-27T23:59:59.999+08:00', paused_working_days: 5, provisional: 0,
        due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null,
      },
    }]);
    expect(ofType(p.effects, 'event')[0]!.data).toEqual({ from: 'mediating', to: 'mediating', paused: { mediation: '5 working days' } });
  });

  it('counts only working days across the National Day holiday', () => {
    const f = facts({ clocks: [paused('2026-09-30T10:00:00.000+08:00', '2026-10-12T23:59:59.999+08:00')] });
    const [update] = ofType(plan('resume', f, {}, new Date('2026-10-09T02:00:00.000Z')).effects, 'update_clock');
    // 8 and 9 October; 10 October is a working Saturday, so two days from the 12th is the 14th.
    expect(update!.set).toMatchObject({ paused_working_days: 2, due_at: '2026-10-14T23:59:59.999+08:00' });
  });

  it('keeps the due date and the notices sent when resumed the same day', () => {
    const [update] = ofType(plan('resume', facts({ clocks: [paused(AT, '2026-11-20T23:59:59.999+08:00')] })).effects, 'update_clock');
    expect(update!.set).toEqual({ status: 'running', paused_at: null, due_at: '2026-11-20T23:59:59.999+08:00', paused_working_days: 0, provisional: 0 });
  });
});

describe('planEffects: what it does not do', () => {
  it('changes nothing it was given, and plans the same writes twice', () => {
    const f = facts();
    const before = structuredClone(f);
    expect(plan('accept', f)).toEqual(plan('accept', f));
    expect(f).toEqual(before);
  });

  it('writes only the state and the event for a plain step', () => {
    const f = facts({ row: caseRow({ status: 'accepted' }), clocks: [] });
    expect(plan('start_mediation', f).effects.map((e) => e.type)).toEqual(['event', 'case_update', 'refresh_next_due']);
    expect(plan('note', f, { note: 'called the shop' }).effects[0]).toMatchObject({ event: 'note', note: 'called the shop', public: false });
  });
});
