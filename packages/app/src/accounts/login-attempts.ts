import { randomUUID } from 'node:crypto';
import {
  deleteLoginAttemptsBefore,
  loginAttemptsSince,
  releaseLoginAttempt,
  reserveLoginAttempt,
} from '@civic/store';
import type { AppContext } from '../context.ts';

/**
 * The login throttle's limits: attempts per account (from any address) and per client address
 * (against any account) in a sliding window. The address limit is the larger, so one address's
 * failures against one account lock that account, not the address's other sign-ins.
 */
export interface LoginLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perAccount: 5, perAddress: 20, windowMs: 60_000 };

export type LoginReservation =
  | { readonly ok: true; readonly attempt: string }
  | {
      readonly ok: false;
      readonly retryAfterSeconds: number;
      /** The keys at their limit and until when (ms since the epoch) the window keeps them there. */
      readonly blocked: readonly { readonly key: string; readonly until: number }[];
    };

/** The throttle's keys for a sign-in: the account (e-mail, lower-case) and the client address. */
export const loginKeys = (who: { address: string; email: string }, limits: LoginLimits) => [
  { key: `account:${who.email.trim().toLowerCase()}`, max: limits.perAccount },
  { key: `addr:${who.address}`, max: limits.perAddress },
];

// When this process last forgot attempts older than the window (a delete per reservation would
// be a write per sign-in for nothing).
let lastSweep = 0;

/**
 * Reserves a sign-in attempt BEFORE its password is checked (issue 12, defect 9): counted in the
 * database under the account and the address at once, atomically, so parallel requests and every
 * server process see each other's attempts and at most the limit of passwords is ever checked.
 * Refused: how long to wait. Settle it with {@link settleLoginAttempt}.
 */
export async function reserveLogin(
  ctx: AppContext,
  who: { address: string; email: string },
  limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
): Promise<LoginReservation> {
  const now = ctx.now().getTime();
  const since = now - limits.windowMs;
  if (now - lastSweep > limits.windowMs) {
    lastSweep = now;
    await deleteLoginAttemptsBefore(ctx.store.db, since);
  }
  const keyLimits = loginKeys(who, limits);
  const attempt = randomUUID();
  if (await reserveLoginAttempt(ctx.store.db, { limits: keyLimits, attempt, at: now, since }))
    return { ok: true, attempt };
  const recent = await loginAttemptsSince(
    ctx.store.db,
    keyLimits.map((l) => l.key),
    since,
  );
  let wait = 1;
  const blocked: { key: string; until: number }[] = [];
  for (const { key, max } of keyLimits) {
    const list = recent.get(key) ?? [];
    if (list.length < max) continue;
    const oldest = list[list.length - max] ?? now;
    blocked.push({ key, until: oldest + limits.windowMs });
    wait = Math.max(wait, Math.ceil((oldest + limits.windowMs - now) / 1000));
  }
  return { ok: false, retryAfterSeconds: wait, blocked };
}

/**
 * Settles a reserved attempt: a failure stays counted; an attempt that did not fail (signed in,
 * or the right password waiting for its second factor) is forgotten.
 */
export async function settleLoginAttempt(ctx: AppContext, attempt: string, failed: boolean): Promise<void> {
  if (!failed) await releaseLoginAttempt(ctx.store.db, attempt);
}
