import type { AppContext, TsaConfig } from '@civic/app';
import type { FastifyInstance } from 'fastify';
import type { DecoyHost } from '../http/decoy-host.ts';
import type { InstanceLockWatch } from '../http/instance-lock-watch.ts';
import type { LoginThrottle } from '../http/login-throttle.ts';

/** What route modules receive. */
export interface ServerDeps {
  readonly ctx: AppContext;
  readonly throttle: LoginThrottle;
  /** Set the session cookie with `Secure` (behind TLS). */
  readonly secureCookies: boolean;
  /** The folder of scheduled backups, when the server makes them. */
  readonly backupDir?: string | undefined;
  /** The decoy a duress sign-in opens (issue 15). */
  readonly decoy: DecoyHost;
  /** This server's side of "lock now". */
  readonly lock: InstanceLockWatch;
  /** SMTP_URL, APP_URL and MAIL_FROM, for e-mailing queued notifications on a user's request. */
  readonly mail?: MailSettings | undefined;
  /** TSA_URL: the RFC 3161 authority that timestamps a bundle's head (none: bundles say so). */
  readonly tsa?: TsaConfig | undefined;
}

/** Where e-mail goes (no smtpUrl: messages stay in the app). */
export interface MailSettings {
  readonly smtpUrl?: string | undefined;
  readonly appUrl?: string | undefined;
  readonly from?: string | undefined;
}

/**
 * A group of routes (one capability). Each route declares `config.access` (see http/access.ts) and
 * a `schema` with its response; org-scoped routes live under `/api/v1/orgs/:orgId/...`.
 */
export type RouteModule = (app: FastifyInstance, deps: ServerDeps) => void;
