/**
 * The working-day calendar (工作日) behind every statutory clock. Pure: the published State
 * Council schedules arrive as data (see calendar.repository.ts); for a year without one the
 * statutory holidays are computed from the law and every answer that used them is provisional.
 */
// Default import: the package's Node entry is a UMD/CJS bundle without detectable named exports.
import chineseDays from 'chinese-days';

export interface CalendarData {
  /** Years whose official State Council schedule is loaded. */
  publishedYears: ReadonlySet<number>;
  /** 'YYYY-MM-DD' → holiday (working=false) or adjusted working weekend day 调休 (working=true); published years only. */
  days: ReadonlyMap<string, { working: boolean; name: string }>;
}

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Milliseconds of UTC midnight of a 'YYYY-MM-DD' date; rejects impossible dates like 2026-02-30. */
export function dateToUtcMs(date: string): number {
  const m = DATE_RE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (Number.isNaN(ms) || utcMsToDate(ms) !== date) throw new RangeError(`not a date: ${date}`);
  return ms;
}

export function utcMsToDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date `days` calendar days after `date` (negative goes back). */
export function addCalendarDays(date: string, days: number): string {
  return utcMsToDate(dateToUtcMs(date) + days * DAY_MS);
}

/** Whether a date is a working day, and whether that answer rests on an unpublished year. */
export function isWorkingDay(cal: CalendarData, date: string): { working: boolean; provisional: boolean } {
  const ms = dateToUtcMs(date);
  const weekday = new Date(ms).getUTCDay();
  const weekend = weekday === 0 || weekday === 6;
  const year = Number(date.slice(0, 4));
  if (cal.publishedYears.has(year)) {
    // The notice lists holidays and 调休 working weekends; every other day keeps its weekday rule.
    const listed = cal.days.get(date);
    return { working: listed ? listed.working : !weekend, provisional: false };
  }
  return { working: !weekend && !holidaysOf(year).has(date), provisional: true };
}

/**
 * The n-th working day after `fromDate`. The day itself is not counted: time limits run from
 * the day after receipt (the day of receipt is not counted, as in every MSA procedural rule).
 */
export function addWorkingDays(cal: CalendarData, fromDate: string, n: number): { date: string; provisional: boolean } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0: ${n}`);
  // Every submission asks the same few questions of the day (its clocks' due dates): remembered per calendar.
  let memo = workingDayMemo.get(cal);
  if (!memo) workingDayMemo.set(cal, (memo = new Map()));
  const key = `${fromDate}+${n}`;
  const known = memo.get(key);
  if (known) return { ...known };
  const answer = countWorkingDays(cal, fromDate, n);
  if (memo.size >= 10_000) memo.clear();
  memo.set(key, answer);
  return { ...answer };
}

const workingDayMemo = new WeakMap<CalendarData, Map<string, { date: string; provisional: boolean }>>();

function countWorkingDays(cal: CalendarData, fromDate: string, n: number): { date: string; provisional: boolean } {
  let date = addCalendarDays(fromDate, 0);
  let provisional = false;
  for (let counted = 0; counted < n; ) {
    date = addCalendarDays(date, 1);
    const day = isWorkingDay(cal, date);
    provisional ||= day.provisional;
    if (day.working) counted++;
  }
  return { date, provisional };
}

/** Working days in (fromDate, toDate]; 0 when toDate is not after fromDate. */
export function workingDaysBetween(cal: CalendarData, fromDate: string, toDate: string): number {
  const end = dateToUtcMs(toDate);
  let count = 0;
  for (let ms = dateToUtcMs(fromDate) + DAY_MS; ms <= end; ms += DAY_MS) {
    if (isWorkingDay(cal, utcMsToDate(ms)).working) count++;
  }
  return count;
}

/**
 * The statutory holidays of a year with no published schedule, per 全国年节及纪念日放假办法
 * (amended 2024, Art. 2): 元旦 1, 春节 4 (除夕–正月初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3.
 * Not included: the 补假 for a holiday on a weekend and the 调休 swaps, which only the yearly
 * notice fixes — so these estimates err towards an earlier due date, never a later one.
 */
export function statutoryHolidays(year: number): Map<string, string> {
  return new Map(holidaysOf(year));
}

const computed = new Map<number, ReadonlyMap<string, string>>();

function holidaysOf(year: number): ReadonlyMap<string, string> {
  let holidays = computed.get(year);
  if (!holidays) {
    holidays = computeHolidays(year);
    computed.set(year, holidays);
  }
  return holidays;
}

function computeHolidays(year: number): Map<string, string> {
  // chinese-days' lunar table ends in 2100, and the Qingming formula below holds for 2001–2099.
  if (!Number.isInteger(year) || year < 2001 || year > 2099) {
    throw new RangeError(`no statutory holiday computation for ${year}`);
  }
  const out = new Map<string, string>();
  const add = (date: string, name: string, days = 1) => {
    for (let i = 0; i < days; i++) {
      const d = addCalendarDays(date, i);
      const prev = out.get(d);
      out.set(d, prev ? `${prev}、${name}` : name);
    }
  };
  const pad = (n: number) => String(n).padStart(2, '0');
  add(`${year}-01-01`, '元旦');
  add(addCalendarDays(lunarToSolar(year, 1, 1), -1), '春节', 4); // 除夕 is the eve of 正月初一
  add(`${year}-04-${pad(qingmingDay(year))}`, '清明');
  add(`${year}-05-01`, '劳动节', 2);
  add(lunarToSolar(year, 5, 5), '端午');
  add(lunarToSolar(year, 8, 15), '中秋');
  add(`${year}-10-01`, '国庆节', 3);
  return out;
}

/**
 * Lunar (non-leap month) → solar date via chinese-days. The library reads its input and writes
 * its output with *local* Date getters, so a 'YYYY-MM-DD' string (parsed as UTC) comes back a
 * day early west of UTC; a local-midnight Date round-trips in every time zone.
 */
function lunarToSolar(lunarYear: number, month: number, day: number): string {
  return chineseDays.getSolarDateFromLunar(new Date(lunarYear, month - 1, day)).date;
}

/**
 * Day in April of 清明 (the solar term, 21st-century 寿星 formula — the same one chinese-days'
 * getSolarTermDate uses, which formats in local time and so is off by one west of UTC).
 */
function qingmingDay(year: number): number {
  const y = year % 100;
  return Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
}
