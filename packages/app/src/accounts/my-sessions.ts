import { createHash } from 'node:crypto';
import { domainError, err, ok, type Result } from '@civic/core';
import { deleteSession, listSessionsOfUser } from '@civic/store';
import type { AppContext } from '../context.ts';
import { sessionPolicyOf } from './session-policy.ts';

/** One of a user's sessions as the account page shows it (never the token or its stored hash). */
export interface SessionView {
  /** A public handle for ending it: derived from the stored id, useless for signing in. */
  readonly id: string;
  readonly createdAt: string;
  readonly lastSeenAt: string;
  readonly expiresAt: string;
  /** The browser and system it was opened from, when the User-Agent said (proper names, no prose). */
  readonly browser: string | null;
  readonly system: string | null;
  /** The session of the request asking. */
  readonly current: boolean;
}

const publicId = (storedId: string): string =>
  createHash('sha256').update(`session\0${storedId}`).digest('base64url').slice(0, 22);

const BROWSERS: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\bOPR\/|\bOpera\b/, 'Opera'],
  [/\bYaBrowser\//, 'Yandex Browser'],
  [/\bFirefox\/|\bFxiOS\//, 'Firefox'],
  [/\bChrom(?:e|ium)\/|\bCriOS\//, 'Chrome'],
  [/\bSafari\//, 'Safari'],
  [/\bcurl\//, 'curl'],
];
const SYSTEMS: readonly (readonly [RegExp, string])[] = [
  [/\bAndroid\b/, 'Android'],
  [/\biPhone|iPad|iPod\b/, 'iOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bLinux\b/, 'Linux'],
];

/** The browser and operating system named by a User-Agent header (the first rule that matches). */
export function summariseUserAgent(ua: string | null | undefined): {
  browser: string | null;
  system: string | null;
} {
  const pick = (rules: readonly (readonly [RegExp, string])[]) =>
    (ua ? rules.find(([re]) => re.test(ua))?.[1] : undefined) ?? null;
  return { browser: pick(BROWSERS), system: pick(SYSTEMS) };
}

/** The user's sessions that are still alive under the policy, oldest first, the asking one marked. */
export async function listMySessions(
  ctx: AppContext,
  userId: string,
  currentSessionId: string,
): Promise<SessionView[]> {
  const now = ctx.now();
  const policy = sessionPolicyOf(ctx);
  const rows = await listSessionsOfUser(ctx.store.db, userId, now.toISOString());
  return rows
    .filter(
      (s) =>
        now.getTime() - Date.parse(s.lastSeenAt) < policy.idleMs &&
        now.getTime() < Date.parse(s.createdAt) + policy.maxMs,
    )
    .map((s) => ({
      id: publicId(s.id),
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
      expiresAt: s.expiresAt,
      ...summariseUserAgent(s.userAgent),
      current: s.id === currentSessionId,
    }));
}

/** Ends one of the user's own sessions (the current one too: that signs out). SESSION_NOT_FOUND otherwise. */
export async function endMySession(
  ctx: AppContext,
  userId: string,
  sessionId: string,
): Promise<Result<{ ended: true }>> {
  const rows = await listSessionsOfUser(ctx.store.db, userId, ctx.now().toISOString());
  const row = rows.find((s) => publicId(s.id) === sessionId);
  if (!row) return err(domainError('SESSION_NOT_FOUND', 'you have no such session', { field: 'sessionId' }));
  await deleteSession(ctx.store.db, row.id);
  return ok({ ended: true as const });
}
