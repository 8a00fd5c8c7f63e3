#!/usr/bin/env node
// Builds the `civic` command into packages/cli/dist/bundle/ and the server into
// packages/server/dist/bundle/ (run by `npm ci` through `prepare`, and
// by the test command): the workspace's TypeScript compiled and bundled once with esbuild, so a
// command no longer pays for transpiling the sources on every run. npm packages stay in
// node_modules; the heavy ones (PDF, XLSX, DOCX, mail, backup encryption, PostgreSQL, XML) load only
// when a command first uses them. The bundle's folder is as deep as the sources' (packages/x/src/y)
// so paths computed from import.meta.url (rules, fonts) resolve the same. bin/civic.js runs the
// bundle when it is newer than every source file, else the sources through tsx.
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(`${root}package.json`);
const outdir = join(root, 'packages/cli/dist/bundle');

/** Packages whose loading costs tens of milliseconds: replaced by proxies that load on first use. */
export const LAZY = [
  'pdfkit',
  'exceljs',
  'docx',
  'nodemailer',
  'age-encryption',
  '@node-rs/argon2',
  'pg',
  'fast-xml-parser',
  'yaml',
  // CAMT statements are read as a stream of XML events (formats/src/bank/xml-stream.ts).
  'saxes',
  // RFC 3161 timestamps (formats/src/bundle/timestamp): read through each module's default export.
  '@peculiar/asn1-cms',
  '@peculiar/asn1-schema',
  '@peculiar/asn1-tsp',
  '@peculiar/asn1-x509',
];

/** The packages whose sources the builds hold. */
export const SOURCES = ['core', 'formats', 'store', 'app', 'cli', 'server'];

/** The newest modification time of the sources the bundle is built from (tests excluded). */
export function newestSource() {
  let max = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && e.name !== 'fixtures') walk(p);
      } else if (/\.tsx?$/.test(e.name) && !e.name.includes('.test.'))
        max = Math.max(max, statSync(p).mtimeMs);
    }
  };
  for (const p of SOURCES) walk(join(root, 'packages', p, 'src'));
  // The build script itself: a change to how the build is made is a change to the build.
  return Math.max(max, statSync(new URL(import.meta.url)).mtimeMs);
}

function lazyModule(name) {
  const names = Object.keys(require(name)).filter((k) => /^[A-Za-z_$][\w$]*$/.test(k) && k !== 'default');
  return [
    `import { createRequire } from 'node:module';`,
    `const require = createRequire(import.meta.url);`,
    `let loaded;`,
    `const load = () => (loaded ??= require(${JSON.stringify(name)}));`,
    `const lazy = (pick) => new Proxy(function () {}, {`,
    `  get: (_, k) => Reflect.get(pick(), k),`,
    `  set: (_, k, v) => Reflect.set(pick(), k, v),`,
    `  has: (_, k) => Reflect.has(pick(), k),`,
    `  apply: (_, self, args) => Reflect.apply(pick(), self, args),`,
    `  construct: (_, args) => Reflect.construct(pick(), args),`,
    `});`,
    `export default lazy(() => load());`,
    ...names.map((n) => `export const ${n} = lazy(() => load()[${JSON.stringify(n)}]);`),
  ].join('\n');
}

const npmStaysExternal = {
  name: 'npm-stays-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (a) => {
      if (a.path.startsWith('@civic/')) return undefined;
      if (LAZY.includes(a.path) && a.namespace !== 'lazy') return { path: a.path, namespace: 'lazy' };
      return { path: a.path, external: true };
    });
    b.onLoad({ filter: /.*/, namespace: 'lazy' }, (a) => ({ contents: lazyModule(a.path), loader: 'js' }));
  },
};

/** Built into a fresh folder, then swapped in: a running command never sees half a build. */
async function bundle(build, target, entryPoints, stamp) {
  const outdir = `${target}.${String(process.pid)}.partial`;
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    splitting: true,
    plugins: [npmStaysExternal],
    define: { __CIVIC_BUNDLE__: 'true' },
    logLevel: 'warning',
  });
  writeFileSync(
    join(outdir, 'stamp.json'),
    `${JSON.stringify({ sources: stamp, builtAt: new Date().toISOString() })}\n`,
  );
  const old = `${target}.${String(process.pid)}.old`;
  if (existsSync(target)) renameSync(target, old);
  renameSync(outdir, target);
  rmSync(old, { recursive: true, force: true });
}

/** Whether both builds exist and hold the current sources. */
export function builtIsFresh() {
  const newest = newestSource();
  return [outdir, join(root, 'packages/server/dist/bundle')].every((dir) => {
    try {
      return JSON.parse(readFileSync(join(dir, 'stamp.json'), 'utf8')).sources >= newest;
    } catch {
      return false;
    }
  });
}

/** Builds both; returns the milliseconds taken. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const t0 = Date.now();
  const stamp = newestSource();
  // Worker threads' entries, built beside each bundle (app/src/worker-bootstrap.ts starts them).
  const worker = {
    'replicate.worker': 'packages/app/src/waves/replicate.worker.ts',
    'import-read.worker': 'packages/app/src/ledger/import-read.worker.ts',
    'incident-rows.worker': 'packages/app/src/incidents/incident-rows.worker.ts',
  };
  await bundle(build, outdir, { civic: 'packages/cli/src/main.ts', ...worker }, stamp);
  await bundle(
    build,
    join(root, 'packages/server/dist/bundle'),
    { server: 'packages/server/src/main.ts', ...worker },
    stamp,
  );
  return Date.now() - t0;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const ms = await buildCli();
  process.stderr.write(
    `[build] civic and the server built into packages/{cli,server}/dist/bundle in ${ms} ms\n`,
  );
}
