/** Loads the published holiday schedules (db/seed/calendar.ts) into calendar_years / calendar_days. */
import type { Kysely } from 'kysely';
import { CALENDAR_SOURCE, publishedSchedules } from '../../db/seed/calendar.js';
import type { Database } from '../../db/schema.js';
import type { Batch } from '../deps.js';
import { replaceCalendarYear } from './calendar.repository.js';

/** Writes every published schedule (one atomic unit per year); returns the years written. */
export async function importPublishedCalendars(db: Kysely<Database>, loadedAt: string, batch: Batch): Promise<number[]> {
  const schedules = publishedSchedules();
  for (const { year, days } of schedules) {
    await replaceCalendarYear(db, year, days, CALENDAR_SOURCE, loadedAt, batch);
  }
  return schedules.map((s) => s.year);
}
