#!/usr/bin/env node
// The `civic` command. `npm ci` builds it into dist/bundle (scripts/build.mjs); that build runs
// when it is newer than every source file. Otherwise (a source edited since, or no build) the
// TypeScript sources run through tsx's loader, as in development. CIVIC_FROM_SOURCE=1 forces the
// sources; CIVIC_SHOW_ENTRY=1 says on standard error which one runs.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const here = new URL('.', import.meta.url).pathname;
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // Nothing to load for the version.
  process.stdout.write(`${JSON.parse(readFileSync(join(here, '../package.json'), 'utf8')).version}\n`);
  process.exit(0);
}

const bundle = join(here, '../dist/bundle/civic.js');
const entry = process.env.CIVIC_FROM_SOURCE !== '1' && builtIsFresh() ? bundle : null;
if (process.env.CIVIC_SHOW_ENTRY === '1')
  process.stderr.write(`civic: running ${entry ? 'the build in dist/bundle' : 'the sources through tsx'}\n`);
if (entry) await import(entry);
else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/main.ts');
}

/** The build exists and no source file is newer than what it was built from. */
function builtIsFresh() {
  if (!existsSync(bundle)) return false;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(join(here, '../dist/bundle/stamp.json'), 'utf8')).sources;
  } catch {
    return false;
  }
  const packages = join(here, '../..');
  const newer = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'fixtures' && newer(p)) return true;
      } else if (/\.tsx?$/.test(e.name) && !e.name.includes('.test.') && statSync(p).mtimeMs > stamp)
        return true;
    }
    return false;
  };
  return !['core', 'formats', 'store', 'app', 'cli', 'server'].some((p) => newer(join(packages, p, 'src')));
}
