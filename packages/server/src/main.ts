import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import {
  closeContext,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  findUserByEmailView,
  openContext,
  organisations,
  seedDemo,
} from '@civic/app';
import { buildServer } from './build-server.ts';
import { parseTrustProxy } from './http/trust-proxy.ts';

// `npm start`: migrate, seed the demo data on first start, serve the API and the web app.
// PORT (default 8080), HOST (default 0.0.0.0) and DATABASE_URL (a SQLite file, default
// ./data/civicledger.db, or postgres://…) configure it; TRUST_PROXY=1 behind one TLS reverse proxy
// (the number of proxies, or their addresses: http/trust-proxy.ts).
// WEB_CONCURRENCY (default: the number of cores) is how many server processes share the port:
// one Node process uses one core. Every per-process cache checks the database before it answers
// (see docs/security.md) and the login throttle counts in the database, so they agree.
const port = Number(process.env['PORT'] ?? 8080);
const host = process.env['HOST'] ?? '0.0.0.0';
const root = resolve(import.meta.dirname, '../../..');
const databaseUrl = process.env['DATABASE_URL'] ?? resolve(root, 'data/civicledger.db');
const processes = Math.max(
  1,
  Math.floor(Number(process.env['WEB_CONCURRENCY'] ?? availableParallelism())) || 1,
);
const webRoot = resolve(root, 'packages/web/dist');
const trustProxy = parseTrustProxy(process.env['TRUST_PROXY']);
const say = (line: string): boolean => process.stdout.write(`${line}\n`);

/** Serves on the port from this process until SIGINT/SIGTERM. */
async function serve(migrate: boolean): Promise<void> {
  const ctx = await openContext(databaseUrl, { migrate });
  const app = await buildServer(ctx, { webRoot, logger: { level: 'warn' }, trustProxy });
  await app.listen({ port, host });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.on(sig, () => {
      void app
        .close()
        .then(() => closeContext(ctx))
        .then(() => process.exit(0));
    });
  }
}

if (cluster.isPrimary) {
  // Migrations and the demo seed run once, here, before any server process starts.
  const ctx = await openContext(databaseUrl);
  if ((await organisations(ctx)).length === 0) {
    say('First start: seeding the demo data (the 2020–21 Kazakhstan case)…');
    const summary = await seedDemo(ctx);
    say(
      `Seeded: ${Object.entries(summary)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`,
    );
  }
  const demo = (await findUserByEmailView(ctx, DEMO_ACCOUNTS[0].email)) !== undefined;
  const where = `${ctx.store.dialect} (${ctx.store.location})`;
  const announce = () => {
    say(
      `CivicLedger is serving http://localhost:${port}/ on ${where}${processes > 1 ? ` with ${processes} processes` : ''}`,
    );
    if (demo) {
      say(`Demo login: ${DEMO_ACCOUNTS[0].email} / ${DEMO_PASSWORD} (every demo account has this password)`);
      for (const a of DEMO_ACCOUNTS) say(`  ${a.role.padEnd(10)} ${a.email}`);
    }
    if (!existsSync(webRoot)) say('(web app not built: run `npm run build -w @civic/web`)');
  };
  if (processes === 1) {
    await closeContext(ctx);
    await serve(false);
    announce();
  } else {
    await closeContext(ctx);
    let listening = 0;
    let stopping = false;
    cluster.on('listening', () => {
      if (++listening === processes) announce();
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(process.exitCode ?? 0);
        return;
      }
      // A server process that dies is replaced; one that cannot start (e.g. the port is taken) stops the rest.
      if (listening < processes) {
        process.stderr.write(`a server process could not start (exit ${code ?? signal ?? '?'})\n`);
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
        process.exitCode = 1;
        return;
      }
      process.stderr.write(
        `server process ${worker.process.pid ?? '?'} ended (${code ?? signal ?? '?'}): starting another\n`,
      );
      cluster.fork();
    });
    for (let i = 0; i < processes; i++) cluster.fork();
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.on(sig, () => {
        stopping = true;
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
      });
    }
  }
} else {
  await serve(false);
}
