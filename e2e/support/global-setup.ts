import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { closeContext, openContext, organisations, seedDemo } from '@civic/app';
import { buildServer } from '@civic/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** Demo organisation ids by name. */
    organisations: Record<string, string>;
  }
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Once per run: build the web app (vite build), seed a fresh SQLite file with the demo data, and
 * serve it on a free loopback port. Returns the teardown.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'packages/web'),
    stdio: 'inherit',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  mkdirSync(join(root, 'test-artifacts', 'screenshots'), { recursive: true });

  const dir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const ctx = await openContext(join(dir, 'e2e.db'));
  await seedDemo(ctx);
  // The journeys sign in many times from one address: a higher limit than production's 5/min.
  const app = await buildServer(ctx, {
    webRoot: join(root, 'packages/web/dist'),
    loginRateLimit: { max: 100, windowMs: 60_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  project.provide('organisations', Object.fromEntries((await organisations(ctx)).map((o) => [o.name, o.id])));
  return async () => {
    await app.close();
    await closeContext(ctx);
    rmSync(dir, { recursive: true, force: true });
  };
}
