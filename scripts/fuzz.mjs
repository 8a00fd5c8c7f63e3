#!/usr/bin/env node
// `npm run fuzz`: the fuzz suite of every reader (packages/app/src/fuzz) with many more runs than
// `npm test` gives it, a fresh seed each time (printed, to replay a failure), and a read slower
// than CIVIC_FUZZ_MAX_MS (default 3000) counted as a hang. Prints each reader's slowest read as
// JSON lines. Usage: npm run fuzz [-- RUNS [SEED]]
import { spawnSync } from 'node:child_process';

const [runsArg, seedArg] = process.argv.slice(2);
const runs = runsArg ?? process.env.CIVIC_FUZZ_RUNS ?? '2000';
const seed = seedArg ?? process.env.CIVIC_FUZZ_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const maxMs = process.env.CIVIC_FUZZ_MAX_MS ?? '3000';
console.log(`[npm run fuzz] ${runs} runs per reader, seed ${seed} (replay: npm run fuzz -- ${runs} ${seed})`);
const r = spawnSync('npx', ['vitest', 'run', 'packages/app/src/fuzz/', '--testTimeout=3600000'], {
  stdio: 'inherit',
  cwd: new URL('..', import.meta.url).pathname,
  env: {
    ...process.env,
    CIVIC_FUZZ_RUNS: runs,
    CIVIC_FUZZ_SEED: seed,
    CIVIC_FUZZ_MAX_MS: maxMs,
    CIVIC_FUZZ_REPORT: '1',
  },
});
process.exit(r.status ?? 1);
