/** `npm run test:crash`: real servers killed and restarted (tests/crash), kept out of `npm test`. */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/crash/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One server at a time: the load and the kill timings mean something only on a quiet machine.
    fileParallelism: false,
  },
});
