/** GET /api/v1/stats: the public statistics of a period (aggregates only, suppressed; suppress.ts). */
import { Hono } from 'hono';
import { shanghaiDate } from '../clocks/clocks.js';
import type { Deps } from '../deps.js';
import { AppError } from '../errors.js';
import { readStatsPeriod } from './stats.schema.js';
import { loadStats } from './stats.service.js';

/** Counters move with every case: a few minutes in a shared cache is fresh enough for the public. */
export const STATS_CACHE = 'public, max-age=300';

/** This month in Beijing time, 'YYYY-MM'. */
export const currentMonth = (deps: Pick<Deps, 'clock'>) => shanghaiDate(deps.clock.now()).slice(0, 7);

export function statsRoutes(deps: Deps) {
  const app = new Hono();
  app.get('/stats', async (c) => {
    const read = readStatsPeriod(c.req.query(), currentMonth(deps));
    if (!read.ok) throw new AppError('validation_failed', 'The period is not valid.', read.issues);
    return c.json(await loadStats(deps, read.period), 200, { 'Cache-Control': STATS_CACHE });
  });
  return app;
}
