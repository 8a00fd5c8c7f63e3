import type { ColumnType } from 'kysely';
import type { Flag, Int } from './schema.ts';

/** A person who signs in. `email` is stored lower-cased and is unique. */
export interface AppUserTable {
  id: string;
  email: string;
  name: string;
  /** argon2id PHC string; never leaves the app layer. */
  password_hash: string;
  /** Base32 TOTP secret once the second factor is confirmed; null when it is off. */
  totp_secret: string | null;
  /** A secret being enrolled, not yet confirmed with a code. */
  totp_pending_secret: string | null;
  /** The last accepted TOTP time step: a code is never accepted twice. */
  totp_last_step: Int | null;
  locale: string;
  instance_admin: Flag;
  disabled: Flag;
  created_at: string;
}

/** A user's role in one organisation (the tenant). One role per user and organisation. */
export interface MembershipTable {
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: string;
  /** 1 when made; each role change adds one (2026-12-06-620-invitations-recovery-codes). */
  version: ColumnType<bigint, bigint | number | undefined, bigint | number>;
}

/** A signed-in session. `id` is the SHA-256 of the cookie token: the token itself is never stored. */
export interface UserSessionTable {
  id: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** The User-Agent it was opened from (2026-12-06-160-session-user-agent). */
  user_agent: string | null;
}

/** A network of organisations that share `network`-visibility records with each other. */
export interface NetworkTable {
  id: string;
  name: string;
  created_at: string;
}

export interface NetworkOrganisationTable {
  network_id: string;
  organisation_id: string;
}

/** One change: who, when, what, before and after (JSON text). Append-only. */
export interface AuditEventTable {
  id: string;
  occurred_at: string;
  actor_user_id: string | null;
  actor_label: string;
  organisation_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  /** 'web' or 'cli' (2026-12-06-150-audit-channel). */
  channel: string;
}

/**
 * A sign-in attempt reserved under one key (`addr:…` or `account:…`) before its password is
 * checked; deleted when it does not fail, kept (as a failure) when it does. `attempt` ties the
 * rows of one attempt together.
 */
export interface LoginAttemptTable {
  key: string;
  at: Int;
  attempt: string;
}

/** An invitation to join an organisation with a role (2026-12-06-620-invitations-recovery-codes). */
export interface MemberInvitationTable {
  id: string;
  /** SHA-256 of the link's token: the token itself is never stored. */
  token_hash: string;
  organisation_id: string;
  email: string;
  role: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
  /** When an admin cancelled it (2026-12-07-630-invitation-cancel); its link then answers so. */
  cancelled_at: string | null;
}

/** One recovery code of the second factor (SHA-256 of it); `used_at` once spent. */
export interface TotpRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface AccountTables {
  member_invitation: MemberInvitationTable;
  totp_recovery_code: TotpRecoveryCodeTable;
  login_attempt: LoginAttemptTable;
  app_user: AppUserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  network: NetworkTable;
  network_organisation: NetworkOrganisationTable;
  audit_event: AuditEventTable;
}
