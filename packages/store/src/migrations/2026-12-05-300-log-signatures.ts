import type { Kysely } from 'kysely';

// Issue 12, defect 5: each organisation's Ed25519 signing key (the private half sealed, see
// docs/security.md) and the signature of every chain head. Signatures sit beside the log rather
// than in it: the log's rows are append-only (no UPDATE), and the heads of a chain written before
// its organisation had a key are signed when the key is made. Migrations take Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('org_signing_key')
    .addColumn('organisation', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('sealed_private_key', 'text', (c) => c.notNull())
    .addColumn('sealed_with', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('log_signature')
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('log_signature_pk', ['organisation', 'seq'])
    .execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('log_signature').execute();
  await db.schema.dropTable('org_signing_key').execute();
}
