import { createHash, randomBytes } from 'node:crypto';
import { domainError, err, isRole, ok, type Result, type Role } from '@civic/core';
import {
  findInvitationByTokenHash,
  findOrganisation,
  findUserByEmail,
  findUserById,
  insertInvitation,
  insertUser,
  listOpenInvitations,
  markInvitationAccepted,
  upsertMembership,
  type InvitationRow,
} from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { grantMembership, listMembers, type Member } from './memberships.ts';
import { hashPassword } from './passwords.ts';
import { openSession, type OpenedSession } from './sessions.ts';
import { checkNewUser, isEmailAddress, refuseDuress, userView } from './users.ts';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** An invitation as an admin sees it (never the token's hash). */
export interface InvitationView {
  readonly id: string;
  readonly email: string;
  readonly role: Role;
  readonly createdAt: string;
  readonly expiresAt: string;
}

/** A link's one-time token (only its hash is stored). */
export const newInvitationToken = (): string => randomBytes(32).toString('base64url');

/** When an invitation made (or sent again) at `now` stops working. */
export const invitationExpiry = (now: Date): string =>
  new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000).toISOString();

export const viewOf = (r: InvitationRow): InvitationView => ({
  id: r.id,
  email: r.email,
  role: isRole(r.role) ? r.role : 'viewer',
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
});

/**
 * What inviting gives: an account that already exists joins at once (`added`, with its member row);
 * otherwise an invitation with its one-time `token` (shown or mailed as a link, stored as a hash).
 */
export type InviteOutcome =
  | { readonly status: 'added'; readonly member: Member }
  | {
      readonly status: 'invited';
      readonly invitation: InvitationView;
      readonly token: string;
      readonly organisationName: string;
    };

/** Invites `email` to the organisation with `role`. Audited (the token is never in the trail). */
export async function inviteMember(
  ctx: AppContext,
  actor: Actor,
  input: { organisationId: string; email: string; role: string },
): Promise<Result<InviteOutcome>> {
  const email = input.email.trim().toLowerCase();
  if (!isEmailAddress(email))
    return err(
      domainError('USER_EMAIL_INVALID', `"${input.email}" is not an e-mail address`, { field: 'email' }),
    );
  if (!isRole(input.role))
    return err(domainError('MEMBER_ROLE_INVALID', `"${input.role}" is not a role`, { field: 'role' }));
  const existing = await findUserByEmail(ctx.store.db, email);
  if (existing) {
    const members = await listMembers(ctx, input.organisationId);
    if (members.some((m) => m.userId === existing.id))
      return err(
        domainError('MEMBER_EXISTS', `${email} is already a member of this organisation`, {
          field: 'email',
        }),
      );
    const granted = await grantMembership(ctx, actor, { ...input, email });
    return granted.ok ? ok({ status: 'added' as const, member: granted.value }) : granted;
  }
  const role = input.role;
  const token = newInvitationToken();
  const now = ctx.now();
  const row: InvitationRow = {
    id: newId('inv'),
    tokenHash: sha256(token),
    organisationId: input.organisationId,
    email,
    role,
    invitedBy: actor.userId,
    createdAt: now.toISOString(),
    expiresAt: invitationExpiry(now),
    acceptedAt: null,
    acceptedUserId: null,
    cancelledAt: null,
  };
  return withAudit(ctx, actor, async (tx, audit) => {
    const org = await findOrganisation(tx.store.db, input.organisationId);
    if (!org) return err(domainError('ORG_NOT_FOUND', 'no such organisation', { field: 'orgId' }));
    await insertInvitation(tx.store.db, row);
    const invitation = viewOf(row);
    await audit.record({
      entity: 'invitation',
      entityId: row.id,
      action: 'invite',
      organisationId: input.organisationId,
      after: invitation,
    });
    return ok({ status: 'invited' as const, invitation, token, organisationName: org.name });
  });
}

/** The organisation's invitations not yet accepted and still valid, newest first. */
export async function openInvitations(ctx: AppContext, organisationId: string): Promise<InvitationView[]> {
  return (await listOpenInvitations(ctx.store.db, organisationId, ctx.now().toISOString())).map(viewOf);
}

