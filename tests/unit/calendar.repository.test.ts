import type { CompiledQuery } from 'kysely';
import { describe, it, expect } from 'vitest';
import { publishedSchedules } from '../../db/seed/calendar.js';
import { importPublishedCalendars } from '../../server/clocks/calendar-import.js';
import { isWorkingDay } from '../../server/clocks/calendar.js';
import { createCalendarCache, loadCalendar, replaceCalendarYear } from '../../server/clocks/calendar.repository.js';
import { openStore } from '../../server/node/sqlite.js';

const openMigratedDb = () => openStore(':memory:');

describe('calendar repository', () => {
  it('round-trips the published schedules and replaces a year', async () => {
    const { db, batch } = openMigratedDb();
    const years = await importPublishedCalendars(db, '2026-05-01T00:00:00.000Z', batch);
    const cal = await loadCalendar(db);

    expect([...cal.publishedYears].sort()).toEqual(years);
    const expectedDays = publishedSchedules().reduce((n, s) => n + s.days.length, 0);
    expect(cal.days.size).toBe(expectedDays);
    expect(cal.days.get('2026-10-10')).toEqual({ working: true, name: '国庆节' });
    expect(isWorkingDay(cal, '2026-02-20')).toEqual({ working: false, provisional: false });

    // Loading a 2027 schedule replaces the computed holidays; re-loading 2026 drops old rows.
    await replaceCalendarYear(db, 2027, [{ date: '2027-01-01', working: false, name: '元旦' }], 'test', 'now', batch);
    await replaceCalendarYear(db, 2026, [{ date: '2026-10-01', working: false, name: '国庆节' }], 'test', 'now', batch);
    const after = await loadCalendar(db);
    expect(isWorkingDay(after, '2027-01-01')).toEqual({ working: false, provisional: false });
    expect(after.days.has('2026-10-10')).toBe(false);
    expect(after.days.get('2026-10-01')?.name).toBe('国庆节');
    await db.destroy();
  });

  it('writes through the batch port when given one, and rejects a day of another year', async () => {
    const { sqlite, db } = openMigratedDb();
    const seen: CompiledQuery[][] = [];
    const batch = async (queries: CompiledQuery[]) => {
      seen.push(queries);
      return sqlite.transaction(() =>
        queries.map((q) => ({ rows: [], numAffectedRows: BigInt(sqlite.prepare(q.sql).run(...q.parameters).changes) })),
      )();
    };
    const days = Array.from({ length: 70 }, (_, i) => ({
      date: new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10),
      working: i % 2 === 0,
      name: 'x',
    }));
    await replaceCalendarYear(db, 2030, days, 'test', 'now', batch);
    expect(seen[0]?.length).toBe(5); // delete, 3 inserts of ≤ 30 rows (D1's 100-parameter cap), year
    expect((await loadCalendar(db)).days.size).toBe(70);
    await expect(
      replaceCalendarYear(db, 2030, [{ date: '2031-01-01', working: false, name: 'x' }], 'test', 'now', batch),
    ).rejects.toThrow(RangeError);
    await db.destroy();
  });

  it('caches the calendar until invalidated', async () => {
    const { db, batch } = openMigratedDb();
    const cache = createCalendarCache(db);
    const first = await cache.get();
    expect(first.publishedYears.size).toBe(0);
    await importPublishedCalendars(db, 'now', batch);
    expect(await cache.get()).toBe(first);
    cache.invalidate();
    expect((await cache.get()).publishedYears.has(2026)).toBe(true);
    await db.destroy();
  });
});
