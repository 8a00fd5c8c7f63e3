import { domainError, err, ok, type Result } from '@civic/core';
import { findUserById, updateUser } from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { verifyPassword } from './passwords.ts';
import { dropRecoveryCodes, issueRecoveryCodes } from './recovery-codes.ts';
import { newTotpSecret, otpauthUri, verifyTotp } from './totp.ts';

export interface TotpEnrolment {
  readonly secret: string;
  readonly otpauthUri: string;
}

/** Starts setting up the second factor: a new secret, pending until a code from it is confirmed. */
export async function startTotpEnrolment(
  ctx: AppContext,
  actor: Actor,
  userId: string,
): Promise<Result<TotpEnrolment>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    const user = await findUserById(tx.store.db, userId);
    if (!user) return err(domainError('USER_NOT_FOUND', `no user ${userId}`));
    if (user.totpSecret !== null)
      return err(domainError('TOTP_ALREADY_ON', 'the authenticator is already on'));
    const secret = newTotpSecret();
    await updateUser(tx.store.db, userId, { totpPendingSecret: secret });
    await audit.record({
      entity: 'user',
      entityId: userId,
      action: 'totp-enrol-start',
      organisationId: null,
    });
    return ok({ secret, otpauthUri: otpauthUri(secret, user.email) });
  });
}

/**
 * Confirms the pending secret with a code from it: from now on sign-in asks for a code. Gives the
 * recovery codes, once: only their hashes are kept.
 */
export async function confirmTotp(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  code: string,
): Promise<Result<{ totpEnabled: true; recoveryCodes: string[] }>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    const user = await findUserById(tx.store.db, userId);
    if (!user) return err(domainError('USER_NOT_FOUND', `no user ${userId}`));
    if (user.totpPendingSecret === null)
      return err(domainError('TOTP_NOT_ENROLLING', 'start setting up the authenticator first'));
    const step = verifyTotp(user.totpPendingSecret, code.trim(), ctx.now());
    if (step === undefined)
      return err(domainError('AUTH_TOTP_INVALID', 'the authenticator code is wrong', { field: 'code' }));
    await updateUser(tx.store.db, userId, {
      totpSecret: user.totpPendingSecret,
      totpPendingSecret: null,
      totpLastStep: step,
    });
    const recoveryCodes = await issueRecoveryCodes(tx, userId);
    await audit.record({
      entity: 'user',
      entityId: userId,
      action: 'totp-enable',
      organisationId: null,
      before: { totpEnabled: false },
      after: { totpEnabled: true, recoveryCodes: recoveryCodes.length },
    });
    return ok({ totpEnabled: true as const, recoveryCodes });
  });
}

/**
 * Turns the second factor off; needs a current code or the account's password, so a stolen session
 * alone cannot. Its recovery codes go with it.
 */
export async function disableTotp(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  proof: { readonly code?: string | undefined; readonly password?: string | undefined },
): Promise<Result<{ totpEnabled: false }>> {
  const row = await findUserById(ctx.store.db, userId);
  if (!row) return err(domainError('USER_NOT_FOUND', `no user ${userId}`));
  if (row.totpSecret === null) return err(domainError('TOTP_NOT_ON', 'the authenticator is not on'));
  if (proof.code === undefined && proof.password !== undefined) {
    const check = await verifyPassword(row.passwordHash, proof.password);
    if (check === 'busy')
      return err(domainError('AUTH_BUSY', 'the server is checking too many passwords at once: try again'));
    if (check !== 'match')
      return err(domainError('USER_PASSWORD_WRONG', 'the password is wrong', { field: 'password' }));
  } else if (
    verifyTotp(row.totpSecret, (proof.code ?? '').trim(), ctx.now(), { lastStep: row.totpLastStep }) ===
    undefined
  )
    return err(domainError('AUTH_TOTP_INVALID', 'the authenticator code is wrong', { field: 'code' }));
  return withAudit(ctx, actor, async (tx, audit) => {
    await updateUser(tx.store.db, userId, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
    await dropRecoveryCodes(tx, userId);
    await audit.record({
      entity: 'user',
      entityId: userId,
      action: 'totp-disable',
      organisationId: null,
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
    return ok({ totpEnabled: false as const });
  });
}
