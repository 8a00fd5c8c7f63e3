import type { Kysely } from 'kysely';

// Issue 13, people: an organisation admin invites someone by e-mail with a role (the token's SHA-256
// is stored, never the token; the invitation expires), and the second factor's one-time recovery
// codes (their SHA-256 only; a used code keeps its row with `used_at`); and a version per membership,
// so a role change names the version it was made from (optimistic concurrency, as ledger records).
// Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('membership')
    .addColumn('version', 'bigint', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('member_invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('organisation_id', 'text', (c) => c.notNull().references('organisation.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_user_id', 'text')
    .execute();
  await db.schema
    .createIndex('member_invitation_org')
    .on('member_invitation')
    .columns(['organisation_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('totp_recovery_code')
    .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addPrimaryKeyConstraint('totp_recovery_code_pk', ['user_id', 'code_hash'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('totp_recovery_code').execute();
  await db.schema.dropTable('member_invitation').execute();
  await db.schema.alterTable('membership').dropColumn('version').execute();
}
