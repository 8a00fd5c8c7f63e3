import { domainError, err, ok, type Result } from '@civic/core';
import {
  findInvitation,
  findOrganisation,
  markInvitationCancelled,
  replaceInvitationToken,
  type InvitationRow,
} from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { invitationExpiry, newInvitationToken, sha256, viewOf, type InvitationView } from './invitations.ts';

/** Which invitation: its organisation (the admin's) and its id. */
export interface InvitationRef {
  readonly organisationId: string;
  readonly invitationId: string;
}

/** An invitation of the organisation still pending: not accepted and not cancelled. */
async function pending(ctx: AppContext, ref: InvitationRef): Promise<Result<InvitationRow>> {
  const row = await findInvitation(ctx.store.db, ref.organisationId, ref.invitationId);
  if (!row) return err(domainError('INVITATION_NOT_FOUND', 'no such invitation', { field: 'invitationId' }));
  if (row.acceptedAt !== null)
    return err(
      domainError('INVITATION_USED', 'this invitation was accepted already', { field: 'invitationId' }),
    );
  if (row.cancelledAt !== null)
    return err(
      domainError('INVITATION_CANCELLED', 'this invitation was cancelled', { field: 'invitationId' }),
    );
  return ok(row);
}

const refused = (): Result<never> =>
  err(domainError('INVITATION_USED', 'this invitation is no longer pending', { field: 'invitationId' }));

/**
 * Cancels a pending invitation (issue 13): its link then answers INVITATION_CANCELLED in the
 * reader's language. Audited with before and after; an accepted or cancelled one is refused.
 */
export async function cancelInvitation(
  ctx: AppContext,
  actor: Actor,
  ref: InvitationRef,
): Promise<Result<InvitationView & { readonly cancelledAt: string }>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    const row = await pending(tx, ref);
    if (!row.ok) return row;
    const at = ctx.now().toISOString();
    if (!(await markInvitationCancelled(tx.store.db, row.value.id, at))) return refused();
    const before = viewOf(row.value);
    const after = { ...before, cancelledAt: at };
    await audit.record({
      entity: 'invitation',
      entityId: row.value.id,
      action: 'cancel-invitation',
      organisationId: ref.organisationId,
      before,
      after,
    });
    return ok(after);
  });
}

/**
 * Sends a pending (or expired, never accepted) invitation again: a new token and seven days from
 * now; the old link stops working at once. The caller mails or shows the new link. Audited.
 */
export async function resendInvitation(
  ctx: AppContext,
  actor: Actor,
  ref: InvitationRef,
): Promise<Result<{ invitation: InvitationView; token: string; organisationName: string }>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    const row = await pending(tx, ref);
    if (!row.ok) return row;
    const org = await findOrganisation(tx.store.db, ref.organisationId);
    if (!org) return err(domainError('ORG_NOT_FOUND', 'no such organisation', { field: 'orgId' }));
    const token = newInvitationToken();
    const expiresAt = invitationExpiry(ctx.now());
    if (!(await replaceInvitationToken(tx.store.db, row.value.id, { tokenHash: sha256(token), expiresAt })))
      return refused();
    const before = viewOf(row.value);
    const invitation = { ...before, expiresAt };
    await audit.record({
      entity: 'invitation',
      entityId: row.value.id,
      action: 'resend-invitation',
      organisationId: ref.organisationId,
      before,
      after: invitation,
    });
    return ok({ invitation, token, organisationName: org.name });
  });
}
