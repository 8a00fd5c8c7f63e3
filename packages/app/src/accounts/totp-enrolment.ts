import { domainError, err, ok, type Result } from '@civic/core';
import { findUserById, updateUser } from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
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

/** Confirms the pending secret with a code from it: from now on sign-in asks for a code. */
export async function confirmTotp(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  code: string,
): Promise<Result<{ totpEnabled: true }>> {
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
    await audit.record({
      entity: 'user',
      entityId: userId,
      action: 'totp-enable',
      organisationId: null,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
    return ok({ totpEnabled: true as const });
  });
}

/** Turns the second factor off; needs a current code, so a stolen session alone cannot. */
export async function disableTotp(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  code: string,
): Promise<Result<{ totpEnabled: false }>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    const user = await findUserById(tx.store.db, userId);
    if (!user) return err(domainError('USER_NOT_FOUND', `no user ${userId}`));
    if (user.totpSecret === null) return err(domainError('TOTP_NOT_ON', 'the authenticator is not on'));
    if (verifyTotp(user.totpSecret, code.trim(), ctx.now(), { lastStep: user.totpLastStep }) === undefined)
      return err(domainError('AUTH_TOTP_INVALID', 'the authenticator code is wrong', { field: 'code' }));
    await updateUser(tx.store.db, userId, { totpSecret: null, totpPendingSecret: null, totpLastStep: null });
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
