// The server's own cost per request (issue 6), apart from the network and from big tables: the
// demo data in a SQLite file, requests through Fastify's inject() in this process, one at a time.
// - p50/p99 of GET /api/v1/me, a ledger page and the health route (no session);
// - resolveSession alone: answered from the session cache, and read afresh (after a write, as on
//   every request on PostgreSQL).
// The figures to watch for regressions: a signed-in request should cost well under 1 ms here.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  closeContext,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  openContext,
  organisations,
  resolveSession,
  seedDemo,
  systemActor,
  updateProfile,
} from '@civic/app';
import { buildServer } from '@civic/server';
import { note, percentile, report } from './lib.ts';

const N = Number(process.env['CIVIC_BENCH_REQUEST_N'] ?? 3000);
const load = () => ({ loadavg: loadavg().map((x) => Number(x.toFixed(2))) });

const dir = mkdtempSync(join(tmpdir(), 'civic-bench-req-'));
const ctx = await openContext(join(dir, 'bench.db'));
try {
  note('seeding the demo data');
  await seedDemo(ctx);
  const echo = (await organisations(ctx)).find((o) => o.name === 'Echo')?.id;
  if (!echo) throw new Error('no Echo organisation in the demo data');
  const app = await buildServer(ctx);
  const admin = DEMO_ACCOUNTS[0];
  const login = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { email: admin.email, password: DEMO_PASSWORD },
  });
  if (login.statusCode !== 200) throw new Error(`login answered ${login.statusCode}`);
  const cookies = Object.fromEntries(
    (login.cookies as { name: string; value: string }[]).map((c) => [c.name, c.value]),
  );
  const token = cookies['civic_session'] ?? '';

  const time = async (fn: () => Promise<unknown>): Promise<number[]> => {
    for (let i = 0; i < Math.min(500, N); i++) await fn();
    const ms: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await fn();
      ms.push(performance.now() - t0);
    }
    return ms;
  };
  const out = (metric: string, ms: number[]) => {
    report('request-cost', `${metric}_p50`, percentile(ms, 50), 'ms', { n: ms.length, ...load() });
    report('request-cost', `${metric}_p99`, percentile(ms, 99), 'ms', { n: ms.length, ...load() });
  };

  const routes: Record<string, { url: string; signedIn: boolean }> = {
    me: { url: '/api/v1/me', signedIn: true },
    receipts_page: { url: `/api/v1/orgs/${echo}/ledger/receipts?limit=50`, signedIn: true },
    health_anonymous: { url: '/api/v1/health', signedIn: false },
  };
  for (const [name, r] of Object.entries(routes)) {
    const ms = await time(async () => {
      const res = await app.inject({ method: 'GET', url: r.url, ...(r.signedIn ? { cookies } : {}) });
      if (res.statusCode !== 200) throw new Error(`${r.url} answered ${res.statusCode}`);
    });
    out(`inject_${name}`, ms);
  }

  out('resolve_session_cached', await time(() => resolveSession(ctx, token)));
  // A write before each call empties the cache: the session is read afresh (three queries).
  const other = DEMO_ACCOUNTS[1];
  const otherId = (await app.inject({ method: 'GET', url: '/api/v1/users', cookies }))
    .json<{ users: { id: string; email: string }[] }>()
    .users.find((u) => u.email === other.email)?.id;
  if (!otherId) throw new Error('no second demo account');
  let flip = false;
  const fresh: number[] = [];
  for (let i = 0; i < Math.min(N, 1000); i++) {
    flip = !flip;
    await updateProfile(ctx, systemActor('bench'), otherId, { name: flip ? 'Dana A.' : 'Dana Accountant' });
    const t0 = performance.now();
    await resolveSession(ctx, token);
    fresh.push(performance.now() - t0);
  }
  out('resolve_session_fresh', fresh);
  await app.close();
} finally {
  await closeContext(ctx);
  rmSync(dir, { recursive: true, force: true });
}
