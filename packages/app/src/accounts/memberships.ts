import { domainError, err, isRole, ok, type Result, type Role } from '@civic/core';
import {
  changeMembershipRole,
  deleteMembership,
  findOrganisation,
  findUserByEmail,
  listMembersOfOrganisation,
  upsertMembership,
  type MemberRow,
} from '@civic/store';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';

export interface Member {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly since: string;
  /** 1 when added; each role change adds one (a change names the version it was made from). */
  readonly version: number;
}

const toMember = (m: MemberRow): Member[] =>
  isRole(m.role)
    ? [
        {
          userId: m.userId,
          email: m.email,
          name: m.name,
          role: m.role,
          since: m.createdAt,
          version: m.version,
        },
      ]
    : [];

export async function listMembers(ctx: AppContext, organisationId: string): Promise<Member[]> {
  return (await listMembersOfOrganisation(ctx.store.db, organisationId)).flatMap(toMember);
}

/**
 * Gives the account with `email` a role in the organisation (or changes the role it has).
 * The organisation must keep at least one admin. Audited in the organisation's trail.
 */
export async function grantMembership(
  ctx: AppContext,
  actor: Actor,
  input: { organisationId: string; email: string; role: string },
): Promise<Result<Member>> {
  const role = input.role;
  if (!isRole(role))
    return err(domainError('MEMBER_ROLE_INVALID', `"${role}" is not a role`, { field: 'role' }));
  return withAudit(ctx, actor, async (tx, audit) => {
    if (!(await findOrganisation(tx.store.db, input.organisationId)))
      return err(domainError('ORG_NOT_FOUND', 'no such organisation', { field: 'orgId' }));
    const user = await findUserByEmail(tx.store.db, input.email);
    if (!user)
      return err(domainError('USER_NOT_FOUND', `no account with e-mail ${input.email}`, { field: 'email' }));
    const members = await listMembers(tx, input.organisationId);
    const before = members.find((m) => m.userId === user.id);
    if (
      before?.role === 'admin' &&
      role !== 'admin' &&
      members.filter((m) => m.role === 'admin').length === 1
    ) {
      return err(
        domainError('MEMBER_LAST_ADMIN', 'an organisation must keep at least one admin', { field: 'role' }),
      );
    }
    await upsertMembership(tx.store.db, {
      userId: user.id,
      organisationId: input.organisationId,
      role,
      createdAt: ctx.now().toISOString(),
    });
    const after = (await listMembers(tx, input.organisationId)).find((m) => m.userId === user.id);
    if (!after) throw new Error('membership vanished after upsert');
    await audit.record({
      entity: 'membership',
      entityId: `${input.organisationId}:${user.id}`,
      action: before ? 'update' : 'create',
      organisationId: input.organisationId,
      ...(before ? { before } : {}),
      after,
    });
    return ok(after);
  });
}

const LAST_ADMIN = (field: string) =>
  err(domainError('MEMBER_LAST_ADMIN', 'an organisation must keep at least one admin', { field }));

/**
 * Changes a member's role. The organisation keeps at least one admin: its last admin cannot demote
 * themselves (or be demoted). Audited with the member before and after.
 */
export async function changeMemberRole(
  ctx: AppContext,
  actor: Actor,
  input: { organisationId: string; userId: string; role: string; version?: number | undefined },
): Promise<Result<Member>> {
  const role = input.role;
  if (!isRole(role))
    return err(domainError('MEMBER_ROLE_INVALID', `"${role}" is not a role`, { field: 'role' }));
  return withAudit(ctx, actor, async (tx, audit) => {
    const members = await listMembers(tx, input.organisationId);
    const before = members.find((m) => m.userId === input.userId);
    if (!before)
      return err(domainError('MEMBER_NOT_FOUND', 'not a member of this organisation', { field: 'userId' }));
    const stale = () =>
      err(
        domainError('MEMBER_VERSION_CONFLICT', 'someone else changed this member since it was read', {
          field: 'version',
        }),
      );
    if (input.version !== undefined && input.version !== before.version) return stale();
    if (before.role === role) return ok(before);
    if (before.role === 'admin' && members.filter((m) => m.role === 'admin').length === 1)
      return LAST_ADMIN('role');
    const changed = await changeMembershipRole(tx.store.db, {
      userId: input.userId,
      organisationId: input.organisationId,
      role,
      fromVersion: before.version,
    });
    if (!changed) return stale();
    const after: Member = { ...before, role, version: before.version + 1 };
    await audit.record({
      entity: 'membership',
      entityId: `${input.organisationId}:${input.userId}`,
      action: 'role-change',
      organisationId: input.organisationId,
      before,
      after,
    });
    return ok(after);
  });
}

/**
 * Removes a member from an organisation (never its last admin). Audited. The removal takes effect
 * on the member's very next request (memberships are read per request, never served stale from
 * the session cache); their session stays, for the other organisations they belong to.
 */
export async function revokeMembership(
  ctx: AppContext,
  actor: Actor,
  input: { organisationId: string; userId: string },
): Promise<Result<Member>> {
  return withAudit(ctx, actor, async (tx, audit) => {
    const members = await listMembers(tx, input.organisationId);
    const before = members.find((m) => m.userId === input.userId);
    if (!before)
      return err(domainError('MEMBER_NOT_FOUND', 'not a member of this organisation', { field: 'userId' }));
    if (before.role === 'admin' && members.filter((m) => m.role === 'admin').length === 1)
      return err(
        domainError('MEMBER_LAST_ADMIN', 'an organisation must keep at least one admin', { field: 'userId' }),
      );
    await deleteMembership(tx.store.db, input.userId, input.organisationId);
    await audit.record({
      entity: 'membership',
      entityId: `${input.organisationId}:${input.userId}`,
      action: 'delete',
      organisationId: input.organisationId,
      before,
    });
    return ok(before);
  });
}
