#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts in its own process (TypeScript through tsx) and
// passes through the JSON lines they print, one per figure:
//   {"bench":"<name>","metric":"<what>","value":<number>,"unit":"s|ms|ops/s|x",...}
// Progress and notes go to stderr. The build runs first (scripts/build.mjs, seconds): a worker
// thread then starts from the built file, as for the CLI's users, not from the sources through tsx
// (seconds of transpiling in each worker, and tsx's loader thread beside it in the RSS). `npm run bench -- NAME` runs the benches whose file name contains NAME
// (e.g. `npm run bench -- abuse`: bench/abuse.bench.ts, the server under oversized bodies and a
// parallel login burst while the health route is timed).
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { ensureDebianPackages } from './lib/system.mjs';

const root = new URL('..', import.meta.url).pathname;
const filter = process.argv[2];
const say = (m) => process.stderr.write(`[bench] ${m}\n`);
ensureDebianPackages(
  [
    { bin: 'ledger', pkg: 'ledger', why: 'ledger-cli, the reference the ledger balance is compared with' },
    { bin: 'hledger', pkg: 'hledger', why: 'hledger, the second reference for the ledger balance' },
  ],
  say,
);
const build = spawnSync(process.execPath, [`${root}scripts/build.mjs`], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (build.status !== 0)
  say(`the build failed (exit ${build.status}): workers run from the sources through tsx`);
const files = readdirSync(`${root}bench`)
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort();
// A bench measures the server's work in its own process (the cold paths) with the V8 flags the
// server starts with (scripts/start.mjs); the processes it starts get their own arguments.
const serverFlags = JSON.parse(readFileSync(`${root}scripts/server-node-flags.json`, 'utf8'));
let failed = 0;
for (const f of files) {
  say(`running ${f}`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--max-old-space-size=8192', ...serverFlags, `${root}bench/${f}`],
    { stdio: ['ignore', 'inherit', 'inherit'], cwd: root },
  );
  if (r.status !== 0) {
    failed++;
    say(`${f} failed with exit ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
