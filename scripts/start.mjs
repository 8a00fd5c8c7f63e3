#!/usr/bin/env node
// `npm start`: builds the web app when it has not been built yet, then starts the server: the build
// `npm ci` made (packages/server/dist/bundle) when it is newer than every source, else the
// TypeScript sources through tsx's loader. PORT and DATABASE_URL configure it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { newestSource } from './build.mjs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}packages/web/dist/index.html`)) {
  // The first start builds the web app (a minute on a small machine): say so before, let the
  // bundler show its progress (modules transformed, chunks written), and say how long it took.
  const started = Date.now();
  console.log('Building the web app (first start only; this can take a minute)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'info'], {
    cwd: `${root}packages/web`,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`Building the web app failed after ${seconds} s (exit ${r.status ?? r.signal ?? '?'}).`);
    process.exit(r.status ?? 1);
  }
  console.log(`Web app built in ${seconds} s. Starting the server…`);
}
const built = `${root}packages/server/dist/bundle/server.js`;
const args = builtIsFresh() ? [built] : ['--import', 'tsx', `${root}packages/server/src/main.ts`];
// V8's young generation raised from 16 to 64 MiB a semi-space (scripts/server-node-flags.json): a
// request that builds a large document (a half-year filing's tens of thousands of lines) keeps
// what it allocates, and with the default each of its objects is copied by many more scavenges.
// Its processes inherit the flag; the worker threads have their own limits.
const flags = JSON.parse(readFileSync(`${root}scripts/server-node-flags.json`, 'utf8'));
const r = spawnSync(process.execPath, [...flags, ...args], { stdio: 'inherit', cwd: root });
process.exit(r.status ?? 0);

function builtIsFresh() {
  try {
    const stamp = JSON.parse(readFileSync(`${root}packages/server/dist/bundle/stamp.json`, 'utf8'));
    return existsSync(built) && newestSource() <= stamp.sources;
  } catch {
    return false;
  }
}
