import type { Kysely, Selectable, Updateable } from 'kysely';
import type { AppUserTable } from './accounts.tables.ts';
import type { Database } from './schema.ts';

export interface UserRow {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly totpSecret: string | null;
  readonly totpPendingSecret: string | null;
  readonly totpLastStep: bigint | null;
  readonly locale: string;
  readonly instanceAdmin: boolean;
  readonly disabled: boolean;
  readonly createdAt: string;
}

export interface NewUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly passwordHash: string;
  readonly locale: string;
  readonly instanceAdmin?: boolean;
  readonly createdAt: string;
}

export type UserChanges = Partial<
  Pick<
    UserRow,
    | 'name'
    | 'passwordHash'
    | 'totpSecret'
    | 'totpPendingSecret'
    | 'totpLastStep'
    | 'locale'
    | 'instanceAdmin'
    | 'disabled'
  >
>;

/** A user row as read from `app_user` (also for queries that join it). */
export function toUserRow(r: Selectable<AppUserTable>): UserRow {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    passwordHash: r.password_hash,
    totpSecret: r.totp_secret,
    totpPendingSecret: r.totp_pending_secret,
    totpLastStep: r.totp_last_step,
    locale: r.locale,
    instanceAdmin: Number(r.instance_admin) === 1,
    disabled: Number(r.disabled) === 1,
    createdAt: r.created_at,
  };
}

export async function insertUser(db: Kysely<Database>, u: NewUser): Promise<void> {
  await db
    .insertInto('app_user')
    .values({
      id: u.id,
      email: u.email.toLowerCase(),
      name: u.name,
      password_hash: u.passwordHash,
      totp_secret: null,
      totp_pending_secret: null,
      totp_last_step: null,
      locale: u.locale,
      instance_admin: u.instanceAdmin ? 1 : 0,
      disabled: 0,
      created_at: u.createdAt,
    })
    .execute();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  const r = await db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toUserRow(r);
}

/** Finds a user by e-mail, case-insensitively. */
export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<UserRow | undefined> {
  const r = await db
    .selectFrom('app_user')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  return r && toUserRow(r);
}

export async function listUsers(db: Kysely<Database>): Promise<UserRow[]> {
  const rows = await db.selectFrom('app_user').selectAll().orderBy('email').execute();
  return rows.map(toUserRow);
}

export async function updateUser(db: Kysely<Database>, id: string, c: UserChanges): Promise<void> {
  const set: Updateable<AppUserTable> = {};
  if (c.name !== undefined) set.name = c.name;
  if (c.passwordHash !== undefined) set.password_hash = c.passwordHash;
  if (c.totpSecret !== undefined) set.totp_secret = c.totpSecret;
  if (c.totpPendingSecret !== undefined) set.totp_pending_secret = c.totpPendingSecret;
  if (c.totpLastStep !== undefined) set.totp_last_step = c.totpLastStep;
  if (c.locale !== undefined) set.locale = c.locale;
  if (c.instanceAdmin !== undefined) set.instance_admin = c.instanceAdmin ? 1 : 0;
  if (c.disabled !== undefined) set.disabled = c.disabled ? 1 : 0;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('app_user').set(set).where('id', '=', id).execute();
}
