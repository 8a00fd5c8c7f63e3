import { domainError, err, ok, type Result } from '@civic/core';
import { clearDuress, findUserByEmail, listUsers, readDuress, writeDuress, type UserRow } from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';
import { verifyTotp } from './totp.ts';

/** The account a duress sign-in named. */
export type DuressUser = UserRow;

/** Whether the instance has a duress password (off by default), as the instance admin sees it. */
export interface DuressStatus {
  readonly enabled: boolean;
  /** The decoy organisation's name; null: the name of the signing-in user's first organisation. */
  readonly decoyName: string | null;
  readonly setAt: string | null;
}

export async function duressStatus(ctx: AppContext): Promise<DuressStatus> {
  const d = await readDuress(ctx.store.db);
  return d
    ? { enabled: true, decoyName: d.decoyName, setAt: d.setAt }
    : { enabled: false, decoyName: null, setAt: null };
}

const BUSY = () =>
  err(domainError('AUTH_BUSY', 'the server is checking too many passwords at once: try again in a second'));

/** Whether `password` is any account's real password (checked against every account's hash). */
async function isSomeonesPassword(ctx: AppContext, password: string): Promise<Result<boolean>> {
  for (const u of await listUsers(ctx.store.db)) {
    const check = await verifyPassword(u.passwordHash, password);
    if (check === 'busy') return BUSY();
    if (check === 'match') return ok(true);
  }
  return ok(false);
}

/** Whether `password` is the duress password (an account's new password may not be it). */
export async function isDuressPassword(ctx: AppContext, password: string): Promise<Result<boolean>> {
  const d = await readDuress(ctx.store.db);
  if (!d) return ok(false);
  const check = await verifyPassword(d.passwordHash, password);
  return check === 'busy' ? BUSY() : ok(check === 'match');
}

/**
 * Sets (or replaces) the instance's duress password: stored as an argon2id hash like any password,
 * at least as long as one, and never the same as any account's real password (DURESS_PASSWORD_IN_USE).
 * Audited as a change of the instance without any detail of the password.
 */
export async function setDuressPassword(
  ctx: AppContext,
  actor: Actor,
  input: { readonly password: string; readonly decoyName?: string | null | undefined },
): Promise<Result<DuressStatus>> {
  if (input.password.length < MIN_PASSWORD_LENGTH)
    return err(
      domainError(
        'USER_PASSWORD_WEAK',
        `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
        {
          field: 'password',
        },
      ),
    );
  const decoyName = input.decoyName?.replace(/\s+/g, ' ').trim() || null;
  if (decoyName !== null && decoyName.length > 200)
    return err(
      domainError('ORG_NAME_REQUIRED', 'the decoy name must be 1 to 200 characters', { field: 'decoyName' }),
    );
  const taken = await isSomeonesPassword(ctx, input.password);
  if (!taken.ok) return taken;
  if (taken.value)
    return err(
      domainError('DURESS_PASSWORD_IN_USE', 'the duress password must differ from every account password', {
        field: 'password',
      }),
    );
  const passwordHash = await hashPassword(input.password);
  const setAt = ctx.now().toISOString();
  return withAudit(ctx, actor, async (tx, audit) => {
    await writeDuress(tx.store.db, { passwordHash, decoyName, setAt });
    await audit.record({
      entity: 'instance',
      entityId: 'duress',
      action: 'duress-set',
      organisationId: null,
    });
    return ok({ enabled: true, decoyName, setAt });
  });
}

/** Turns the duress password off. */
export async function clearDuressPassword(ctx: AppContext, actor: Actor): Promise<Result<DuressStatus>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    if (await clearDuress(tx.store.db))
      await audit.record({
        entity: 'instance',
        entityId: 'duress',
        action: 'duress-clear',
        organisationId: null,
      });
    return ok({ enabled: false, decoyName: null, setAt: null });
  });
}

/**
 * At sign-in, after the real password did not match: is this the duress password for an active
 * account? (Its second factor is asked and checked as for a real sign-in, so the answer looks the
 * same.) `undefined` when it is not (or the duress password is off); nothing is written.
 */
export async function duressSignIn(
  ctx: AppContext,
  input: { readonly email: string; readonly password: string; readonly totp?: string | undefined },
): Promise<Result<DuressUser | undefined>> {
  const d = await readDuress(ctx.store.db);
  if (!d) return ok(undefined);
  const user = await findUserByEmail(ctx.store.db, input.email);
  if (!user || user.disabled) return ok(undefined);
  const check = await verifyPassword(d.passwordHash, input.password);
  if (check === 'busy') return BUSY();
  if (check !== 'match') return ok(undefined);
  if (user.totpSecret !== null) {
    if (!input.totp)
      return err(
        domainError('AUTH_TOTP_REQUIRED', 'this account needs the code from its authenticator app', {
          field: 'totp',
        }),
      );
    if (
      verifyTotp(user.totpSecret, input.totp.trim(), ctx.now(), { lastStep: user.totpLastStep }) === undefined
    )
      return err(
        domainError('AUTH_TOTP_INVALID', 'the authenticator code is wrong or was used already', {
          field: 'totp',
        }),
      );
  }
  return ok(user);
}
