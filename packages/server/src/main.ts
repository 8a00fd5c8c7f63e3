import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeContext, DEMO_ACCOUNTS, DEMO_PASSWORD, findUserByEmailView, openContext, organisations, seedDemo } from '@civic/app';
import { buildServer } from './build-server.ts';

// `npm start`: migrate, seed the demo data on first start, serve the API and the web app.
// PORT (default 8080), HOST (default 0.0.0.0) and DATABASE_URL (a SQLite file, default
// ./data/civicledger.db, or postgres://…) configure it; TRUST_PROXY=1 behind a TLS reverse proxy.
const port = Number(process.env['PORT'] ?? 8080);
const root = resolve(import.meta.dirname, '../../..');
const databaseUrl = process.env['DATABASE_URL'] ?? resolve(root, 'data/civicledger.db');
const say = (line: string): boolean => process.stdout.write(`${line}\n`);

const ctx = await openContext(databaseUrl);
if ((await organisations(ctx)).length === 0) {
  say('First start: seeding the demo data (the 2020–21 Kazakhstan case)…');
  const summary = await seedDemo(ctx);
  say(`Seeded: ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}`);
}
const webRoot = resolve(root, 'packages/web/dist');
const trustProxy = process.env['TRUST_PROXY'] === '1';
const app = await buildServer(ctx, { webRoot, logger: { level: 'warn' }, trustProxy });
await app.listen({ port, host: process.env['HOST'] ?? '0.0.0.0' });
say(`CivicLedger is serving http://localhost:${port}/ on ${ctx.store.dialect} (${ctx.store.location})`);
if (await findUserByEmailView(ctx, DEMO_ACCOUNTS[0].email)) {
  say(`Demo login: ${DEMO_ACCOUNTS[0].email} / ${DEMO_PASSWORD} (every demo account has this password)`);
  for (const a of DEMO_ACCOUNTS) say(`  ${a.role.padEnd(10)} ${a.email}`);
}
if (!existsSync(webRoot)) say('(web app not built: run `npm run build -w @civic/web`)');

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void app.close().then(() => closeContext(ctx)).then(() => process.exit(0));
  });
}
