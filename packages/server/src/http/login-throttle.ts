import {
  DEFAULT_LOGIN_LIMITS,
  loginKeys,
  reserveLogin,
  settleLoginAttempt,
  type AppContext,
  type LoginLimits,
  type LoginReservation,
} from '@civic/app';

/**
 * Login rate limiting (issue 12, defect 9; docs/security.md, "Sign-in throttle"): every attempt is
 * reserved in the database BEFORE its password is checked — at most `perAccount` attempts per
 * account (from any address) and `perAddress` per client address (against any account) in a
 * sliding window — and settled after: a failure stays counted, a success is forgotten. While a
 * key is at its limit every attempt, even one with the right password, answers 429 with
 * Retry-After. Reserving first means parallel guesses cannot all get past the count, and keeping
 * the count in the database means every server process (one per core) shares it.
 *
 * A key the database has refused is remembered in this process until its window frees a slot:
 * further attempts on it are refused at once, with no query and no write (a burst of guesses
 * against one account costs one refused reservation per process, not one database write each
 * while the health route waits behind them). The memory only ever refuses what the database
 * would: attempts leave the window only with time. (A reservation in flight that then succeeds
 * frees its slot early; the memory keeps the key refused until its computed time — at most the
 * window.)
 */
export class LoginThrottle {
  /** Key → until when (ms since the epoch) the database keeps it at its limit. */
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly ctx: AppContext,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  async reserve(who: { address: string; email: string }): Promise<LoginReservation> {
    const now = this.ctx.now().getTime();
    const known = loginKeys(who, this.limits).map((k) => ({
      key: k.key,
      until: this.blocked.get(k.key) ?? 0,
    }));
    const until = Math.max(...known.map((k) => k.until));
    if (until > now)
      return {
        ok: false,
        retryAfterSeconds: Math.max(1, Math.ceil((until - now) / 1000)),
        blocked: known.filter((k) => k.until > now),
      };
    const r = await reserveLogin(this.ctx, who, this.limits);
    if (!r.ok) this.remember(r.blocked, now);
    return r;
  }

  /** Keys refused by the database; entries past their time are dropped when the map grows. */
  private remember(keys: readonly { key: string; until: number }[], now: number): void {
    if (this.blocked.size > 10_000) for (const [k, t] of this.blocked) if (t <= now) this.blocked.delete(k);
    for (const { key, until } of keys) this.blocked.set(key, Math.max(until, this.blocked.get(key) ?? 0));
  }

  settle(attempt: string, failed: boolean): Promise<void> {
    return settleLoginAttempt(this.ctx, attempt, failed);
  }
}
