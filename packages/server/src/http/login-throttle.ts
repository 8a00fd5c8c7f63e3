/**
 * Login rate limiting: at most `max` FAILED sign-ins per key in a sliding `windowMs`, counted per
 * client IP and per e-mail separately. While a key is over the limit every attempt — even one with
 * the right password — answers 429 with Retry-After, so guessing cannot go on from one address or
 * against one account. The failures are kept where every server process sees them (the server's
 * database: see FailureLog), so running one process per core does not multiply the allowance.
 */
export interface ThrottleOptions {
  readonly max: number;
  readonly windowMs: number;
  readonly now?: () => number;
}

/** Where failures are kept: the times (ms) of recent ones per key, and a way to add one. */
export interface FailureLog {
  since(keys: readonly string[], since: number): Promise<ReadonlyMap<string, readonly number[]>>;
  add(keys: readonly string[], at: number, forgetBefore: number): Promise<void>;
}

/** Failures in this process's memory (one process only; tests). */
export class MemoryFailureLog implements FailureLog {
  private readonly failures = new Map<string, number[]>();

  since(keys: readonly string[], since: number): Promise<ReadonlyMap<string, readonly number[]>> {
    return Promise.resolve(
      new Map(keys.map((k) => [k, (this.failures.get(k) ?? []).filter((t) => t > since)])),
    );
  }

  add(keys: readonly string[], at: number, forgetBefore: number): Promise<void> {
    for (const key of keys)
      this.failures.set(key, [...(this.failures.get(key) ?? []).filter((t) => t > forgetBefore), at]);
    if (this.failures.size > 100_000) {
      for (const [k, list] of this.failures)
        if (list.every((t) => t <= forgetBefore)) this.failures.delete(k);
    }
    return Promise.resolve();
  }
}

export class LoginThrottle {
  private readonly now: () => number;

  constructor(
    private readonly options: ThrottleOptions,
    private readonly log: FailureLog = new MemoryFailureLog(),
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Seconds to wait when any of the keys is over the limit; 0 when an attempt may go ahead. */
  async retryAfter(keys: readonly string[]): Promise<number> {
    const now = this.now();
    const recent = await this.log.since(keys, now - this.options.windowMs);
    let wait = 0;
    for (const key of keys) {
      const list = recent.get(key) ?? [];
      if (list.length >= this.options.max) {
        const oldest = list[list.length - this.options.max] ?? now;
        wait = Math.max(wait, Math.ceil((oldest + this.options.windowMs - now) / 1000));
      }
    }
    return Math.max(wait, 0);
  }

  async recordFailure(keys: readonly string[]): Promise<void> {
    const now = this.now();
    await this.log.add(keys, now, now - this.options.windowMs);
  }
}
