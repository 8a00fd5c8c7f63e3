import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { closeContext, openContext, organisations, seedDemo } from '@civic/app';
import { buildServer } from './build-server.ts';

// `npm start`: migrate, seed the demo data on first start, serve the API and the web app.
const port = Number(process.env['PORT'] ?? 8080);
const root = resolve(import.meta.dirname, '../../..');
const databaseUrl = process.env['DATABASE_URL'] ?? resolve(root, 'data/civicledger.db');

const ctx = await openContext(databaseUrl);
if ((await organisations(ctx)).length === 0) {
  process.stdout.write('First start: seeding the demo data (the 2020–21 Kazakhstan case)…\n');
  const summary = await seedDemo(ctx);
  process.stdout.write(`Seeded: ${Object.entries(summary).map(([k, v]) => `${v} ${k}`).join(', ')}\n`);
}
const webRoot = resolve(root, 'packages/web/dist');
const app = await buildServer(ctx, { webRoot, logger: false });
await app.listen({ port, host: process.env['HOST'] ?? '0.0.0.0' });
process.stdout.write(`CivicLedger is serving http://localhost:${port}/ on ${ctx.store.dialect} (${ctx.store.location})\n`);
if (!existsSync(webRoot)) process.stdout.write('(web app not built: run `npm run build -w @civic/web`)\n');

for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    void app.close().then(() => closeContext(ctx)).then(() => process.exit(0));
  });
}
