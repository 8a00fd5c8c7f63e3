import {
  closeContext,
  dataStampOf,
  errorMessage,
  instanceLock,
  type AppContext,
  type InstanceLock,
} from '@civic/app';
import { domainError, pickLocale, type Locale } from '@civic/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DecoyHost } from './decoy-host.ts';
import { sendError } from './error-handler.ts';
import { SESSION_COOKIE } from './guard.ts';

/** How often a server looks for a lock made elsewhere (`civic lock`, another server process). */
export const DEFAULT_LOCK_POLL_MS = 3000;
/** Where the database has no cheap change stamp (PostgreSQL), a request re-reads the mark at most this often. */
const RECHECK_MS = 1000;

export interface InstanceLockWatch {
  /** Whether this server has locked itself: every request is answered INSTANCE_LOCKED. */
  readonly locked: boolean;
  /** Locks this server now: refuses every request, then closes the database and drops the keys. */
  engage(): Promise<void>;
  /** Reads the mark now (not waiting for the next look); if it is set, locks and answers the request. */
  answerIfLocked(req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined>;
}

export interface LockWatchOptions {
  readonly pollMs?: number;
  /** Called once when this server locks (the entry point drops the key from its environment). */
  readonly onLocked?: () => void;
  /** The decoy of a duress sign-in: once it is open, it answers every request in place of the locked answer. */
  readonly decoy?: DecoyHost;
}

const HTML_TITLE: Readonly<Record<Locale, string>> = {
  en: 'CivicLedger is locked',
  ru: 'CivicLedger заблокирован',
  kk: 'CivicLedger бұғатталды',
};

function lockedPage(locale: Locale): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8"><title>${esc(HTML_TITLE[locale])}</title></head>\n<body><h1>${esc(HTML_TITLE[locale])}</h1><p>${esc(errorMessage('INSTANCE_LOCKED', locale))}</p></body></html>\n`;
}

/** The locked answer: JSON INSTANCE_LOCKED (503) for the API, a page in the reader's language for a browser. */
function answerLocked(req: FastifyRequest, reply: FastifyReply): FastifyReply {
  req.locale = pickLocale(req.headers['accept-language']) ?? 'en';
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.header('cache-control', 'no-store');
  const path = req.url.split('?')[0] ?? '';
  if (path.startsWith('/api/'))
    return sendError(req, reply, domainError('INSTANCE_LOCKED', 'the instance is locked'), 503);
  return reply.code(503).type('text/html; charset=utf-8').send(lockedPage(req.locale));
}

/**
 * "Lock now" on the server side (issue 15). The lock itself is a mark in the database (app
 * `lockInstance`), so it reaches every server process and a `civic lock` run from a shell. Each
 * request first checks the mark cheaply: on SQLite only when the database changed since the last
 * look (its data stamp), on PostgreSQL at most once a second; a timer also polls every few seconds.
 * Once locked, the server answers every request INSTANCE_LOCKED, closes its database handle (the
 * cipher's key goes with it) and zeroes the file key; only a restart with the key serves again.
 */
export function registerInstanceLock(
  app: FastifyInstance,
  ctx: AppContext,
  options: LockWatchOptions = {},
): InstanceLockWatch {
  let locked = false;
  let decoyOpening: Promise<void> | undefined;
  let lastStamp: string | undefined;
  let lastRead = 0;

  const engage = async (lock?: InstanceLock): Promise<void> => {
    if (locked) return;
    locked = true;
    clearInterval(timer);
    // A duress sign-in through another process: open the same decoy (from the mark's seed) before
    // letting go of the database; requests meanwhile wait for it rather than see «locked».
    const decoy = options.decoy;
    if (lock?.decoy && decoy && !decoy.isOpen) {
      decoyOpening = decoy.openFromSeed(ctx, lock.decoy).catch(() => undefined);
      await decoyOpening;
    }
    options.onLocked?.();
    // Let the answers being written finish their reads, then let go of the database and its keys.
    await new Promise((r) => setImmediate(r));
    await closeContext(ctx);
  };

  const lookedLocked = async (force: boolean): Promise<InstanceLock | undefined> => {
    const stamp = dataStampOf(ctx);
    const now = Date.now();
    if (!force) {
      if (stamp !== undefined && stamp === lastStamp) return undefined;
      if (stamp === undefined && now - lastRead < RECHECK_MS) return undefined;
    }
    lastStamp = stamp;
    lastRead = now;
    return instanceLock(ctx);
  };

  const answer = async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    await decoyOpening;
    return options.decoy?.isOpen ? options.decoy.forward(req, reply) : answerLocked(req, reply);
  };

  app.addHook('onRequest', async (req, reply) => {
    if (!locked) {
      const lock = await lookedLocked(false);
      if (lock) await engage(lock);
    }
    if (locked) return answer(req, reply);
  });

  const timer: NodeJS.Timeout = setInterval(() => {
    if (locked) return;
    void lookedLocked(true)
      .then((lock) => (lock ? engage(lock) : undefined))
      .catch(() => undefined);
  }, options.pollMs ?? DEFAULT_LOCK_POLL_MS);
  timer.unref();
  app.addHook('onClose', async () => {
    clearInterval(timer);
  });

  return {
    get locked() {
      return locked;
    },
    engage,
    async answerIfLocked(req, reply) {
      if (!locked) {
        const lock = await lookedLocked(true);
        if (lock) await engage(lock);
      }
      return locked ? answer(req, reply) : undefined;
    },
  };
}
