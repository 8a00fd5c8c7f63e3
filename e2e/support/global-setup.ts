import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  closeContext,
  createOrganisation,
  createUser,
  grantMembership,
  isStoreEncrypted,
  openContext,
  organisations,
  seedDemo,
  systemActor,
} from '@civic/app';
import { buildServer } from '@civic/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the server listens, e.g. http://127.0.0.1:41234 */
    baseUrl: string;
    /** Demo organisation ids by name. */
    organisations: Record<string, string>;
    /** The server's database file and its key, for journeys that run a use case in their setup
     * (e.g. the notification schedule as of a day): they open it beside the server. */
    database: { file: string; key: string };
  }
}

const root = resolve(import.meta.dirname, '../..');

/**
 * Once per run: build the web app (vite build), seed a fresh SQLite file with the demo data, and
 * serve it on a free loopback port. Returns the teardown. The file is encrypted under a key of its
 * own, as `npm start` makes a fresh database; the developer's CIVIC_DB_KEY(_FILE) is never read.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // NODE_ENV=production as `npm start` builds it: under vitest NODE_ENV is "test", and Vite then
  // bundled React's development build (446 KB instead of 250 KB), which the tests drove and which
  // stayed in packages/web/dist for `npm start` and the web bench after `npm test`.
  const build = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: join(root, 'packages/web'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('vite build failed');
  mkdirSync(join(root, 'test-artifacts', 'screenshots'), { recursive: true });

  const dir = mkdtempSync(join(tmpdir(), 'civic-e2e-'));
  const key = randomBytes(32).toString('base64url');
  const ctx = await openContext(join(dir, 'e2e.db'), { env: { CIVIC_DB_KEY: key }, encrypt: true });
  if (!isStoreEncrypted(ctx)) throw new Error('the e2e database was not encrypted');
  await seedDemo(ctx);
  await seedWorkplaceOrganisation(ctx);
  // The journeys sign in many times to the same accounts from one address: higher limits than
  // production's 5 a minute per account and 20 per address.
  const app = await buildServer(ctx, {
    webRoot: join(root, 'packages/web/dist'),
    loginRateLimit: { max: 100, maxPerAddress: 500, windowMs: 60_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  project.provide('baseUrl', `http://127.0.0.1:${address.port}`);
  project.provide('database', { file: join(dir, 'e2e.db'), key });
  project.provide('organisations', Object.fromEntries((await organisations(ctx)).map((o) => [o.name, o.id])));
  return async () => {
    await app.close();
    await closeContext(ctx);
    rmSync(dir, { recursive: true, force: true });
  };
}

/**
 * A new organisation of its own for the workplace journey (issue 13), so that what it creates and
 * changes never touches the demo data other journeys read: an admin, an accountant and a monitor
 * (whose incidents are private to it), in Russian.
 */
async function seedWorkplaceOrganisation(ctx: Parameters<typeof seedDemo>[0]): Promise<void> {
  const actor = systemActor('e2e-setup');
  const org = await createOrganisation(ctx, { name: 'ОФ «Мерей»', bin: '100140000013' });
  if (!org.ok) throw new Error(org.error.message);
  for (const role of ['admin', 'accountant', 'monitor'] as const) {
    const email = `${role}@merey.test`;
    const user = await createUser(ctx, actor, {
      email,
      name: role,
      password: 'civic-demo-2021',
      locale: 'ru',
    });
    if (!user.ok) throw new Error(user.error.message);
    const m = await grantMembership(ctx, actor, { organisationId: org.value.id, email, role });
    if (!m.ok) throw new Error(m.error.message);
  }
}
