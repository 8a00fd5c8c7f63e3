import {
  domainError,
  err,
  isRole,
  ok,
  roleAllows,
  type Permission,
  type Result,
  type Role,
  type Viewer,
} from '@civic/core';
import { listMembershipsOfUser, listNetworkPeers } from '@civic/store';
import type { AppContext } from '../context.ts';
import type { UserView } from './users.ts';

export interface Membership {
  readonly organisationId: string;
  readonly organisationName: string;
  readonly role: Role;
}

/** Who is asking: the signed-in user, their memberships, and what their networks share with them. */
export interface Principal extends Viewer {
  readonly user: UserView;
  readonly sessionId: string;
  readonly memberships: readonly Membership[];
}

/**
 * Loads a user's memberships and network peers (the `Viewer` half of a principal). Two small
 * queries: on SQLite they cost half of one UNION of both (measured), on PostgreSQL about the same.
 */
export async function loadAccess(
  ctx: AppContext,
  userId: string,
): Promise<{ memberships: Membership[]; organisationIds: string[]; networkOrganisationIds: string[] }> {
  const rows = await listMembershipsOfUser(ctx.store.db, userId);
  const memberships = rows.flatMap((r) =>
    isRole(r.role)
      ? [{ organisationId: r.organisationId, organisationName: r.organisationName, role: r.role }]
      : [],
  );
  const organisationIds = memberships.map((m) => m.organisationId);
  const networkOrganisationIds = await listNetworkPeers(ctx.store.db, organisationIds);
  return { memberships, organisationIds, networkOrganisationIds };
}

/**
 * The tenant guard: may `principal` do `permission` in organisation `organisationId`?
 * Not a member → ORG_NOT_FOUND (404: the organisation's existence is not confirmed to outsiders);
 * a member whose role lacks the permission → AUTH_FORBIDDEN (403).
 */
export function authoriseOrg(
  principal: Pick<Principal, 'memberships'>,
  organisationId: string,
  permission: Permission,
): Result<Membership> {
  const m = principal.memberships.find((x) => x.organisationId === organisationId);
  if (!m) return err(domainError('ORG_NOT_FOUND', 'no such organisation', { field: 'orgId' }));
  if (!roleAllows(m.role, permission))
    return err(
      domainError('AUTH_FORBIDDEN', `the role ${m.role} does not allow ${permission}`, {
        details: { permission, role: m.role },
      }),
    );
  return ok(m);
}
