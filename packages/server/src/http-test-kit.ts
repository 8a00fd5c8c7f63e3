// Test support for the HTTP tests (imported by *.test.ts only): a server on a fresh database of
// either dialect, accounts made through the app's use cases, and signed-in clients.
import {
  createOrganisation,
  createUser,
  freshContext,
  grantMembership,
  openSession,
  systemActor,
  type AppContext,
  type DialectName,
} from '@civic/app';
import type { Role } from '@civic/core';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildServer, type ServerOptions } from './build-server.ts';

export const TEST_PASSWORD = 'a long test password';

export interface TestClient {
  readonly userId: string;
  readonly email: string;
  readonly cookies: Record<string, string>;
  readonly csrf: string;
  request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    payload?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
}

export interface TestWorld {
  readonly ctx: AppContext & { close(): Promise<void> };
  readonly app: FastifyInstance;
  org(name: string): Promise<string>;
  /** Makes an account (argon2id: slow-ish) with roles in organisations. */
  user(
    email: string,
    roles: Readonly<Record<string, Role>>,
    options?: { instanceAdmin?: boolean },
  ): Promise<string>;
  /** A signed-in client for an account, without going through the login route. */
  client(userId: string, email: string): Promise<TestClient>;
  anonymous: TestClient;
  close(): Promise<void>;
}

export function clientFor(
  app: FastifyInstance,
  userId: string,
  email: string,
  cookies: Record<string, string>,
  csrf: string,
): TestClient {
  return {
    userId,
    email,
    cookies,
    csrf,
    request(method, url, payload, headers = {}) {
      const unsafe = method !== 'GET';
      const opts: InjectOptions = {
        method,
        url,
        cookies,
        headers: { ...(unsafe && csrf ? { 'x-csrf-token': csrf } : {}), ...headers },
      };
      if (payload !== undefined) opts.payload = payload as NonNullable<InjectOptions['payload']>;
      return app.inject(opts);
    },
  };
}

export async function testWorld(dialect: DialectName, options: ServerOptions = {}): Promise<TestWorld> {
  const ctx = await freshContext(dialect);
  const app = await buildServer(ctx, options);
  const seed = systemActor('test');
  return {
    ctx,
    app,
    async org(name) {
      const r = await createOrganisation(ctx, { name });
      if (!r.ok) throw new Error(r.error.message);
      return r.value.id;
    },
    async user(email, roles, opts = {}) {
      const u = await createUser(ctx, seed, {
        email,
        name: email.split('@')[0] ?? email,
        password: TEST_PASSWORD,
        instanceAdmin: opts.instanceAdmin ?? false,
      });
      if (!u.ok) throw new Error(u.error.message);
      for (const [organisationId, role] of Object.entries(roles)) {
        const m = await grantMembership(ctx, seed, { organisationId, email, role });
        if (!m.ok) throw new Error(m.error.message);
      }
      return u.value.id;
    },
    async client(userId, email) {
      const s = await openSession(ctx, userId);
      return clientFor(app, userId, email, { civic_session: s.token, civic_csrf: s.csrfToken }, s.csrfToken);
    },
    anonymous: clientFor(app, '', '', {}, ''),
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

/** Cookies set by a response, by name. */
export function cookiesOf(res: LightMyRequestResponse): Record<string, string> {
  return Object.fromEntries((res.cookies as { name: string; value: string }[]).map((c) => [c.name, c.value]));
}
