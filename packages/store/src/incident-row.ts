import { indexTerms, organisationFilterKey, type IncidentInput, type IndexTerms } from '@civic/core';
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

/** A text's terms, its positional terms joined, and (memoised texts) the terms as a set. */
interface JoinedTerms extends IndexTerms {
  readonly joined: string;
  readonly termSet: ReadonlySet<string> | null;
}

const MAX_MEMO = 100_000;

/**
 * A memo key that holds only its own characters: a piece cut from a decoded chunk of the file
 * may be a view of the whole chunk, which a memo entry would otherwise keep alive.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/**
 * The indexed text of incidents in a bulk write: core's incidentSearchText (the same parts, terms
 * and order — incident-row.test.ts compares them), with the terms of repeated texts (organisation,
 * place, authority…) memoised and joined once, and no per-row lists of parts or sets of extras.
 */
export class SearchTextMemo {
  private readonly names = new Map<string, JoinedTerms>();
  private readonly plain = new Map<string, JoinedTerms>();
  /** The terms of the space-separated pieces of notes. */
  private readonly pieces = new Map<string, JoinedTerms>();
  /** Every term met (for the SQLite term list of prefix queries). */
  readonly vocabulary = new Set<string>();
  private readonly parts: JoinedTerms[] = [];

  constructor(
    private readonly placeNames: (place: string) => readonly string[],
    private readonly organisationNames: (organisation: string) => readonly string[],
  ) {}

  private memoised(text: string, names: boolean): JoinedTerms {
    const map = names ? this.names : this.plain;
    let t = map.get(text);
    if (t === undefined) {
      t = this.compute(text, names, true);
      if (map.size < MAX_MEMO) map.set(ownCopy(text), t);
    }
    return t;
  }

  private compute(text: string, names: boolean, withSet: boolean): JoinedTerms {
    const { terms, extras } = indexTerms(text, names);
    for (const term of terms) this.vocabulary.add(term);
    for (const term of extras) this.vocabulary.add(term);
    return { terms, extras, joined: terms.join(' '), termSet: withSet ? new Set(terms) : null };
  }

  private name(text: string): void {
    if (text !== '') this.parts.push(this.memoised(text, true));
  }

  private other(text: string | null): void {
    if (text !== null && text !== '') this.parts.push(this.memoised(text, false));
  }

  text(incident: IncidentInput): string {
    const parts = this.parts;
    parts.length = 0;
    this.name(incident.organisation);
    for (const other of this.organisationNames(incident.organisation)) this.name(other);
    this.name(incident.place);
    for (const other of this.placeNames(incident.place)) this.name(other);
    this.other(incident.authority);
    this.other(incident.office);
    this.other(incident.legalBasis);
    this.other(incident.outcome);
    this.notes(incident.notes ?? '');
    return joinTerms(parts);
  }

  /**
   * The notes, differing row by row but made of words that repeat: their terms by space-separated
   * piece, each piece's terms memoised (no word runs across a space, so the pieces' terms in
   * order are the text's; joinTerms treats the pieces as parts).
   */
  private notes(text: string): void {
    if (text === '') return;
    let from = 0;
    while (from <= text.length) {
      const space = text.indexOf(' ', from);
      const end = space < 0 ? text.length : space;
      if (end > from) {
        const piece = text.slice(from, end);
        let t = this.pieces.get(piece);
        if (t === undefined) {
          t = this.compute(piece, false, false);
          if (this.pieces.size < MAX_MEMO) this.pieces.set(ownCopy(piece), t);
        }
        this.parts.push(t);
      }
      from = end + 1;
    }
  }
}

/**
 * core's joinIndexTerms over terms already joined per part: the positional terms, then each extra
 * once (in the order met) unless it is a term of the text.
 */
function joinTerms(parts: readonly JoinedTerms[]): string {
  let out = '';
  let extras: string[] | null = null;
  for (const p of parts) {
    if (p.terms.length > 0) out = out === '' ? p.joined : `${out} ${p.joined}`;
    for (const e of p.extras) {
      if (extras === null) extras = [e];
      else if (!extras.includes(e)) extras.push(e);
    }
  }
  if (extras === null) return out;
  let tail = '';
  for (const e of extras) {
    if (isTermOf(parts, e)) continue;
    tail = tail === '' ? e : `${tail} ${e}`;
  }
  if (tail === '') return out;
  return out === '' ? tail : `${out} ${tail}`;
}

function isTermOf(parts: readonly JoinedTerms[], term: string): boolean {
  for (const p of parts) if (p.termSet === null ? p.terms.includes(term) : p.termSet.has(term)) return true;
  return false;
}

/** Memoised keys of repeated values (organisation names, legal bases). */
export class KeyMemo {
  private readonly keys = new Map<string, string>();
  constructor(private readonly make: (text: string) => string) {}
  key(text: string): string {
    let k = this.keys.get(text);
    if (k === undefined) {
      k = this.make(text);
      if (this.keys.size < 100_000) this.keys.set(ownCopy(text), k);
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

/**
 * What a writer adds to an incident as it stores it: its id, its organisation's id, when it was
 * recorded and the case action it came from. An import computes them row by row (no copy of each
 * parsed incident with them added); `add` takes them from each NewIncident.
 */
export interface IncidentStamp<T extends IncidentInput> {
  id(incident: T): string;
  organisationId(incident: T): string | null;
  createdAt(incident: T): string;
  sourceActionId(incident: T): string | null;
}

/** The stamp of incidents that carry their own id, time and origin. */
export const OWN_STAMP: IncidentStamp<NewIncident> = {
  id: (i) => i.id,
  organisationId: (i) => i.organisationId ?? null,
  createdAt: (i) => i.createdAt,
  sourceActionId: (i) => i.sourceActionId ?? null,
};

/** The row's values in COLUMNS order, written into `out` from `at` (one array reused for every row). */
export function putRowValues<T extends IncidentInput>(
  out: unknown[],
  at: number,
  i: T,
  stamp: IncidentStamp<T>,
  searchText: string,
  keys: { organisation: KeyMemo; legalBasis: KeyMemo },
): void {
  out[at] = stamp.id(i);
  out[at + 1] = i.date;
  out[at + 2] = i.dateTo;
  out[at + 3] = i.organisation;
  out[at + 4] = keys.organisation.key(i.organisation);
  out[at + 5] = stamp.organisationId(i);
  out[at + 6] = i.place;
  out[at + 7] = i.latitude;
  out[at + 8] = i.longitude;
  out[at + 9] = i.country;
  out[at + 10] = i.region;
  out[at + 11] = i.authority;
  out[at + 12] = i.office;
  out[at + 13] = i.action;
  out[at + 14] = i.legalBasis;
  out[at + 15] = i.legalBasis === null ? null : keys.legalBasis.key(i.legalBasis);
  out[at + 16] = i.penaltyMci;
  out[at + 17] = i.suspensionMonths;
  out[at + 18] = i.outcome;
  out[at + 19] = sourcesJson(i.sources);
  out[at + 20] = i.notes;
  out[at + 21] = i.visibility;
  out[at + 22] = i.ownerOrganisationId ?? null;
  out[at + 23] = stamp.sourceActionId(i);
  out[at + 24] = searchText;
  out[at + 25] = stamp.createdAt(i);
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
