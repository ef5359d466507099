import { defineConfig } from 'vitest/config';

const E2E_TESTS = 'tests/e2e/**/*.test.ts';

/*
 * Three projects. Unit and integration files run in parallel with each other (group 0).
 * The end-to-end files drive Chromium and a real server, so they run afterwards (group 1)
 * one file at a time: on a 2-core machine a browser beside the other suites makes both slow
 * enough to flake.
 *
 * Vitest's default is one worker less than the CPU count, which is one worker on 2 cores.
 * Most server and integration files spend their time waiting on child processes, sockets
 * and timers rather than the CPU, so three workers halve the run. On the 2-core development
 * machine the whole suite went from about 350 s to 175 s.
 */
export default defineConfig({
  test: {
    environment: 'node',
    reporters: ['default', './tests/support/plainSummaryReporter.ts'],
    pool: 'forks',
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/unit/**', E2E_TESTS],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [E2E_TESTS],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
