/**
 * The published State Council holiday schedules, from the data bundled with chinese-days. Their
 * import into calendar_years / calendar_days is server/clocks/calendar-import.ts.
 */
// A static JSON import: bundled by Vite/esbuild for Workers, loaded natively by Node; no fs.
import bundled from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

/** 'YYYY-MM-DD' → 'English name,中文名,statutory days' as chinese-days stores it. */
interface BundledSchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** A listed day: a holiday (working false) or a 调休 working day (true). */
export interface ScheduleDay {
  date: string;
  working: boolean;
  name: string;
}

export const CALENDAR_SOURCE = 'chinese-days';
// Older years cannot matter to a case received today; keep the tables small.
const FIRST_YEAR = 2020;

/** The zh name in a chinese-days label, e.g. 'National Day,国庆节,3' → '国庆节'. */
function zhName(label: string): string {
  const parts = label.split(',');
  return parts.length >= 3 ? (parts[parts.length - 2] ?? label) : label;
}

/** The published schedules from 2020 on: holidays (working false) and 调休 working days (true). */
export function publishedSchedules(): { year: number; days: ScheduleDay[] }[] {
  const data = bundled as BundledSchedule;
  const byYear = new Map<number, ScheduleDay[]>();
  const collect = (entries: Record<string, string>, working: boolean) => {
    for (const [date, label] of Object.entries(entries)) {
      const year = Number(date.slice(0, 4));
      if (year < FIRST_YEAR) continue;
      const list = byYear.get(year) ?? [];
      list.push({ date, working, name: zhName(label) });
      byYear.set(year, list);
    }
  };
  collect(data.holidays, false);
  collect(data.workdays, true);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, days]) => ({ year, days: days.sort((a, b) => a.date.localeCompare(b.date)) }));
}
