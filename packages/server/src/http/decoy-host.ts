import {
  closeContext,
  openDecoy,
  openDecoyFromSeed,
  type AppContext,
  type DecoySeed,
  type DuressUser,
  type OpenedSession,
} from '@civic/app';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Headers of the decoy's answer that the outer reply sets itself. */
const HOP_HEADERS = new Set(['connection', 'transfer-encoding', 'keep-alive', 'content-length', 'date']);

/**
 * The decoy of a duress sign-in (issue 15), on the server side: a second, complete app (the same
 * routes and web build) over an in-memory database that holds nothing of the real one. Once it is
 * open and the real instance locked, this server answers EVERY request with the decoy app (through
 * `inject`: no socket, no port), not only the decoy session's: after signing out the coerced
 * person meets the ordinary sign-in page (the duress password opens the decoy again; any other
 * password is wrong), and no other browser sees a locked page that would tell the lock. No route
 * can reach real data from the decoy: its app has no handle on the real database at all.
 */
export class DecoyHost {
  private app: FastifyInstance | undefined;
  private ctx: AppContext | undefined;

  constructor(private readonly build: (ctx: AppContext) => Promise<FastifyInstance>) {}

  /** Opens the decoy for `user` (once per process; a later duress sign-in gets a new session in it). */
  async open(
    real: AppContext,
    user: DuressUser,
    userAgent?: string,
  ): Promise<{ ctx: AppContext; session: OpenedSession; seed: DecoySeed }> {
    const decoy = await openDecoy(real, user, userAgent);
    if (this.app) await closeContext(decoy.ctx);
    else {
      this.ctx = decoy.ctx;
      this.app = await this.build(decoy.ctx);
    }
    return { ctx: this.ctx ?? decoy.ctx, session: decoy.session, seed: decoy.seed };
  }

  /**
   * Opens the decoy another server process of the instance opened (the seed of the lock mark it
   * wrote): the same organisation, account and session, so the coerced person's browser is answered
   * alike wherever its requests land. Called before this process lets go of the real database.
   */
  async openFromSeed(real: AppContext, seed: DecoySeed): Promise<void> {
    if (this.app) return;
    const ctx = await openDecoyFromSeed(real, seed);
    this.ctx = ctx;
    this.app = await this.build(ctx);
  }

  /** Whether a duress sign-in opened the decoy in this process (it then answers every request). */
  get isOpen(): boolean {
    return this.app !== undefined;
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
