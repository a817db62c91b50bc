import { describe, it, expect } from 'vitest';
import { publishedSchedules } from '../../db/seed/calendar.js';
import { publishedCalendar } from '../helpers/case-facts.js';
import {
  addWorkingDays,
  isWorkingDay,
  statutoryHolidays,
  workingDaysBetween,
  type CalendarData,
} from '../../server/clocks/calendar.js';


const cal = publishedCalendar();

function datesFrom(first: string, count: number): string[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

describe('published schedules', () => {
  it('covers 2020 through 2026 and nothing earlier', () => {
    const years = publishedSchedules().map((s) => s.year);
    expect(years[0]).toBe(2020);
    expect(years).toContain(2026);
    expect(years).not.toContain(2027);
  });

  it('names days by their zh label', () => {
    expect(cal.days.get('2026-10-01')).toEqual({ working: false, name: '国庆节' });
    expect(cal.days.get('2026-02-14')).toEqual({ working: true, name: '春节' });
  });
});

describe('isWorkingDay on the 2026 schedule (RULES.md check values)', () => {
  it('counts the 调休 Saturdays 2026-02-14, 2026-02-28 and 2026-10-10 as working days', () => {
    for (const date of ['2026-02-14', '2026-02-28', '2026-10-10']) {
      expect(isWorkingDay(cal, date), date).toEqual({ working: true, provisional: false });
    }
  });

  it('takes 2026-02-15 … 2026-02-23 and 2026-10-01 … 2026-10-07 off', () => {
    for (const date of [...datesFrom('2026-02-15', 9), ...datesFrom('2026-10-01', 7)]) {
      expect(isWorkingDay(cal, date), date).toEqual({ working: false, provisional: false });
    }
  });

  it('falls back to the weekday rule for unlisted days', () => {
    expect(isWorkingDay(cal, '2026-03-04').working).toBe(true); // Wednesday
    expect(isWorkingDay(cal, '2026-03-07').working).toBe(false); // Saturday
  });

  it('rejects a malformed or impossible date', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay(cal, '2026-2-3')).toThrow(RangeError);
  });
});

describe('addWorkingDays and workingDaysBetween', () => {
  it('does not count the start day and skips the Spring Festival', () => {
    expect(addWorkingDays(cal, '2026-02-13', 1)).toEqual({ date: '2026-02-14', provisional: false });
    expect(addWorkingDays(cal, '2026-02-13', 2)).toEqual({ date: '2026-02-24', provisional: false });
    expect(addWorkingDays(cal, '2026-02-13', 7)).toEqual({ date: '2026-03-02', provisional: false });
    expect(addWorkingDays(cal, '2026-02-13', 15)).toEqual({ date: '2026-03-12', provisional: false });
  });

  it('returns the start day itself for zero days', () => {
    expect(addWorkingDays(cal, '2026-05-06', 0)).toEqual({ date: '2026-05-06', provisional: false });
  });

  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween(cal, '2026-02-13', '2026-03-02')).toBe(7);
    expect(workingDaysBetween(cal, '2026-09-30', '2026-10-15')).toBe(7);
    expect(workingDaysBetween(cal, '2026-03-02', '2026-03-02')).toBe(0);
    expect(workingDaysBetween(cal, '2026-03-05', '2026-03-02')).toBe(0);
  });
});

describe('years without a published schedule', () => {
  it('computes the 2027 statutory holidays from the law', () => {
    const holidays = statutoryHolidays(2027);
    const expected = [
      '2027-01-01',
      ...datesFrom('2027-02-05', 4), // 除夕 … 正月初三
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      ...datesFrom('2027-10-01', 3),
    ];
    expect([...holidays.keys()].sort()).toEqual(expected);
    expect(holidays.get('2027-02-05')).toBe('春节');
  });

  it('agrees with the official schedules published under the 2024 amendment', () => {
    for (const year of [2025, 2026]) {
      for (const date of statutoryHolidays(year).keys()) {
        expect(cal.days.get(date)?.working, date).toBe(false);
      }
    }
  });

  it('agrees with known lunar dates in later years', () => {
    expect(statutoryHolidays(2028).has('2028-01-25')).toBe(true); // 除夕; 初一 2028-01-26
    expect(statutoryHolidays(2028).has('2028-05-28')).toBe(true); // 端午 in a year with a leap 5th month
    expect(statutoryHolidays(2028).has('2028-04-04')).toBe(true); // 清明
    expect(statutoryHolidays(2030).has('2030-02-02')).toBe(true); // 除夕; 初一 2030-02-03
    expect(statutoryHolidays(2031).get('2031-10-01')).toBe('中秋、国庆节');
    expect(statutoryHolidays(2035).has('2035-09-16')).toBe(true); // 中秋
  });

  it('skips 2027-01-01 and marks the answer provisional', () => {
    expect(isWorkingDay(cal, '2027-01-01')).toEqual({ working: false, provisional: true });
    expect(isWorkingDay(cal, '2027-01-04')).toEqual({ working: true, provisional: true });
    expect(addWorkingDays(cal, '2026-12-31', 1)).toEqual({ date: '2027-01-04', provisional: true });
    expect(addWorkingDays(cal, '2026-12-30', 1)).toEqual({ date: '2026-12-31', provisional: false });
  });

  it('has no computation outside 2001–2099', () => {
    expect(() => statutoryHolidays(2100)).toThrow(RangeError);
  });
});
