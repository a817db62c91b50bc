/** The time side of the counters: windows that end with nobody acting are counted when the sweeper sees them end. */
import type { Deps } from '../deps.js';
import { MARK_LIMIT, markEndedWindowsQueries } from './counters.repository.js';

const changed = (r: unknown) => Number((r as { numAffectedRows?: bigint } | undefined)?.numAffectedRows ?? 0);

/**
 * Marks, once each, the clocks whose due time and the sign-for windows whose end passed by `at`; the
 * triggers of migration 0027 count them in the same statement. Marks at most MARK_LIMIT rows of each per
 * batch and goes on while there were more. Returns how many clocks and windows it marked.
 */
export async function markEndedWindows(deps: Pick<Deps, 'db' | 'batch'>, at: string): Promise<{ clocks: number; windows: number }> {
  const total = { clocks: 0, windows: 0 };
  for (;;) {
    const [clocks, windows] = await deps.batch(markEndedWindowsQueries(deps.db, at));
    total.clocks += changed(clocks);
    total.windows += changed(windows);
    if (changed(clocks) < MARK_LIMIT && changed(windows) < MARK_LIMIT) return total;
  }
}
