/**
 * Roles per organisation and what each may do. This table is the single source of the access rules
 * that the server's guard enforces and that docs/security.md prints; the web app reads it to hide
 * what a role cannot use (the server still decides).
 */
export const ROLES = ['admin', 'accountant', 'lawyer', 'monitor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'org:read',
  'members:manage',
  'audit:read',
  'ledger:read',
  'ledger:write',
  'filings:read',
  'filings:write',
  'cases:read',
  'cases:write',
  'incidents:read',
  'incidents:write',
  'incidents:publish',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

/** Which role may do what inside its own organisation. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: ALL,
  accountant: [
    'org:read',
    'ledger:read',
    'ledger:write',
    'filings:read',
    'filings:write',
    'cases:read',
    'incidents:read',
  ],
  lawyer: [
    'org:read',
    'ledger:read',
    'filings:read',
    'cases:read',
    'cases:write',
    'incidents:read',
    'incidents:write',
  ],
  monitor: ['org:read', 'cases:read', 'incidents:read', 'incidents:write', 'incidents:publish'],
  viewer: ['org:read', 'ledger:read', 'filings:read', 'cases:read', 'incidents:read'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** Whether `role` grants `permission` (in the organisation the role belongs to). */
export function roleAllows(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Who may see a record with a visibility (incidents, briefs): the contract of `network` and `public`. */
export type RecordVisibility = 'private' | 'network' | 'public';

export interface Viewer {
  /** Organisations the user is a member of (any role that has `incidents:read`). */
  readonly organisationIds: readonly string[];
  /** Organisations that share a network with one of the user's organisations. */
  readonly networkOrganisationIds: readonly string[];
}

/**
 * Whether a viewer may read a record owned by `ownerOrganisationId` (null: owned by no
 * organisation, e.g. an incident a monitor entered about an outside group) with `visibility`:
 * `public` — anyone signed in; `network` — members of the owner and of organisations sharing a
 * network with it; `private` — members of the owner only. A record with no owner is treated as
 * `public` unless it is `private`, in which case nobody but an instance admin sees it.
 */
export function canSeeRecord(
  viewer: Viewer,
  ownerOrganisationId: string | null,
  visibility: RecordVisibility,
): boolean {
  if (visibility === 'public') return true;
  if (ownerOrganisationId === null) return false;
  if (viewer.organisationIds.includes(ownerOrganisationId)) return true;
  return visibility === 'network' && viewer.networkOrganisationIds.includes(ownerOrganisationId);
}
