/**
 * Login rate limiting: at most `max` FAILED sign-ins per key in a sliding `windowMs`, counted per
 * client IP and per e-mail separately. While a key is over the limit every attempt — even one with
 * the right password — answers 429 with Retry-After, so guessing cannot go on from one address or
 * against one account. In memory: one process serves the app (restarting clears it).
 */
export interface ThrottleOptions {
  readonly max: number;
  readonly windowMs: number;
  readonly now?: () => number;
}

export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;

  constructor(private readonly options: ThrottleOptions) {
    this.now = options.now ?? (() => Date.now());
  }

  private recent(key: string): number[] {
    const since = this.now() - this.options.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds to wait when any of the keys is over the limit; 0 when an attempt may go ahead. */
  retryAfter(keys: readonly string[]): number {
    let wait = 0;
    for (const key of keys) {
      const list = this.recent(key);
      if (list.length >= this.options.max) {
        const oldest = list[list.length - this.options.max] ?? this.now();
        wait = Math.max(wait, Math.ceil((oldest + this.options.windowMs - this.now()) / 1000));
      }
    }
    return Math.max(wait, 0);
  }

  recordFailure(keys: readonly string[]): void {
    for (const key of keys) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.prune();
  }

  private prune(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