/** What the invited person sees before accepting. */
export interface InvitationDetails {
  readonly email: string;
  readonly role: Role;
  readonly organisationName: string;
  readonly expiresAt: string;
}

async function usableInvitation(
  ctx: AppContext,
  token: string,
): Promise<Result<{ row: InvitationRow; details: InvitationDetails }>> {
  const row = token ? await findInvitationByTokenHash(ctx.store.db, sha256(token)) : undefined;
  if (!row) return err(domainError('INVITATION_NOT_FOUND', 'no such invitation', { field: 'token' }));
  if (row.acceptedAt !== null)
    return err(domainError('INVITATION_USED', 'this invitation was accepted already', { field: 'token' }));
  if (row.cancelledAt !== null)
    return err(domainError('INVITATION_CANCELLED', 'this invitation was cancelled', { field: 'token' }));
  if (Date.parse(row.expiresAt) <= ctx.now().getTime())
    return err(domainError('INVITATION_EXPIRED', 'this invitation has expired', { field: 'token' }));
  const org = await findOrganisation(ctx.store.db, row.organisationId);
  if (!org) return err(domainError('INVITATION_NOT_FOUND', 'no such invitation', { field: 'token' }));
  return ok({
    row,
    details: {
      email: row.email,
      role: viewOf(row).role,
      organisationName: org.name,
      expiresAt: row.expiresAt,
    },
  });
}

/** The invitation behind a link (for the page that accepts it). */
export async function invitationDetails(ctx: AppContext, token: string): Promise<Result<InvitationDetails>> {
  const r = await usableInvitation(ctx, token);
  return r.ok ? ok(r.value.details) : r;
}

/**
 * Accepts an invitation: creates the account with the invited e-mail and the password the person
 * sets, gives it the role, marks the invitation used (once only) and opens a session. Audited.
 */
export async function acceptInvitation(
  ctx: AppContext,
  input: { token: string; name: string; password: string; locale?: string; userAgent?: string },
): Promise<Result<OpenedSession & { readonly organisationId: string }>> {
  const found = await usableInvitation(ctx, input.token);
  if (!found.ok) return found;
  const { row } = found.value;
  const checked = checkNewUser({ ...input, email: row.email });
  if (!checked.ok) return checked;
  // An invited person's password may not be the instance's duress password either (issue 15).
  const notDuress = await refuseDuress(ctx, input.password, 'password');
  if (!notDuress.ok) return notDuress;
  const passwordHash = await hashPassword(input.password);
  const userId = newId('usr');
  const actor: Actor = { userId, label: row.email };
  const done = await withAudit(ctx, actor, async (tx, audit) => {
    if (await findUserByEmail(tx.store.db, row.email))
      return err(
        domainError('USER_EMAIL_TAKEN', `an account with e-mail ${row.email} already exists`, {
          field: 'email',
        }),
      );
    const at = ctx.now().toISOString();
    await insertUser(tx.store.db, { id: userId, ...checked.value, passwordHash, createdAt: at });
    if (!(await markInvitationAccepted(tx.store.db, row.id, userId, at)))
      return err(domainError('INVITATION_USED', 'this invitation was accepted already', { field: 'token' }));
    await upsertMembership(tx.store.db, {
      userId,
      organisationId: row.organisationId,
      role: row.role,
      createdAt: at,
    });
    const user = await findUserById(tx.store.db, userId);
    if (!user) throw new Error('user vanished after insert');
    await audit.record({
      entity: 'user',
      entityId: userId,
      action: 'create',
      organisationId: null,
      after: userView(user),
    });
    await audit.record({
      entity: 'invitation',
      entityId: row.id,
      action: 'accept-invitation',
      organisationId: row.organisationId,
      before: viewOf(row),
      after: { ...viewOf(row), acceptedAt: at, userId },
    });
    return ok(undefined);
  });
  if (!done.ok) return done;
  const session = await openSession(ctx, userId, input.userAgent);
  return ok({ ...session, organisationId: row.organisationId });
}
