/** What a case's clocks and dispatches allow now, beyond the transition table. */
import { describe, expect, it } from 'vitest';
import { guardedActions, guardFailure, type GuardContext } from '../../server/cases/guards.js';
import { actor, assignmentRow, caseRow, clockRow } from '../helpers/case-facts.js';

const AT = '2026-11-02T10:00:00.000+08:00';
const g = (over: Partial<GuardContext> = {}): GuardContext => ({
  row: caseRow(), clocks: [clockRow()], assignments: [assignmentRow()], actor: actor(), ...over,
});

describe('guardFailure', () => {
  it('lets a department sign only a dispatch of its own that is neither signed nor returned', () => {
    expect(guardFailure('sign', g())).toBeNull();
    for (const a of [assignmentRow({ signed_at: AT }), assignmentRow({ returned_at: AT }), assignmentRow({ department: 'gz-yx-samr' })]) {
      expect(guardFailure('sign', g({ assignments: [a] }))).toBe('there is no unsigned dispatch for your department');
    }
  });

  it('pauses a running clock and resumes a paused one', () => {
    const paused = clockRow({ status: 'paused', paused_at: AT });
    expect(guardFailure('pause', g())).toBeNull();
    expect(guardFailure('pause', g({ clocks: [paused] }))).toBe('no clock is running');
    expect(guardFailure('resume', g({ clocks: [paused] }))).toBeNull();
    expect(guardFailure('resume', g())).toBe('no clock is paused');
    expect(guardFailure('pause', g({ clocks: [] }))).toBe('no clock is running');
  });

  it('extends the open-case decision once, while it runs', () => {
    const decision = clockRow({ clock: 'open_decision' });
    expect(guardFailure('extend', g({ clocks: [decision] }))).toBeNull();
    expect(guardFailure('extend', g({ clocks: [{ ...decision, status: 'paused' }] }))).toBeNull();
    expect(guardFailure('extend', g({ clocks: [{ ...decision, extended: 1 }] }))).toBe('the open-case decision was already extended once');
    expect(guardFailure('extend', g({ clocks: [{ ...decision, status: 'stopped' }, clockRow()] }))).toBe('the open-case decision clock is not running');
  });

  it('re-handles a case once at most', () => {
    expect(guardFailure('rehandle', g({ row: caseRow({ status: 'closed' }) }))).toBeNull();
    expect(guardFailure('rehandle', g({ row: caseRow({ status: 'closed', rehandle_count: 1 }) }))).toBe('a case is re-handled once at most');
  });

  it('leaves the other actions to the table', () => {
    expect(guardFailure('accept', g({ clocks: [], assignments: [] }))).toBeNull();
    expect(guardFailure('merge', g({ clocks: [], assignments: [] }))).toBeNull();
  });

  it('keeps the allowed actions that pass, in their order', () => {
    expect(guardedActions(['sign', 'accept', 'pause', 'resume', 'note'], g())).toEqual(['sign', 'accept', 'pause', 'note']);
    expect(guardedActions(['sign', 'pause', 'resume'], g({ clocks: [], assignments: [] }))).toEqual([]);
  });
});
