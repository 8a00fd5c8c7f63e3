import { domainError, err, ok, type Result } from '@civic/core';
import type { AppContext } from '../context.ts';

/** How long a session lives: it lapses after `idleMs` without a request and `maxMs` after sign-in, whatever happens. */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly maxMs: number;
}

/** 30 minutes idle, 12 hours in all (issue 15): an unattended browser in a raided office is signed out soon. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60 * 1000, maxMs: 12 * 60 * 60 * 1000 };

export function sessionPolicyOf(ctx: AppContext): SessionPolicy {
  return ctx.sessions ?? DEFAULT_SESSION_POLICY;
}

/**
 * The policy from SESSION_IDLE_MINUTES (default 30) and SESSION_MAX_HOURS (default 12), positive
 * whole numbers; anything else is CLI_OPTION_INVALID naming the variable.
 */
export function parseSessionPolicy(env: Readonly<Record<string, string | undefined>>): Result<SessionPolicy> {
  const read = (name: string, fallback: number, unitMs: number): Result<number> => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return ok(fallback);
    if (!/^[1-9]\d{0,5}$/.test(raw))
      return err(
        domainError('CLI_OPTION_INVALID', `${name} must be a positive whole number`, { field: name }),
      );
    return ok(Number(raw) * unitMs);
  };
  const idle = read('SESSION_IDLE_MINUTES', DEFAULT_SESSION_POLICY.idleMs, 60_000);
  if (!idle.ok) return idle;
  const max = read('SESSION_MAX_HOURS', DEFAULT_SESSION_POLICY.maxMs, 3_600_000);
  if (!max.ok) return max;
  return ok({ idleMs: Math.min(idle.value, max.value), maxMs: max.value });
}
