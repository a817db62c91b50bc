/**
 * The daily department digest: from INTAKE_DIGEST_HOUR on each working day, one mail per
 * department with something to say — cases new since the previous working day's digest, and
 * clocks due within 2 working days or overdue. The row's id names the department and the day,
 * so however often the sweeper runs, a department gets one digest a day.
 */
import { addCalendarDays, isWorkingDay, type CalendarData } from '../clocks/calendar.js';
import { clockState, shanghaiDate, toShanghaiIso } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { intakeCentreCode, watchHorizon } from './sweep-rules.js';
import { digestInsertQuery, listCasesReceivedBetween, listDigestedDepartments, listWatchedClocks } from './sweeper.repository.js';

interface DigestLines {
  newCases: string[];
  dueSoonCases: string[];
  overdueCases: string[];
}

function digestTime(date: string, hour: number): Date {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);
}

function previousWorkingDay(cal: CalendarData, date: string): string {
  let day = addCalendarDays(date, -1);
  // The longest run of days off (春节 with weekends) is under 2 weeks.
  for (let i = 0; i < 30 && !isWorkingDay(cal, day).working; i++) day = addCalendarDays(day, -1);
  return day;
}

async function collectLines(deps: Deps, now: Date, cal: CalendarData, window: [string, string]): Promise<Map<string, DigestLines>> {
  const lines = new Map<string, DigestLines>();
  const of = (department: string | null) => {
    const code = department ?? intakeCentreCode(deps.config.INTAKE_PROVINCE);
    if (!lines.has(code)) lines.set(code, { newCases: [], dueSoonCases: [], overdueCases: [] });
    return lines.get(code)!;
  };
  const add = (list: string[], caseNumber: string) => { if (!list.includes(caseNumber)) list.push(caseNumber); };
  const [fresh, clocks] = await Promise.all([
    listCasesReceivedBetween(deps.db, window[0], window[1]),
    listWatchedClocks(deps.db, toShanghaiIso(watchHorizon(now, cal))),
  ]);
  for (const c of fresh) add(of(c.department).newCases, c.case_number);
  for (const c of clocks) {
    const state = clockState(new Date(c.due_at), now, cal);
    if (state.overdue) add(of(c.department).overdueCases, c.case_number);
    else if (state.dueSoon) add(of(c.department).dueSoonCases, c.case_number);
  }
  return lines;
}

/** Queues today's digests not yet queued; returns how many. */
export async function enqueueDigests(deps: Deps, now: Date, cal: CalendarData): Promise<number> {
  const today = shanghaiDate(now);
  const hour = deps.config.INTAKE_DIGEST_HOUR;
  if (!isWorkingDay(cal, today).working || now.getTime() < digestTime(today, hour).getTime()) return 0;
  const window: [string, string] = [
    toShanghaiIso(digestTime(previousWorkingDay(cal, today), hour)),
    toShanghaiIso(digestTime(today, hour)),
  ];
  // Once a day per process: the lines read every open clock, which at a million cases is slow.
  // (Another process may queue the same digests: their ids make that a no-op.)
  if (digestedDay.get(deps) === today) return 0;
  const lines = await collectLines(deps, now, cal, window);
  const done = await listDigestedDepartments(deps.db, [...lines.keys()], today);
  const at = toShanghaiIso(now);
  const queries = [...lines].filter(([code]) => !done.has(code))
    .map(([code, l]) => digestInsertQuery(deps.db, code, today, { day: today, ...l }, at));
  const results = queries.length === 0 ? [] : await deps.batch(queries);
  digestedDay.set(deps, today);
  return results.filter((r) => Number(r.numAffectedRows ?? 0) === 1).length;
}

const digestedDay = new WeakMap<Deps, string>();
