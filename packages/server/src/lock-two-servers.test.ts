import { DEMO_ACCOUNTS, DEMO_PASSWORD, freshRestoreTarget, testDialects } from '@civic/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './server-process-kit.ts';

// «Lock now» and the duress password across server processes (issue 15). Real parts: two server
// processes of the build `npm ci` leaves, on two ports, sharing one PostgreSQL database (as
// several `npm start` on several machines do), argon2id, the demo data. No test hook: each process
// learns of the lock only from the mark in the database.
const ADMIN = DEMO_ACCOUNTS[0].email;
const DURESS = 'a decoy for the inspectors';

interface Session {
  readonly cookie: string;
  readonly csrf: string;
}

async function signIn(
  s: ServerProcess,
  password: string,
): Promise<{ status: number; session: Session; body: unknown }> {
  const res = await fetch(`${s.base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password }),
  });
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
  const csrf = cookies.find((c) => c.startsWith('civic_csrf='))?.split('=')[1] ?? '';
  return { status: res.status, session: { cookie: cookies.join('; '), csrf }, body: await res.json() };
}

async function call(
  s: ServerProcess,
  session: Session | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; code: string | undefined; body: Record<string, unknown> }> {
  const res = await fetch(`${s.base}${path}`, {
    method,
    headers: {
      ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  return { status: res.status, code: (json['error'] as { code?: string } | undefined)?.code, body: json };
}

/** Asks `probe` every 100 ms until `until` holds of its answer (or 10 s pass); every answer on the way is returned. */
async function watch<T>(probe: () => Promise<T>, until: (t: T) => boolean): Promise<T[]> {
  const seen: T[] = [];
  const end = Date.now() + 10_000;
  for (;;) {
    const t = await probe();
    seen.push(t);
    if (until(t) || Date.now() > end) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.runIf(testDialects().includes('postgres'))(
  'lock and duress across two server processes on one PostgreSQL',
  () => {
    let target: Awaited<ReturnType<typeof freshRestoreTarget>>;
    let a: ServerProcess;
    let b: ServerProcess;
    beforeAll(async () => {
      target = await freshRestoreTarget('postgres');
      a = await startServerProcess(target.url, 'Demo login:');
      b = await startServerProcess(target.url, 'CivicLedger is serving');
    }, 180_000);
    afterAll(async () => {
      await Promise.all([a?.stop(), b?.stop()]);
      await target?.drop();
    });

    it('«Lock now» through one process ends the sessions on the other, which answers INSTANCE_LOCKED to everyone', async () => {
      const { session } = await signIn(a, DEMO_PASSWORD);
      const orgs = await call(b, session, 'GET', '/api/v1/orgs');
      expect(orgs.status).toBe(200);
      const orgId = (orgs.body['organisations'] as { id: string }[])[0]?.id ?? '';
      expect((await call(a, session, 'POST', '/api/v1/admin/lock', {})).status).toBe(200);
      // B never serves the real data again: first the ended session, then the lock itself.
      const seen = await watch(
        () => call(b, session, 'GET', `/api/v1/orgs/${orgId}/ledger/receipts`),
        (r) => r.code === 'INSTANCE_LOCKED',
      );
      // At once: the ended session makes B look at the mark there and then.
      expect(seen.map((r) => [r.status, r.code])).toEqual([[503, 'INSTANCE_LOCKED']]);
      expect(await call(b, undefined, 'GET', '/api/v1/me')).toMatchObject({
        status: 503,
        code: 'INSTANCE_LOCKED',
      });
      expect((await signIn(b, DEMO_PASSWORD)).status).toBe(503);
    }, 60_000);

    it('a duress sign-in through one process: the other answers with the same decoy, never the real data nor «locked»', async () => {
      // Restarted with the key (PostgreSQL: the start itself), both serve again.
      await Promise.all([a.stop(), b.stop()]);
      [a, b] = await Promise.all([
        startServerProcess(target.url, 'CivicLedger is serving'),
        startServerProcess(target.url, 'CivicLedger is serving'),
      ]);
      const admin = (await signIn(a, DEMO_PASSWORD)).session;
      expect((await call(a, admin, 'PUT', '/api/v1/admin/duress', { password: DURESS })).status).toBe(200);
      const realOrgs = (await call(b, admin, 'GET', '/api/v1/orgs')).body['organisations'] as {
        id: string;
      }[];

      const duress = await signIn(a, DURESS);
      expect(duress.status).toBe(200);
      const onA = await call(a, duress.session, 'GET', '/api/v1/orgs');
      const decoyOrgs = onA.body['organisations'] as { id: string; name: string }[];
      expect(decoyOrgs).toHaveLength(1);
      const decoyId = decoyOrgs[0]?.id ?? '';
      expect(realOrgs.map((o) => o.id)).not.toContain(decoyId);

      // B learns of it from the database at once (a session it does not know makes it look at the
      // mark there and then) and answers with the decoy: never «locked», never «sign in».
      const seen = await watch(
        () => call(b, duress.session, 'GET', '/api/v1/orgs'),
        (r) => r.status === 200,
      );
      expect(seen.map((r) => r.status)).toEqual([200]);
      expect(seen.at(-1)?.body).toEqual(onA.body);
      expect((await call(b, duress.session, 'GET', '/api/v1/me')).status).toBe(200);
      const receipts = await call(b, duress.session, 'GET', `/api/v1/orgs/${decoyId}/ledger/receipts`);
      expect(receipts.status).toBe(200);
      expect(JSON.stringify(receipts.body)).not.toMatch(/Soros/);
      // The real organisations are not there, for the decoy's session or the old real one.
      for (const o of realOrgs)
        expect([403, 404]).toContain(
          (await call(b, duress.session, 'GET', `/api/v1/orgs/${o.id}/ledger/receipts`)).status,
        );
      expect(await call(b, admin, 'GET', '/api/v1/me')).toMatchObject({ status: 401, code: 'AUTH_REQUIRED' });
      // On B as on A: the real password is only a wrong one; the duress password opens the decoy again.
      expect(
        await call(b, undefined, 'POST', '/api/v1/session', { email: ADMIN, password: DEMO_PASSWORD }),
      ).toMatchObject({
        status: 401,
        code: 'AUTH_INVALID_CREDENTIALS',
      });
      const again = await signIn(b, DURESS);
      expect(again.status).toBe(200);
      expect((await call(b, again.session, 'GET', '/api/v1/orgs')).body).toEqual(onA.body);
    }, 120_000);
  },
);
