// The coverage table's vocabulary (imported by route-coverage.test.ts and the tables only): a route's
// cases — happy path, bad input, no session, wrong role, other tenant — each a request to make and
// the answer to expect, a pointer to an existing test that covers it, or "does not apply" with a reason.
import type { LightMyRequestResponse } from 'fastify';
import type { CoverageFixture, Who } from './coverage-fixture.ts';

export interface Case {
  /** Who asks (a signed-in demo account, an outsider, a fresh session of a spare account, or nobody). */
  readonly as: Who;
  /** Path parameters over the fixture's defaults (`:orgId` → Echo, `:caseId` → an Echo case, …). */
  readonly params?: (f: CoverageFixture) => Readonly<Record<string, string>>;
  /** The query string, without `?`. */
  readonly query?: string | ((f: CoverageFixture) => string);
  readonly body?: unknown;
  readonly bodyOf?: (f: CoverageFixture) => unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** State this case needs that a previous case must not be relied on for. */
  readonly setup?: (f: CoverageFixture) => Promise<void>;
  readonly status: number;
  /** The error code of an error answer (required when status >= 400). */
  readonly code?: string;
  /** The field the error names. */
  readonly field?: string;
  /** Key fields of the answer. */
  readonly check?: (res: LightMyRequestResponse, f: CoverageFixture) => void | Promise<void>;
}

/** The case does not apply to this route; the reason says why. */
export interface NotApplicable {
  readonly na: string;
}

/** Covered by an existing test: the file (relative to packages/server/src) and the test's title. */
export interface SeeTest {
  readonly see: string;
  readonly test: string;
}

export type Cell = Case | readonly Case[] | NotApplicable | SeeTest;

export interface RouteCases {
  readonly happy: Cell;
  /** 400 with a code and the field at fault. */
  readonly badInput: Cell;
  /** 401 AUTH_REQUIRED without a session. */
  readonly noSession: Cell;
  /** 403 AUTH_FORBIDDEN for a role (or account) without the right. */
  readonly wrongRole: Cell;
  /** 404 (or nothing of theirs shown) for a caller from another organisation. */
  readonly otherTenant: Cell;
}

export const COLUMNS = [
  'happy',
  'badInput',
  'noSession',
  'wrongRole',
  'otherTenant',
] as const satisfies readonly (keyof RouteCases)[];

/** Keyed "METHOD /api/v1/path/:param" exactly as Fastify registers the route. */
export type CoverageTable = Readonly<Record<string, RouteCases>>;

export const na = (reason: string): NotApplicable => ({ na: reason });
export const see = (file: string, test: string): SeeTest => ({ see: file, test });
export const isNa = (c: Cell): c is NotApplicable => 'na' in c;
export const isSee = (c: Cell): c is SeeTest => 'see' in c;
export const casesOf = (c: Cell): readonly Case[] =>
  isNa(c) || isSee(c) ? [] : Array.isArray(c) ? (c as readonly Case[]) : [c as Case];

/** No session: every non-public route answers 401 AUTH_REQUIRED before anything else. */
export const ANON: Case = { as: 'anonymous', status: 401, code: 'AUTH_REQUIRED' };
/** A caller who is admin of another organisation only: the organisation is as unknown as a missing one. */
export const OUTSIDER: Case = { as: 'outsider', status: 404, code: 'ORG_NOT_FOUND' };
export const PUBLIC = na('public route: answers without a session by design');
export const OWN_ACCOUNT = na(
  'acts on the caller\u2019s own account: no organisation or other user in the request',
);
export const NO_INPUT = na('takes no input (no body, query or path parameter)');
export const ORG_ONLY_INPUT = na(
  'its only input is :orgId, which the guard resolves first (404 ORG_NOT_FOUND for any id the caller is not a member of: see otherTenant)',
);

/** 400 REQUEST_INVALID (or `code`) naming `field`. */
export function bad(
  as: Who,
  field: string,
  input: Pick<Case, 'query' | 'body' | 'params' | 'headers'>,
  code = 'REQUEST_INVALID',
): Case {
  return { as, ...input, status: 400, code, field };
}

/** 403 AUTH_FORBIDDEN. */
export function forbidden(as: Who, input: Pick<Case, 'query' | 'body' | 'params' | 'headers'> = {}): Case {
  return { as, ...input, status: 403, code: 'AUTH_FORBIDDEN' };
}

/** A path parameter longer than the schemas allow (100 characters). */
export const LONG_ID = 'x'.repeat(150);
