import { createHash } from 'node:crypto';
import { closeContext, openDecoy, type AppContext, type DuressUser, type OpenedSession } from '@civic/app';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE } from './guard.ts';

const sha256 = (t: string): string => createHash('sha256').update(t).digest('hex');

/** Headers of the decoy's answer that the outer reply sets itself. */
const HOP_HEADERS = new Set(['connection', 'transfer-encoding', 'keep-alive', 'content-length', 'date']);

/**
 * The decoy of a duress sign-in (issue 15), on the server side: a second, complete app (the same
 * routes and web build) over an in-memory database that holds nothing of the real one. Once the
 * real instance is locked, a request carrying the decoy's session cookie is answered by the decoy
 * app (through `inject`: no socket, no port); every other request gets the locked answer. No route
 * can reach real data from the decoy: its app has no handle on the real database at all.
 */
export class DecoyHost {
  private app: FastifyInstance | undefined;
  private ctx: AppContext | undefined;
  private readonly tokens = new Set<string>();

  constructor(private readonly build: (ctx: AppContext) => Promise<FastifyInstance>) {}

  /** Opens the decoy for `user` (once per process; a later duress sign-in gets a new session in it). */
  async open(
    real: AppContext,
    user: DuressUser,
    userAgent?: string,
  ): Promise<{ ctx: AppContext; session: OpenedSession }> {
    const decoy = await openDecoy(real, user, userAgent);
    if (this.app) await closeContext(decoy.ctx);
    else {
      this.ctx = decoy.ctx;
      this.app = await this.build(decoy.ctx);
    }
    this.tokens.add(sha256(decoy.session.token));
    return { ctx: this.ctx ?? decoy.ctx, session: decoy.session };
  }

  /** Whether the request belongs to a decoy session. */
  owns(req: FastifyRequest): boolean {
    const token = req.cookies[SESSION_COOKIE];
    return this.app !== undefined && typeof token === 'string' && this.tokens.has(sha256(token));
  }

  /** Answers the request with the decoy app. */
  async forward(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
    const app = this.app;
    if (!app) throw new Error('no decoy is open');
    const res = await app.inject({
      method: req.method as 'GET',
      url: req.url,
      headers: req.headers,
      payload: req.raw,
    });
    for (const [name, value] of Object.entries(res.headers))
      if (value !== undefined && !HOP_HEADERS.has(name.toLowerCase())) void reply.header(name, value);
    return reply.code(res.statusCode).send(res.rawPayload);
  }

  async close(): Promise<void> {
    const { app, ctx } = this;
    this.app = undefined;
    this.ctx = undefined;
    if (app) await app.close();
    if (ctx) await closeContext(ctx);
  }
}
