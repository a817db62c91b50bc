/** Reads and writes the working-day calendar (calendar_years, calendar_days). */
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Batch } from '../deps.js';
import type { CalendarData } from './calendar.js';

export interface CalendarDayInput {
  date: string;
  working: boolean;
  name: string;
}

// D1 binds at most 100 parameters per statement (SQLite itself allows 999+); 3 per row.
const ROWS_PER_INSERT = 30;

/** Loads the published years and their listed days. */
export async function loadCalendar(db: Kysely<Database>): Promise<CalendarData> {
  const years = await db.selectFrom('calendar_years').select('year').execute();
  const rows = await db.selectFrom('calendar_days').select(['date', 'working', 'name']).execute();
  const publishedYears = new Set(years.map((y) => y.year));
  const days = new Map<string, { working: boolean; name: string }>();
  for (const row of rows) {
    // A day of an unpublished year must not half-override the computed statutory holidays.
    if (publishedYears.has(Number(row.date.slice(0, 4)))) {
      days.set(row.date, { working: row.working === 1, name: row.name });
    }
  }
  return { publishedYears, days };
}

/**
 * Replaces one year's schedule: its days and its calendar_years row, as one atomic batch
 * (D1 has no interactive transactions).
 */
export async function replaceCalendarYear(
  db: Kysely<Database>,
  year: number,
  days: CalendarDayInput[],
  source: string,
  loadedAt: string,
  batch: Batch,
): Promise<void> {
  const prefix = `${String(year).padStart(4, '0')}-`;
  const stray = days.find((d) => !d.date.startsWith(prefix));
  if (stray) throw new RangeError(`${stray.date} is not in ${year}`);

  const queries: CompiledQuery[] = [
    db
      .deleteFrom('calendar_days')
      .where('date', '>=', `${prefix}01-01`)
      .where('date', '<=', `${prefix}12-31`)
      .compile(),
  ];
  for (let i = 0; i < days.length; i += ROWS_PER_INSERT) {
    const rows = days
      .slice(i, i + ROWS_PER_INSERT)
      .map((d) => ({ date: d.date, working: d.working ? 1 : 0, name: d.name }));
    queries.push(db.insertInto('calendar_days').values(rows).compile());
  }
  queries.push(
    db
      .insertInto('calendar_years')
      .values({ year, source, loaded_at: loadedAt })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source, loaded_at: loadedAt }))
      .compile(),
  );

  await batch(queries);
}

/** Loads the calendar once and reuses it until invalidated (after a schedule is imported). */
export function createCalendarCache(db: Kysely<Database>): { get(): Promise<CalendarData>; invalidate(): void } {
  let pending: Promise<CalendarData> | null = null;
  return {
    get() {
      if (!pending) {
        const load = loadCalendar(db);
        pending = load;
        // A failed load must not be cached for ever: the next call tries again.
        load.catch(() => {
          if (pending === load) pending = null;
        });
      }
      return pending;
    },
    invalidate() {
      pending = null;
    },
  };
}
