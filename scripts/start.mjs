#!/usr/bin/env node
// `npm start`: builds the web app when it has not been built yet, then starts the server
// (TypeScript run through tsx's loader). PORT and DATABASE_URL configure it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
if (!existsSync(`${root}packages/web/dist/index.html`)) {
  console.log('Building the web app (first start)…');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: `${root}packages/web`,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', `${root}packages/server/src/main.ts`], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 0);
