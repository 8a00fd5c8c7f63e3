import type { CalendarDate } from './calendar-date.ts';

/** The controlled vocabulary of action types for incidents (monitoring). */
export const ACTION_TYPES = [
  'notice',
  'summons',
  'inspection',
  'protocol',
  'fine',
  'suspension',
  'registration-denied',
  'search',
  'detention',
  'court-decision',
  'withdrawal',
  'warning',
  'liquidation',
  'travel-ban',
  'account-freeze',
  'other',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export type Visibility = 'private' | 'network' | 'public';

export interface IncidentSource {
  readonly url: string;
  readonly title?: string;
  readonly date?: CalendarDate;
}

/** One incident of pressure on civic space, as monitors record it. */
export interface Incident {
  readonly id: string;
  readonly date: CalendarDate;
  /** Last day when the incident spans a range; equal to `date` otherwise. */
  readonly dateTo: CalendarDate;
  readonly organisation: string;
  /** The organisation's id in this database, when it is one of ours. */
  readonly organisationId: string | null;
  readonly place: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly country: string;
  /** Region (admin1) when known from the gazetteer. */
  readonly region: string | null;
  readonly authority: string | null;
  readonly office: string | null;
  readonly action: ActionType;
  /** Article and part, e.g. "CoAO 460-1 part 2". */
  readonly legalBasis: string | null;
  readonly penaltyMci: number | null;
  readonly suspensionMonths: number | null;
  readonly outcome: string | null;
  readonly sources: readonly IncidentSource[];
  readonly notes: string | null;
  readonly visibility: Visibility;
  /**
   * The organisation that recorded the incident and owns it (who sees it when `private`); null
   * or absent for an incident without an owner (imported public data).
   */
  readonly ownerOrganisationId?: string | null;
}

/** An incident before it is stored: everything but the id. */
export type IncidentInput = Omit<Incident, 'id'>;

export const VISIBILITIES = ['private', 'network', 'public'] as const;

export function isVisibility(text: string): text is Visibility {
  return (VISIBILITIES as readonly string[]).includes(text);
}
