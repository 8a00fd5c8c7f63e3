import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Defined as true by scripts/build.mjs in the built `civic` and server (a worker is then a built
// file beside the bundle, named in the build's entry points).
declare const __CIVIC_BUNDLE__: boolean | undefined;

/**
 * The code a worker thread starts with (`new Worker(code, { eval: true })`): the built worker
 * `<name>.js` beside the bundle, or the TypeScript `source` through tsx's loader, registered by
 * the worker itself, so a worker starts the same under the CLI, the server and tests.
 */
export function workerBootstrap(name: string, source: URL): string {
  if (typeof __CIVIC_BUNDLE__ !== 'undefined' && __CIVIC_BUNDLE__) {
    const built = new URL(`./${name}.js`, import.meta.url).href;
    return `import(${JSON.stringify(built)});`;
  }
  return `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`;
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
