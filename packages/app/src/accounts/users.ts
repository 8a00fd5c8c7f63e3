import { domainError, err, isLocale, ok, type Locale, type Result } from '@civic/core';
import {
  deleteSessionsOfUser,
  findUserByEmail,
  findUserById,
  insertUser,
  listUsers,
  readDuress,
  updateUser,
  type UserRow,
} from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './passwords.ts';

/** What a user may see of an account (never the hash or the TOTP secret). */
export interface UserView {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly locale: Locale;
  readonly totpEnabled: boolean;
  readonly instanceAdmin: boolean;
  readonly createdAt: string;
}

export function userView(u: UserRow): UserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    locale: isLocale(u.locale) ? u.locale : 'en',
    totpEnabled: u.totpSecret !== null,
    instanceAdmin: u.instanceAdmin,
    createdAt: u.createdAt,
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An account's password may not be the instance's duress password (issue 15): refused, naming `field`. */
export async function refuseDuress(ctx: AppContext, password: string, field: string): Promise<Result<void>> {
  const d = await readDuress(ctx.store.db);
  if (!d) return ok(undefined);
  const check = await verifyPassword(d.passwordHash, password);
  if (check === 'busy')
    return err(domainError('AUTH_BUSY', 'the server is checking too many passwords at once: try again'));
  return check === 'match'
    ? err(
        domainError('DURESS_PASSWORD_IN_USE', 'this password is the duress password: choose another', {
          field,
        }),
      )
    : ok(undefined);
}

export interface NewUserInput {
  readonly email: string;
  readonly name: string;
  readonly password: string;
  readonly locale?: string;
  readonly instanceAdmin?: boolean;
}

/** The checked fields of a new account: e-mail lower-cased, name trimmed, a known language. */
export interface CheckedNewUser {
  readonly email: string;
  readonly name: string;
  readonly locale: Locale;
}

/** Checks a new account's e-mail, name, password length and language (the CLI, the API, an invitation). */
export function checkNewUser(input: Omit<NewUserInput, 'instanceAdmin'>): Result<CheckedNewUser> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  const locale = input.locale ?? 'en';
  if (!EMAIL.test(email) || email.length > 254)
    return err(
      domainError('USER_EMAIL_INVALID', `"${input.email}" is not an e-mail address`, { field: 'email' }),
    );
  if (!name) return err(domainError('USER_NAME_REQUIRED', 'a name is required', { field: 'name' }));
  if (input.password.length < MIN_PASSWORD_LENGTH)
    return err(
      domainError(
        'USER_PASSWORD_WEAK',
        `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
        { field: 'password' },
      ),
    );
  if (!isLocale(locale))
    return err(
      domainError('USER_LOCALE_INVALID', `language "${locale}" is not en, ru or kk`, { field: 'locale' }),
    );
  return ok({ email, name, locale });
}

/** Whether `text` looks like an e-mail address (one @, a dot in the domain, no spaces). */
export const isEmailAddress = (text: string): boolean => EMAIL.test(text.trim()) && text.length <= 254;

/** Creates an account (argon2id hash of the password). Audited. */
export async function createUser(
  ctx: AppContext,
  actor: Actor,
  input: NewUserInput,
): Promise<Result<UserView>> {
  const checked = checkNewUser(input);
  if (!checked.ok) return checked;
  const { email, name, locale } = checked.value;
  const notDuress = await refuseDuress(ctx, input.password, 'password');
  if (!notDuress.ok) return notDuress;
  const passwordHash = await hashPassword(input.password);
  return withAudit(ctx, actor, async (tx, audit) => {
    if (await findUserByEmail(tx.store.db, email))
      return err(
        domainError('USER_EMAIL_TAKEN', `an account with e-mail ${email} already exists`, { field: 'email' }),
      );
    const id = newId('usr');
    await insertUser(tx.store.db, {
      id,
      email,
      name,
      passwordHash,
      locale,
      instanceAdmin: input.instanceAdmin ?? false,
      createdAt: ctx.now().toISOString(),
    });
    const row = await findUserById(tx.store.db, id);
    if (!row) throw new Error('user vanished after insert');
    const view = userView(row);
    await audit.record({ entity: 'user', entityId: id, action: 'create', organisationId: null, after: view });
    return ok(view);
  });
}

export async function findUser(ctx: AppContext, id: string): Promise<UserView | undefined> {
  const row = await findUserById(ctx.store.db, id);
  return row && userView(row);
}

export async function findUserByEmailView(ctx: AppContext, email: string): Promise<UserView | undefined> {
  const row = await findUserByEmail(ctx.store.db, email);
  return row && userView(row);
}

export async function users(ctx: AppContext): Promise<UserView[]> {
  return (await listUsers(ctx.store.db)).map(userView);
}

/** Changes a user's own name or language. Audited. */
export async function updateProfile(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { name?: string; locale?: string },
): Promise<Result<UserView>> {
  const name = input.name?.trim();
  if (name !== undefined && !name)
    return err(domainError('USER_NAME_REQUIRED', 'a name is required', { field: 'name' }));
  if (input.locale !== undefined && !isLocale(input.locale))
    return err(
      domainError('USER_LOCALE_INVALID', `language "${input.locale}" is not en, ru or kk`, {
        field: 'locale',
      }),
    );
  return withAudit(ctx, actor, async (tx, audit) => {
    const before = await findUserById(tx.store.db, userId);
    if (!before) return err(domainError('USER_NOT_FOUND', `no user ${userId}`, { field: 'userId' }));
    await updateUser(tx.store.db, userId, {
      ...(name !== undefined ? { name } : {}),
      ...(input.locale !== undefined ? { locale: input.locale } : {}),
    });
    const after = await findUserById(tx.store.db, userId);
    if (!after) throw new Error('user vanished after update');
    await audit.record({
      entity: 'user',
      entityId: userId,
      action: 'update',
      organisationId: null,
      before: userView(before),
      after: userView(after),
    });
    return ok(userView(after));
  });
}

/** Changes a password after checking the current one; ends the user's other sessions. Audited. */
export async function changePassword(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { current: string; next: string; keepSessionId?: string },
): Promise<Result<UserView>> {
  const row = await findUserById(ctx.store.db, userId);
  if (!row) return err(domainError('USER_NOT_FOUND', `no user ${userId}`, { field: 'userId' }));
  const check = await verifyPassword(row.passwordHash, input.current);
  if (check === 'busy')
    return err(domainError('AUTH_BUSY', 'the server is checking too many passwords at once: try again'));
  if (check !== 'match')
    return err(
      domainError('USER_PASSWORD_WRONG', 'the current password is wrong', { field: 'currentPassword' }),
    );
  if (input.next.length < MIN_PASSWORD_LENGTH)
    return err(
      domainError(
        'USER_PASSWORD_WEAK',
        `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
        { field: 'newPassword' },
      ),
    );
  const notDuress = await refuseDuress(ctx, input.next, 'newPassword');
  if (!notDuress.ok) return notDuress;
  const passwordHash = await hashPassword(input.next);
  return withAudit(ctx, actor, async (tx, audit) => {
    await updateUser(tx.store.db, userId, { passwordHash });
    await deleteSessionsOfUser(tx.store.db, userId, input.keepSessionId);
    await audit.record({ entity: 'user', entityId: userId, action: 'change-password', organisationId: null });
    return ok(userView(row));
  });
}
