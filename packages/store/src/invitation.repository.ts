import type { Kysely, Selectable } from 'kysely';
import type { MemberInvitationTable } from './accounts.tables.ts';
import type { Database } from './schema.ts';

export interface InvitationRow {
  readonly id: string;
  readonly tokenHash: string;
  readonly organisationId: string;
  readonly email: string;
  readonly role: string;
  readonly invitedBy: string | null;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly acceptedAt: string | null;
  readonly acceptedUserId: string | null;
  readonly cancelledAt: string | null;
}

export type NewInvitation = Omit<InvitationRow, 'acceptedAt' | 'acceptedUserId' | 'cancelledAt'>;

const toRow = (r: Selectable<MemberInvitationTable>): InvitationRow => ({
  id: r.id,
  tokenHash: r.token_hash,
  organisationId: r.organisation_id,
  email: r.email,
  role: r.role,
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  acceptedUserId: r.accepted_user_id,
  cancelledAt: r.cancelled_at ?? null,
});

export async function insertInvitation(db: Kysely<Database>, i: NewInvitation): Promise<void> {
  await db
    .insertInto('member_invitation')
    .values({
      id: i.id,
      token_hash: i.tokenHash,
      organisation_id: i.organisationId,
      email: i.email.trim().toLowerCase(),
      role: i.role,
      invited_by: i.invitedBy,
      created_at: i.createdAt,
      expires_at: i.expiresAt,
      accepted_at: null,
      accepted_user_id: null,
      cancelled_at: null,
    })
    .execute();
}

export async function findInvitationByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<InvitationRow | undefined> {
  const r = await db
    .selectFrom('member_invitation')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return r && toRow(r);
}

/** Invitations of an organisation not yet accepted and not expired at `now`, newest first. */
export async function listOpenInvitations(
  db: Kysely<Database>,
  organisationId: string,
  now: string,
): Promise<InvitationRow[]> {
  const rows = await db
    .selectFrom('member_invitation')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(toRow);
}

/**
 * Marks an invitation accepted; true only for the first caller (an accepted one is never taken
 * twice, even by two requests at once).
 */
export async function markInvitationAccepted(
  db: Kysely<Database>,
  id: string,
  userId: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('member_invitation')
    .set({ accepted_at: at, accepted_user_id: userId })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** One invitation of an organisation by its id (an id of another organisation's is not found). */
export async function findInvitation(
  db: Kysely<Database>,
  organisationId: string,
  id: string,
): Promise<InvitationRow | undefined> {
  const r = await db
    .selectFrom('member_invitation')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r && toRow(r);
}

/** Marks a pending invitation cancelled; true only when it was pending (not accepted or cancelled). */
export async function markInvitationCancelled(
  db: Kysely<Database>,
  id: string,
  at: string,
): Promise<boolean> {
  const r = await db
    .updateTable('member_invitation')
    .set({ cancelled_at: at })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Gives a pending invitation a new token (its hash) and a new expiry: the old link stops working at
 * once. True only when it was pending.
 */
export async function replaceInvitationToken(
  db: Kysely<Database>,
  id: string,
  change: { readonly tokenHash: string; readonly expiresAt: string },
): Promise<boolean> {
  const r = await db
    .updateTable('member_invitation')
    .set({ token_hash: change.tokenHash, expires_at: change.expiresAt })
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
