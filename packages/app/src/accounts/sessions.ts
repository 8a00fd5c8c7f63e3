import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { domainError, err, ok, type Result } from '@civic/core';
import {
  deleteSession,
  findSessionAccessPg,
  findSessionWithUser,
  findUserByEmail,
  findUserById,
  insertSession,
  touchSession,
  updateUser,
  type SessionRow,
  type UserRow,
} from '@civic/store';
import { withAudit } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { verifyPassword } from './passwords.ts';
import { DEFAULT_SESSION_POLICY, sessionPolicyOf } from './session-policy.ts';
import { accessOf, loadAccess, type Access, type Principal } from './principal.ts';
import { forgetSession, lookupSession, rememberSession, type SessionEntry } from './session-cache.ts';
import { looksLikeRecoveryCode, spendRecoveryCode } from './recovery-codes.ts';
import { verifyTotp } from './totp.ts';
import { userView, type UserView } from './users.ts';

/** The default policy: a session lapses after 30 minutes without a request, and 12 hours after sign-in. */
export const SESSION_IDLE_MS = DEFAULT_SESSION_POLICY.idleMs;
export const SESSION_MAX_MS = DEFAULT_SESSION_POLICY.maxMs;
/** How stale `last_seen_at` may get before a request refreshes it (saves a write per request). */
const TOUCH_AFTER_MS = 60 * 1000;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The CSRF token of a session: derived from the secret cookie token, so it needs no storage. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf\0${sessionToken}`).digest('base64url');
}

/** Whether a CSRF header value belongs to the session token (constant-time). */
export function checkCsrfToken(sessionToken: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface OpenedSession {
  /** The secret for the cookie; only its SHA-256 is stored. */
  readonly token: string;
  readonly csrfToken: string;
  readonly expiresAt: string;
  readonly user: UserView;
}

/** Opens a session for a user who has already proved who they are (used by `login`, tests and tools). */
export async function openSession(
  ctx: AppContext,
  userId: string,
  userAgent?: string,
): Promise<OpenedSession> {
  const row = await findUserById(ctx.store.db, userId);
  if (!row) throw new Error(`openSession: no user ${userId}`);
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + sessionPolicyOf(ctx).idleMs).toISOString();
  await insertSession(ctx.store.db, {
    id: sha256(token),
    userId,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt,
    userAgent: userAgent ? userAgent.slice(0, 300) : null,
  });
  return { token, csrfToken: csrfTokenFor(token), expiresAt, user: userView(row) };
}

export interface LoginInput {
  readonly email: string;
  readonly password: string;
  readonly totp?: string;
  readonly requestId?: string;
  /** The browser's User-Agent header, kept with the session for the account page's list. */
  readonly userAgent?: string;
}

const PASSWORDS_BUSY = () =>
  err(domainError('AUTH_BUSY', 'the server is checking too many passwords at once: try again in a second'));
const BAD_CREDENTIALS = () => err(domainError('AUTH_INVALID_CREDENTIALS', 'wrong e-mail or password'));

/**
 * Signs in with e-mail and password (and the TOTP code when the second factor is on). A wrong
 * e-mail and a wrong password give the SAME error, and an unknown e-mail still costs one argon2
 * verification, so neither the answer nor its timing tells whether an account exists.
 */
export async function login(ctx: AppContext, input: LoginInput): Promise<Result<OpenedSession>> {
  const user = await findUserByEmail(ctx.store.db, input.email);
  const usable = user && !user.disabled ? user : undefined;
  const check = await verifyPassword(usable?.passwordHash, input.password);
  if (check === 'busy') return PASSWORDS_BUSY();
  if (!usable || check !== 'match') return BAD_CREDENTIALS();
  let step: bigint | undefined;
  let recovery = false;
  if (usable.totpSecret !== null) {
    if (!input.totp)
      return err(
        domainError('AUTH_TOTP_REQUIRED', 'this account needs the code from its authenticator app', {
          field: 'totp',
        }),
      );
    step = verifyTotp(usable.totpSecret, input.totp.trim(), ctx.now(), { lastStep: usable.totpLastStep });
    // A lost phone: one of the recovery codes given when the second factor was turned on, once each.
    recovery = step === undefined && looksLikeRecoveryCode(input.totp);
    if (recovery && !(await spendRecoveryCode(ctx, usable.id, input.totp)))
      return err(
        domainError('TOTP_RECOVERY_INVALID', 'the recovery code is wrong or was used already', {
          field: 'totp',
        }),
      );
    if (step === undefined && !recovery)
      return err(
        domainError('AUTH_TOTP_INVALID', 'the authenticator code is wrong or was used already', {
          field: 'totp',
        }),
      );
  }
  const actor = {
    userId: usable.id,
    label: usable.email,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  };
  return withAudit(ctx, actor, async (tx, audit) => {
    if (step !== undefined) await updateUser(tx.store.db, usable.id, { totpLastStep: step });
    const opened = await openSession(tx, usable.id, input.userAgent);
    if (recovery)
      await audit.record({
        entity: 'user',
        entityId: usable.id,
        action: 'totp-recovery-used',
        organisationId: null,
      });
    await audit.record({ entity: 'user', entityId: usable.id, action: 'login', organisationId: null });
    return ok(opened);
  });
}

/**
 * The principal of a session token, or undefined when the token is unknown, expired or its user
 * disabled. Slides the idle expiry (at most once a minute), never past the absolute maximum.
 * Three queries when read afresh (session with user; memberships; network peers), none while the
 * session cache holds it (see session-cache.ts: any write to the database empties that cache).
 */
export async function resolveSession(ctx: AppContext, token: string): Promise<Principal | undefined> {
  if (!token || token.length > 200) return undefined;
  const id = sha256(token);
  const { stamp, entry: cached } = lookupSession(ctx, id);
  const entry = cached ?? (await readSession(ctx, id));
  if (!entry) return undefined;
  if (!cached) rememberSession(ctx, stamp, id, entry);
  const { session } = entry;
  const now = ctx.now();
  const policy = sessionPolicyOf(ctx);
  // The stored expiry, and the policy in force now (a shorter one applies to sessions opened before it).
  const cap = Date.parse(session.createdAt) + policy.maxMs;
  if (
    Date.parse(session.expiresAt) <= now.getTime() ||
    now.getTime() - Date.parse(session.lastSeenAt) >= policy.idleMs ||
    now.getTime() >= cap
  ) {
    forgetSession(ctx, id);
    await deleteSession(ctx.store.db, id);
    return undefined;
  }
  if (entry.userDisabled) return undefined;
  if (now.getTime() - Date.parse(session.lastSeenAt) > TOUCH_AFTER_MS) {
    forgetSession(ctx, id);
    await touchSession(
      ctx.store.db,
      id,
      now.toISOString(),
      new Date(Math.min(now.getTime() + policy.idleMs, cap)).toISOString(),
    );
  }
  return entry.principal;
}

async function readSession(ctx: AppContext, id: string): Promise<SessionEntry | undefined> {
  // PostgreSQL caches nothing (no cheap change stamp): the session and its access in one query.
  if (ctx.store.dialect === 'postgres') {
    const rows = await findSessionAccessPg(ctx.store.db, id);
    return rows && sessionEntry(id, rows.session, rows.user, () => accessOf(rows));
  }
  const found = await findSessionWithUser(ctx.store.db, id);
  return found && sessionEntry(id, found.session, found.user, () => loadAccess(ctx, found.user.id));
}

async function sessionEntry(
  id: string,
  session: SessionRow,
  user: UserRow,
  access: () => Access | Promise<Access>,
): Promise<SessionEntry> {
  return {
    session,
    userDisabled: user.disabled,
    principal: {
      user: userView(user),
      sessionId: id,
      // A disabled user's access is not read: the entry only says "refuse".
      ...(user.disabled
        ? { memberships: [], organisationIds: [], networkOrganisationIds: [] }
        : await access()),
    },
  };
}

/** Ends a session (signing out). Unknown tokens are ignored. */
export async function logout(ctx: AppContext, token: string): Promise<void> {
  await deleteSession(ctx.store.db, sha256(token));
}
