import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    // The crash tests kill and restart real servers: `npm run test:crash` (vitest.crash.config.ts).
    exclude: [...configDefaults.exclude, 'tests/crash/**'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
