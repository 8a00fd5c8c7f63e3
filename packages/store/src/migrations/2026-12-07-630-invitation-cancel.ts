import type { Kysely } from 'kysely';

// An admin may cancel a pending invitation (issue 13): the row stays, marked with when it was
// cancelled, so its link answers "cancelled" (not "unknown") and the audit trail keeps its history.
// Resending replaces the token's hash in place, so the old link stops working.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('member_invitation').addColumn('cancelled_at', 'text').execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('member_invitation').dropColumn('cancelled_at').execute();
}
