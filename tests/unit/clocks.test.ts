import { describe, it, expect } from 'vitest';
import { publishedCalendar } from '../helpers/case-facts.js';
import type { CalendarData } from '../../server/clocks/calendar.js';
import {
  DEFAULT_CLOCK_RULES,
  clockState,
  computeDue,
  endOfShanghaiDay,
  extendDue,
  firstClockRule,
  shanghaiDate,
  toShanghaiIso,
} from '../../server/clocks/clocks.js';


const cal = publishedCalendar();
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

describe('Shanghai time', () => {
  it('takes the calendar date in UTC+08:00', () => {
    expect(shanghaiDate(at('2026-11-26T23:30:00Z'))).toBe('2026-11-27');
    expect(shanghaiDate(at('2026-11-26T15:59:59.999Z'))).toBe('2026-11-26');
  });

  it('formats instants and the end of a day with +08:00', () => {
    expect(toShanghaiIso(at('2026-10-16T15:59:59.999Z'))).toBe('2026-10-16T23:59:59.999+08:00');
    expect(endOfShanghaiDay('2026-10-15').toISOString()).toBe('2026-10-15T15:59:59.999Z');
  });
});

describe('computeDue', () => {
  it('runs a complaint received 2026-09-30 across National Day to the end of 2026-10-15', () => {
    // 10-01…10-07 off; 10-08, 10-09, 10-10 (调休 Sat), 10-12, 10-13, 10-14, 10-15.
    const due = computeDue(cal, at('2026-09-30T10:00:00+08:00'), DEFAULT_CLOCK_RULES.accept_decision);
    expect(toShanghaiIso(due.dueAt)).toBe('2026-10-15T23:59:59.999+08:00');
    expect(due.provisional).toBe(false);
  });

  it('runs clocks started 2026-02-13 across the Spring Festival', () => {
    const received = at('2026-02-13T16:00:00+08:00');
    const accept = computeDue(cal, received, DEFAULT_CLOCK_RULES.accept_decision);
    const open = computeDue(cal, received, DEFAULT_CLOCK_RULES.open_decision);
    expect(toShanghaiIso(accept.dueAt)).toBe('2026-03-02T23:59:59.999+08:00');
    expect(toShanghaiIso(open.dueAt)).toBe('2026-03-12T23:59:59.999+08:00');
  });

  it('marks a due date that reaches into 2027 provisional and skips 元旦', () => {
    const due = computeDue(cal, at('2026-12-30T09:00:00+08:00'), DEFAULT_CLOCK_RULES.accept_decision);
    // 12-31, then 2027-01-01 (元旦, computed) is skipped: 01-04 … 01-08, 01-11.
    expect(toShanghaiIso(due.dueAt)).toBe('2027-01-11T23:59:59.999+08:00');
    expect(due.provisional).toBe(true);
  });

  it('counts from the Shanghai date of receipt, not the UTC date', () => {
    // 23:30 UTC on 11-26 is 07:30 on Friday 11-27 in Shanghai; from 11-26 it would be 12-07.
    const due = computeDue(cal, at('2026-11-26T23:30:00Z'), DEFAULT_CLOCK_RULES.accept_decision);
    expect(toShanghaiIso(due.dueAt)).toBe('2026-12-08T23:59:59.999+08:00');
  });

  it('gives a serious injury exactly 24 hours and a minor one the next working day', () => {
    const received = at('2026-10-09T10:00:00+08:00');
    const serious = computeDue(cal, received, firstClockRule('injury', 'serious'));
    expect(serious).toEqual({ dueAt: new Date(received.getTime() + 24 * HOUR), provisional: false });
    expect(firstClockRule('injury', 'fatal')).toEqual({ clock: 'triage', hours: 24 });
    const minor = computeDue(cal, received, firstClockRule('injury', 'minor'));
    expect(toShanghaiIso(minor.dueAt)).toBe('2026-10-10T23:59:59.999+08:00'); // the 调休 Saturday
  });
});

describe('firstClockRule', () => {
  it('starts the statutory clock of each kind', () => {
    expect(firstClockRule('complaint', null)).toEqual({ clock: 'accept_decision', workingDays: 7 });
    expect(firstClockRule('report', null)).toEqual({ clock: 'open_decision', workingDays: 15 });
    expect(firstClockRule('injury', null)).toEqual({ clock: 'triage', workingDays: 1 });
  });

  it('uses configured rules', () => {
    const rules = { ...DEFAULT_CLOCK_RULES, accept_decision: { clock: 'accept_decision' as const, workingDays: 5 } };
    expect(firstClockRule('complaint', null, rules)).toEqual({ clock: 'accept_decision', workingDays: 5 });
  });
});

describe('clockState', () => {
  const dueAt = endOfShanghaiDay('2026-10-15');

  it('is neither overdue nor due soon with more than 2 working days left', () => {
    const state = clockState(dueAt, at('2026-10-12T09:00:00+08:00'), cal);
    expect(state).toEqual({ overdue: false, dueSoon: false, msLeft: dueAt.getTime() - Date.parse('2026-10-12T01:00:00Z') });
  });

  it('is due soon within 2 working days, holidays not counted', () => {
    expect(clockState(dueAt, at('2026-10-13T09:00:00+08:00'), cal).dueSoon).toBe(true);
    // Nine calendar days ahead, but only two working days (10-08, 10-09) after National Day.
    expect(clockState(endOfShanghaiDay('2026-10-09'), at('2026-09-30T09:00:00+08:00'), cal).dueSoon).toBe(true);
  });

  it('is still due (not overdue) at the last millisecond and overdue after it', () => {
    expect(clockState(dueAt, dueAt, cal)).toEqual({ overdue: false, dueSoon: true, msLeft: 0 });
    const late = clockState(dueAt, new Date(dueAt.getTime() + 1), cal);
    expect(late).toEqual({ overdue: true, dueSoon: false, msLeft: -1 });
  });
});

describe('extendDue', () => {
  it('adds working days after the old due date, ending with the last one', () => {
    const extended = extendDue(cal, endOfShanghaiDay('2026-09-30'), 15);
    // 10-08, 10-09, 10-10 (3), 10-12 … 10-16 (8), 10-19 … 10-23 (13), 10-26, 10-27 (15).
    expect(toShanghaiIso(extended.dueAt)).toBe('2026-10-27T23:59:59.999+08:00');
    expect(extended.provisional).toBe(false);
  });
});
