/** Which notices a running clock is owed: due soon, overdue, escalated to the intake centre. */
import { describe, expect, it } from 'vitest';
import { toShanghaiIso } from '../../server/clocks/clocks.js';
import { escalationTime, intakeCentreCode, noticesFor, watchHorizon, type WatchedClock } from '../../server/notify/sweep-rules.js';
import { publishedCalendar } from '../helpers/case-facts.js';

const cal = publishedCalendar();
/** 10:00 in Shanghai on a day of November 2026 (the 2nd is a Monday). */
const nov = (day: number) => new Date(`2026-11-${String(day).padStart(2, '0')}T10:00:00.000+08:00`);
const clock = (over: Partial<WatchedClock> = {}): WatchedClock => ({
  due_at: '2026-11-04T23:59:59.999+08:00', due_soon_notified_at: null, overdue_notified_at: null, escalated_at: null, urgent: 0, ...over,
});
const SENT = '2026-11-01T10:00:00.000+08:00';

describe('noticesFor', () => {
  it('says nothing before the due-soon window, and "due soon" once within two working days', () => {
    expect(noticesFor(clock(), new Date('2026-10-30T10:00:00.000+08:00'), cal)).toEqual([]);
    expect(noticesFor(clock(), nov(2), cal)).toEqual(['due_soon']);
    expect(noticesFor(clock({ due_soon_notified_at: SENT }), nov(2), cal)).toEqual([]);
  });

  it('says "overdue" once time is up, and not a late "due soon"', () => {
    expect(noticesFor(clock(), nov(5), cal)).toEqual(['overdue']);
    expect(noticesFor(clock({ overdue_notified_at: SENT }), nov(5), cal)).toEqual([]);
  });

  it('escalates after the end of the next working day, or at once for an urgent case', () => {
    expect(noticesFor(clock(), nov(6), cal)).toEqual(['overdue', 'escalate']);
    expect(noticesFor(clock({ overdue_notified_at: SENT }), nov(6), cal)).toEqual(['escalate']);
    expect(noticesFor(clock({ urgent: 1 }), nov(5), cal)).toEqual(['overdue', 'escalate']);
    expect(noticesFor(clock({ overdue_notified_at: SENT, escalated_at: SENT }), nov(20), cal)).toEqual([]);
  });
});

describe('the windows', () => {
  it('escalates a Friday deadline at the end of Monday, and one before National Day after it', () => {
    expect(toShanghaiIso(escalationTime(new Date('2026-11-06T23:59:59.999+08:00'), cal))).toBe('2026-11-09T23:59:59.999+08:00');
    expect(toShanghaiIso(escalationTime(new Date('2026-09-30T23:59:59.999+08:00'), cal))).toBe('2026-10-08T23:59:59.999+08:00');
  });

  it('watches to the end of the second working day after today', () => {
    expect(toShanghaiIso(watchHorizon(nov(2), cal))).toBe('2026-11-04T23:59:59.999+08:00');
    expect(toShanghaiIso(watchHorizon(nov(6), cal))).toBe('2026-11-10T23:59:59.999+08:00');
  });

  it('escalates to the provincial intake centre', () => {
    expect(intakeCentreCode('440000')).toBe('intake-440000');
  });
});
