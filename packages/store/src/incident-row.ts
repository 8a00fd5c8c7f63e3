import { indexTerms, organisationFilterKey, type IndexTerms } from '@civic/core';
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

/** A text's terms with its positional terms already joined. */
interface JoinedTerms extends IndexTerms {
  readonly joined: string;
}

const MAX_MEMO = 100_000;

/**
 * The indexed text of incidents in a bulk write: core's incidentSearchText (the same parts, terms
 * and order — incident-row.test.ts compares them), with the terms of repeated texts (organisation,
 * place, authority…) memoised and joined once, and no per-row lists of parts.
 */
export class SearchTextMemo {
  private readonly names = new Map<string, JoinedTerms>();
  private readonly plain = new Map<string, JoinedTerms>();
  /** Every term met (for the SQLite term list of prefix queries). */
  readonly vocabulary = new Set<string>();

  constructor(
    private readonly placeNames: (place: string) => readonly string[],
    private readonly organisationNames: (organisation: string) => readonly string[],
  ) {}

  private terms(text: string, names: boolean, memo: boolean): JoinedTerms {
    const map = names ? this.names : this.plain;
    let t = memo ? map.get(text) : undefined;
    if (t === undefined) {
      const found = indexTerms(text, names);
      t = { ...found, joined: found.terms.join(' ') };
      for (const term of t.terms) this.vocabulary.add(term);
      for (const term of t.extras) this.vocabulary.add(term);
      if (memo && map.size < MAX_MEMO) map.set(text, t);
    }
    return t;
  }

  text(incident: NewIncident): string {
    const parts: JoinedTerms[] = [];
    const name = (text: string) => {
      if (text !== '') parts.push(this.terms(text, true, true));
    };
    name(incident.organisation);
    for (const other of this.organisationNames(incident.organisation)) name(other);
    name(incident.place);
    for (const other of this.placeNames(incident.place)) name(other);
    for (const text of [incident.authority, incident.office, incident.legalBasis, incident.outcome])
      if (text !== null && text !== '') parts.push(this.terms(text, false, true));
    parts.push(this.terms(incident.notes ?? '', false, false));
    return joinTerms(parts);
  }
}

/** core's joinIndexTerms over terms already joined per part. */
function joinTerms(parts: readonly JoinedTerms[]): string {
  let out = '';
  let extras: Set<string> | null = null;
  for (const p of parts) {
    if (p.terms.length > 0) out = out === '' ? p.joined : `${out} ${p.joined}`;
    for (const e of p.extras) (extras ??= new Set()).add(e);
  }
  if (extras === null) return out;
  for (const p of parts) for (const t of p.terms) extras.delete(t);
  if (extras.size === 0) return out;
  const tail = [...extras].join(' ');
  return out === '' ? tail : `${out} ${tail}`;
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
