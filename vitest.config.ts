import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default on a machine of N cores is N - 1 workers: one on CI's two cores, so the
    // suite ran file after file while most integration files wait on child processes, sockets
    // and PostgreSQL rather than the CPU. Two keep both cores busy (the suite passed in 21 min
    // one at a time, over CI's 20-minute budget).
    maxWorkers: 2,
    globalSetup: ['test/support/pg-global-setup.ts'],
    // The console as usual, plus a JSON report that scripts/check-skips.mjs reads after the run:
    // a skipped test must not pass unseen.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-reports/vitest.json' },
  },
});
