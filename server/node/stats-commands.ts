/** The CLI's statistics commands: `stats recount` rebuilds the counters from the cases (server/stats/). */
import { recountStats } from '../stats/counters.repository.js';
import type { FlagCommand } from './account-commands.js';

export const statsCommands: Record<string, FlagCommand> = {
  'stats recount': {
    help: 'stats recount               rebuild the statistics counters (stat_counts) from the cases, in one transaction',
    options: {},
    required: [],
    async run({ deps }) {
      const started = performance.now();
      const { rows } = await recountStats(deps.db, deps.batch);
      return `Statistics counters rebuilt from the cases: ${rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s.`;
    },
  },
};
