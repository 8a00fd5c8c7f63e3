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
import { listMembershipsOfUser, listNetworkPeers, type SessionAccessRows } from '@civic/store';
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

/** What a principal knows of its user's access: its memberships and its networks' organisations. */
export interface Access {
  readonly memberships: Membership[];
  readonly organisationIds: string[];
  readonly networkOrganisationIds: string[];
}

/**
 * Loads a user's memberships and network peers (the `Viewer` half of a principal). Two small
 * queries: on SQLite they cost half of one UNION of both (measured), and the session cache serves
 * them there; PostgreSQL reads them with the session in one query (`accessOf`).
 */
export async function loadAccess(ctx: AppContext, userId: string): Promise<Access> {
  const { memberships, organisationIds } = membershipsOf(await listMembershipsOfUser(ctx.store.db, userId));
  const networkOrganisationIds = await listNetworkPeers(ctx.store.db, organisationIds);
  return { memberships, organisationIds, networkOrganisationIds };
}

/**
 * The access `loadAccess` reads, from rows read with the session (`findSessionAccessPg`): the
 * memberships with a known role, and the organisations sharing a network with one of them.
 */
export function accessOf(rows: SessionAccessRows): Access {
  const { memberships, organisationIds } = membershipsOf(rows.memberships);
  const mine = new Set(organisationIds);
  const peers = new Set<string>();
  for (const [own, peer] of rows.networkLinks) if (mine.has(own)) peers.add(peer);
  return { memberships, organisationIds, networkOrganisationIds: [...peers].sort() };
}

function membershipsOf(
  rows: SessionAccessRows['memberships'],
): Pick<Access, 'memberships' | 'organisationIds'> {
  const memberships = rows.flatMap((r) =>
    isRole(r.role)
      ? [{ organisationId: r.organisationId, organisationName: r.organisationName, role: r.role }]
      : [],
  );
  return { memberships, organisationIds: memberships.map((m) => m.organisationId) };
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
