import type { CalendarDate } from '../calendar-date.ts';
import type { Money } from '../money.ts';

/** The kinds of authority action a case groups (DESIGN.md, capability 4). */
export const CASE_ACTION_KINDS = [
  'notice',
  'summons',
  'inspection',
  'protocol',
  'ruling',
  'suspension',
  'appeal',
  'court-decision',
  'withdrawal',
  /** The fine paid: its day is the action's `servedOn` (the day the money reached the authority), the sum its penalty.amount. */
  'payment',
] as const;
export type CaseActionKind = (typeof CASE_ACTION_KINDS)[number];

export const isCaseActionKind = (s: string): s is CaseActionKind =>
  (CASE_ACTION_KINDS as readonly string[]).includes(s);

/**
 * The nature of an allegation, as the lawyer records it: it tells the records check what would
 * contradict it (a filing on time contradicts `not-filed` and `late`; a report whose recorded hash
 * still matches the ledger contradicts `inaccurate`).
 */
export const ALLEGATION_KINDS = ['not-filed', 'late', 'inaccurate', 'other'] as const;
export type AllegationKind = (typeof ALLEGATION_KINDS)[number];

/** What the authority says was done wrong. */
export interface AllegedOffence {
  /** The conduct alleged, in the authority's words or a summary. */
  readonly what: string | null;
  /** Which report, notification or receipt it concerns (e.g. "F.018.00 for 2018"). */
  readonly reference: string | null;
  readonly committedOn: CalendarDate | null;
  /** The offence may be continuing (limitation then may count from discovery). */
  readonly continuing: boolean;
  readonly discoveredOn: CalendarDate | null;
  readonly alleges: AllegationKind | null;
}

export interface ActionPenalty {
  /** The fine in MCI units as the ruling states it. */
  readonly mci: number | null;
  /** The fine imposed, in minor units. */
  readonly amount: Money | null;
  readonly suspensionMonths: number | null;
}

/** A document attached to an action: its name, sha256 (hex) and size; the bytes live in the store. */
export interface CaseDocument {
  readonly id: string;
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string | null;
}

/**
 * What a court decision did to the ruling: `annulled` (undoes the penalty), `upheld` (keeps it),
 * `changed` (replaces it with the decision's own penalty), `returned` (sent back for new
 * consideration: the penalty stands until decided again) or `unknown` (kept, and any result
 * resting on it says the outcome is unknown).
 */
export const COURT_OUTCOMES = ['annulled', 'upheld', 'changed', 'returned', 'unknown'] as const;
export type CourtOutcome = (typeof COURT_OUTCOMES)[number];

/** One action of an authority in a case. Dates are legal days. */
export interface CaseAction {
  readonly id: string;
  readonly caseId: string;
  readonly kind: CaseActionKind;
  readonly authority: string | null;
  readonly office: string | null;
  readonly place: string | null;
  readonly servedOn: CalendarDate | null;
  readonly proceedingsStartedOn: CalendarDate | null;
  readonly hearingOn: CalendarDate | null;
  readonly rulingOn: CalendarDate | null;
  readonly inForceOn: CalendarDate | null;
  /** For a suspension: the day it ends, when the ruling names one. */
  readonly suspendedUntil: CalendarDate | null;
  /** For a court decision: its outcome (`unknown` when the record does not say); null otherwise. */
  readonly outcome: CourtOutcome | null;
  /** False when a court decision's outcome was missing and read as unknown (a warning is given). */
  readonly outcomeGiven?: boolean;
  /** A ruling's number as it is written on it, and the official who issued it (null when unknown). */
  readonly number?: string | null;
  readonly official?: string | null;
  readonly article: string | null;
  readonly tier: string | null;
  /** The kind of offender the pack's fines are keyed by (e.g. "legal-entity"). */
  readonly offender: string | null;
  readonly offence: AllegedOffence | null;
  readonly penalty: ActionPenalty | null;
  readonly documents: readonly CaseDocument[];
  readonly notes: string | null;
  /** True when some fact of the action is not from a public source (demo data). */
  readonly illustrative: boolean;
}

export const CASE_LINK_KINDS = [
  'receipt',
  'expenditure',
  'grant',
  'filing',
  'submission',
  'notification',
  'log-entry',
  'other',
] as const;
export type CaseLinkKind = (typeof CASE_LINK_KINDS)[number];

/** A ledger record or filing the case concerns. */
export interface CaseLink {
  readonly kind: CaseLinkKind;
  readonly targetId: string;
  readonly note: string | null;
}

export type CaseStatus = 'open' | 'closed';

/** One matter: the actions of an authority against one organisation, checked against one pack. */
export interface LegalCase {
  readonly id: string;
  readonly organisationId: string;
  readonly title: string;
  /** The rule pack the case is checked against (e.g. "kz"). */
  readonly pack: string;
  readonly status: CaseStatus;
  readonly openedOn: CalendarDate | null;
  readonly notes: string | null;
  readonly illustrative: boolean;
  readonly actions: readonly CaseAction[];
  readonly links: readonly CaseLink[];
}

/** The action kinds that end a matter in the organisation's favour when they come last. */
export const CLOSING_ACTION_KINDS: readonly CaseActionKind[] = ['withdrawal', 'court-decision'];
