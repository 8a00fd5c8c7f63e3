import { defineConfig } from 'vitest/config';

// One Vitest run over every package. Store tests open real SQLite files and a real
// PostgreSQL server (started by scripts/test.mjs), so files run in separate forks.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
    pool: 'forks',
    globalSetup: ['scripts/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
