import { freshRestoreTarget } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process-kit.ts';

// Several servers on several machines share one PostgreSQL (issue 17): two server processes of the
// build `npm ci` leaves, on different ports, one database. A session opened on one is valid on the
// other and ends on both; a change made through one is seen by the other's cached obligations.
const pgUrl = process.env['CIVIC_TEST_PG_URL'];
const dialects = (process.env['CIVIC_TEST_DIALECTS'] ?? 'sqlite').split(',');
type Server = ServerProcess;
const start = (databaseUrl: string, waitFor: string): Promise<Server> =>
  startServerProcess(databaseUrl, waitFor);

describe.runIf(pgUrl && dialects.includes('postgres'))('two server processes on one PostgreSQL', () => {
  let target: Awaited<ReturnType<typeof freshRestoreTarget>>;
  let a: Server;
  let b: Server;
  beforeAll(async () => {
    target = await freshRestoreTarget('postgres'); // an empty database
    // The first migrates and seeds the demo; the second finds it done.
    a = await start(target.url, 'Demo login:');
    b = await start(target.url, 'CivicLedger is serving');
  }, 180_000);
  afterAll(async () => {
    for (const s of [a, b]) s?.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await target?.drop();
  });

  it('shares sessions and sees each other’s changes', async () => {
    expect(b.output()).not.toContain('First start');
    const password = /Demo login: \S+ \/ (\S+)/.exec(a.output())?.[1] ?? '';
    const login = await fetch(`${a.base}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.civicledger.org', password }),
    });
    expect(login.status).toBe(200);
    const cookies = login.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    const cookie = cookies.join('; ');
    const csrf = cookies.find((c) => c.startsWith('civic_csrf='))?.split('=')[1] ?? '';
    const get = (s: Server, path: string) => fetch(`${s.base}${path}`, { headers: { cookie } });

    // The session opened on A is valid on B.
    expect((await get(b, '/api/v1/me')).status).toBe(200);

    // B caches an organisation's obligations; confirming a candidate on A adds one, and B sees it.
    const orgs = (await (await get(b, '/api/v1/orgs')).json()) as { organisations: { id: string }[] };
    let checked = false;
    for (const { id } of orgs.organisations) {
      const list = (await (await get(a, `/api/v1/orgs/${id}/ledger/candidates?status=proposed`)).json()) as {
        candidates?: { id: string; suggestedSourceId?: string | null }[];
      };
      const candidate = list.candidates?.find((c) => c.suggestedSourceId);
      if (!candidate) continue;
      const before = (await (await get(b, `/api/v1/orgs/${id}/obligations`)).json()) as {
        obligations: unknown[];
      };
      const confirmed = await fetch(`${a.base}/api/v1/orgs/${id}/ledger/candidates/${candidate.id}/confirm`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ sourceId: candidate.suggestedSourceId }),
      });
      expect(confirmed.status).toBe(200);
      const after = (await (await get(b, `/api/v1/orgs/${id}/obligations`)).json()) as {
        obligations: unknown[];
      };
      expect(after.obligations.length).toBeGreaterThan(before.obligations.length);
      checked = true;
      break;
    }
    expect(checked).toBe(true);

    // Signing out on A ends the session on B too.
    const out = await fetch(`${a.base}/api/v1/session`, {
      method: 'DELETE',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.status).toBeLessThan(300);
    expect((await get(b, '/api/v1/me')).status).toBe(401);
  }, 120_000);
});
