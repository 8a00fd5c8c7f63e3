import {
  DEFAULT_LOGIN_LIMITS,
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
 */
export class LoginThrottle {
  constructor(
    private readonly ctx: AppContext,
    private readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  reserve(who: { address: string; email: string }): Promise<LoginReservation> {
    return reserveLogin(this.ctx, who, this.limits);
  }

  settle(attempt: string, failed: boolean): Promise<void> {
    return settleLoginAttempt(this.ctx, attempt, failed);
  }
}
