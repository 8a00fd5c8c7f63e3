import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

// Defined as true by scripts/build.mjs in the built `civic` and server (a worker is then a built
// file beside the bundle, one of the build's entry points).
declare const __CIVIC_BUNDLE__: boolean | undefined;

/**
 * The code a worker thread starts with (`new Worker(code, { eval: true })`): the built worker
 * beside the bundle; from the sources (tests, benches, `CIVIC_FROM_SOURCE`), the same built
 * worker when the build holds the current sources (as bin/civic.js decides; the tests' setup
 * builds it), else the TypeScript one through tsx, which the worker registers itself — seconds of
 * transpiling in a fresh thread. Both URLs are the caller's (`new URL('./x.worker.js',
 * import.meta.url)` and its `.ts` twin).
 */
export function workerBootstrap(built: URL, source: URL): string {
  if (typeof __CIVIC_BUNDLE__ !== 'undefined' && __CIVIC_BUNDLE__) return importOf(built.href);
  const fresh = freshBuild(basename(fileURLToPath(built)));
  if (fresh !== null) return importOf(fresh);
  return `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { m.register(); return ${importOf(source.href)} });`;
}

const importOf = (href: string): string => `import(${JSON.stringify(href)});`;

/**
 * The Node options a worker starts with: this process's, less tsx's loader (`--import tsx`, as
 * the benches and `npm run` scripts start node): a built worker needs none, a TypeScript one
 * registers it itself, and inherited it would run every module the worker loads through its hooks.
 * Heap sizes (`--max-old-space-size=8192`, as the benches start node) are left out too: a worker
 * refuses them (ERR_WORKER_INVALID_EXEC_ARGV; its heap is set by `resourceLimits`).
 */
export function workerExecArgv(argv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if ((a === '--import' || a === '--loader') && argv[i + 1] === 'tsx') i += 1;
    else if (HEAP_SIZE.test(a)) {
      if (!a.includes('=')) i += 1;
    } else if (a !== '--import=tsx' && a !== '--loader=tsx') out.push(a);
  }
  return out;
}

/**
 * A worker thread started with `workerExecArgv()`: should a V8 option the process was started with
 * still be refused (ERR_WORKER_INVALID_EXEC_ARGV: `--expose-gc`, `--stack-trace-limit`, …), the
 * worker starts with none rather than the import failing.
 */
export function startWorker(code: string, options: Omit<WorkerOptions, 'execArgv' | 'eval'>): Worker {
  try {
    return new Worker(code, { ...options, eval: true, execArgv: workerExecArgv() });
  } catch (e) {
    if ((e as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    return new Worker(code, { ...options, eval: true, execArgv: [] });
  }
}

const HEAP_SIZE = /^--max[-_](old|semi)[-_]space[-_]size(=|$)|^--max[-_]young[-_]generation[-_]size(=|$)/;

/** The packages the build is made from (scripts/build.mjs SOURCES). */
const SOURCES = ['core', 'formats', 'store', 'app', 'cli', 'server'];
const packagesDir = fileURLToPath(new URL('../../', import.meta.url));
let builtStamp: number | null | undefined;

/** The built file of a worker in the CLI's build, when the build holds the current sources. */
function freshBuild(file: string): string | null {
  const bundle = join(packagesDir, 'cli/dist/bundle');
  const path = join(bundle, file);
  if (!existsSync(path)) return null;
  builtStamp ??= freshStamp(bundle);
  return builtStamp === null ? null : pathToFileURL(path).href;
}

/** The build's stamp, or null when a source file is newer (checked once per process). */
function freshStamp(bundle: string): number | null {
  let stamp: number;
  try {
    stamp = Number(
      (JSON.parse(readFileSync(join(bundle, 'stamp.json'), 'utf8')) as { sources: unknown }).sources,
    );
  } catch {
    return null;
  }
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = join(dir, e.name);
      if (e.isDirectory()) return e.name !== 'node_modules' && e.name !== 'fixtures' && newer(p);
      return /\.tsx?$/.test(e.name) && !e.name.includes('.test.') && statSync(p).mtimeMs > stamp;
    });
  return SOURCES.some((p) => newer(join(packagesDir, p, 'src'))) ? null : stamp;
}

/** The file URL of tsx's ESM register API (its CommonJS twin cannot register from a worker). */
function tsxEsmApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = pkg.exports['./esm/api']?.import?.default ?? './dist/esm/api/index.mjs';
  return pathToFileURL(join(dirname(manifest), entry)).href;
}
