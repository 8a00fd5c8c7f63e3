import { defineConfig } from 'vitest/config';

// One Vitest run over every package. Store tests open real SQLite files and a real
// PostgreSQL server (started by scripts/test.mjs), so files run in separate forks. Two at a time
// by default (CIVIC_TEST_WORKERS sets another number): Vitest's own default on a 2-core machine is
// one, and most files spend their time waiting on PostgreSQL, fsync or a child process.
const workers = Number(process.env['CIVIC_TEST_WORKERS'] ?? '2');

export default defineConfig({
  test: {
    maxWorkers: Number.isInteger(workers) && workers > 0 ? workers : 2,
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    pool: 'forks',
    globalSetup: ['scripts/vitest-global-setup.ts'],
    setupFiles: ['scripts/vitest-property-seed.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
