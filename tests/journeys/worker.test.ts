/**
 * The journeys against the Worker in `wrangler dev --local` (workerd, local D1 and R2), started as
 * `npm run dev:worker` starts it; plus what only the Worker has: its cron handler.
 */
import { expect, it } from 'vitest';
import { describeJourneys } from './journeys.js';
import { startWorker } from './runtimes.js';

describeJourneys('worker', startWorker, 240_000, (runtime) => {
  it('runs the cron handler: the sweeper, then the outbox sends the queued mail through the MAIL binding', async () => {
    const rt = runtime();
    // wrangler dev's route for scheduled handlers, with the cron of wrangler.toml.
    const res = await fetch(`${rt.url}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('* * * * *')}`);
    expect(res.status).toBe(200);
    await expect.poll(() => rt.output(), { timeout: 15_000 }).toMatch(/cron \* \* \* \* \*: sweep: .*; outbox: [1-9]\d* sent/);
    expect(rt.output()).toContain('send_email binding called');
  });
});
