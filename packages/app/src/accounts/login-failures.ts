import { deleteLoginFailuresBefore, insertLoginFailures, loginFailuresSince } from '@civic/store';
import type { AppContext } from '../context.ts';

/**
 * Failed sign-ins as the login throttle counts them, kept in the database so that every server
 * process and every restart counts the same attempts. Times are ms since the epoch.
 */
export async function recordLoginFailures(
  ctx: AppContext,
  keys: readonly string[],
  at: number,
  forgetBefore: number,
): Promise<void> {
  await deleteLoginFailuresBefore(ctx.store.db, forgetBefore);
  await insertLoginFailures(ctx.store.db, keys, at);
}

/** The failures under each key after `since`, oldest first. */
export function recentLoginFailures(
  ctx: AppContext,
  keys: readonly string[],
  since: number,
): Promise<Map<string, number[]>> {
  return loginFailuresSince(ctx.store.db, keys, since);
}
