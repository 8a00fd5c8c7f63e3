import {
  incidentSearchParts,
  indexTerms,
  joinIndexTerms,
  organisationFilterKey,
  type IndexTerms,
} from '@civic/core';
import type { NewIncident } from './incident.repository.ts';

// The incident row as the bulk writer (incident-writer.ts) stores it: its columns, its values and
// the memoised search text and keys of texts that repeat across a file.

export const COLUMNS = [
  'id',
  'date',
  'date_to',
  'organisation',
  'organisation_key',
  'organisation_id',
  'place',
  'latitude',
  'longitude',
  'country',
  'region',
  'authority',
  'office',
  'action',
  'legal_basis',
  'legal_basis_key',
  'penalty_mci',
  'suspension_months',
  'outcome',
  'sources',
  'notes',
  'visibility',
  'owner_organisation_id',
  'source_action_id',
  'search_text',
  'created_at',
] as const;

/** The terms of repeated texts (organisation, place, authority…), memoised for a bulk write. */
export class SearchTextMemo {
  private readonly terms = new Map<string, IndexTerms>();
  /** Every term met (for the SQLite term list of prefix queries). */
  readonly vocabulary = new Set<string>();

  constructor(
    private readonly placeNames: (place: string) => readonly string[],
    private readonly organisationNames: (organisation: string) => readonly string[],
  ) {}

  text(incident: NewIncident): string {
    const parts = incidentSearchParts(incident, this.placeNames, this.organisationNames);
    return joinIndexTerms(
      parts.map((part, i) => {
        const last = i === parts.length - 1;
        const key = part.names ? `n\u0000${part.text}` : part.text;
        let t = last ? undefined : this.terms.get(key);
        if (t === undefined) {
          t = indexTerms(part.text, part.names);
          for (const term of t.terms) this.vocabulary.add(term);
          for (const term of t.extras) this.vocabulary.add(term);
          if (!last && this.terms.size < 100_000) this.terms.set(key, t);
        }
        return t;
      }),
    );
  }
}

/** Memoised keys of repeated values (organisation names, legal bases). */
export class KeyMemo {
  private readonly keys = new Map<string, string>();
  constructor(private readonly make: (text: string) => string) {}
  key(text: string): string {
    let k = this.keys.get(text);
    if (k === undefined) {
      k = this.make(text);
      if (this.keys.size < 100_000) this.keys.set(text, k);
    }
    return k;
  }
}

function sourcesJson(sources: NewIncident['sources']): string {
  if (sources.length === 0) return '[]';
  const only = sources[0];
  if (sources.length === 1 && only !== undefined && only.title === undefined && only.date === undefined)
    return `[{"url":${JSON.stringify(only.url)}}]`;
  return JSON.stringify(sources);
}

export function rowValues(
  i: NewIncident,
  searchText: string,
  keys: { organisation: KeyMemo; legalBasis: KeyMemo },
): unknown[] {
  return [
    i.id,
    i.date,
    i.dateTo,
    i.organisation,
    keys.organisation.key(i.organisation),
    i.organisationId,
    i.place,
    i.latitude,
    i.longitude,
    i.country,
    i.region,
    i.authority,
    i.office,
    i.action,
    i.legalBasis,
    i.legalBasis === null ? null : keys.legalBasis.key(i.legalBasis),
    i.penaltyMci,
    i.suspensionMonths,
    i.outcome,
    sourcesJson(i.sources),
    i.notes,
    i.visibility,
    i.ownerOrganisationId ?? null,
    i.sourceActionId ?? null,
    searchText,
    i.createdAt,
  ];
}

/** The other names of the organisation an incident names (by any of its names), from organisationNameIndex. */
export function organisationAliasesOf(
  index: ReadonlyMap<string, readonly string[]>,
): (organisation: string) => readonly string[] {
  if (index.size === 0) return () => [];
  const memo = new Map<string, readonly string[]>();
  return (organisation) => {
    let found = memo.get(organisation);
    if (found === undefined) {
      const key = organisationFilterKey(organisation);
      found = (index.get(key) ?? []).filter((n) => organisationFilterKey(n) !== key);
      if (memo.size < 100_000) memo.set(organisation, found);
    }
    return found;
  };
}
