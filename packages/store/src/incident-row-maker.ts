import {
  legalBasisFilterKey,
  organisationFilterKey,
  placeSearchNames,
  type IncidentInput,
} from '@civic/core';
import {
  COLUMNS,
  KeyMemo,
  organisationAliasesOf,
  putRowValues,
  SearchTextMemo,
  type IncidentStamp,
} from './incident-row.ts';

/** Values per row in IncidentRows.values (COLUMNS order; seq is not among them). */
export const ROW_WIDTH = COLUMNS.length;
/** Where a row's id goes: the writer fills it (ids are made where the rows are written). */
export const ID_AT = COLUMNS.indexOf('id');

/** Parsed incidents turned into row values, ready for IncidentWriter.addRows. */
export interface IncidentRows {
  /** ROW_WIDTH values per row, `id` left null. A flat array: one structured clone between threads. */
  readonly values: unknown[];
  readonly count: number;
  /** Rows linked to one of the database's organisations. */
  readonly linked: number;
}

/** What an import's rows depend on besides the file: plain data, so another thread can have it. */
export interface IncidentRowContext {
  /** Organisation names and aliases (trimmed, lower case) → the organisation's id. */
  readonly organisationIds: ReadonlyMap<string, string>;
  /** organisationNameIndex: an organisation's key → all its names. */
  readonly organisationNames: ReadonlyMap<string, readonly string[]>;
  readonly createdAt: string;
}

/**
 * The rows of an import's incidents, computed without the database: the search text (place
 * names from the gazetteer, organisations' other names), the filter keys and the link to an
 * organisation — what IncidentWriter.addStamped computes row by row, so an import can do it on
 * another thread while the writer inserts. The terms met are kept for the writer's term list.
 */
export class IncidentRowMaker {
  private readonly memo: SearchTextMemo;
  private readonly keys = {
    organisation: new KeyMemo(organisationFilterKey),
    legalBasis: new KeyMemo(legalBasisFilterKey),
  };
  private readonly stamp: IncidentStamp<IncidentInput>;
  private linked = 0;

  constructor(context: IncidentRowContext) {
    const placeNames = new Map<string, readonly string[]>();
    this.memo = new SearchTextMemo((place) => {
      let found = placeNames.get(place);
      if (found === undefined) {
        found = placeSearchNames(place);
        placeNames.set(place, found);
      }
      return found;
    }, organisationAliasesOf(context.organisationNames));
    const { organisationIds, createdAt } = context;
    this.stamp = {
      id: () => '',
      organisationId: (i) => {
        const id = i.organisationId ?? organisationIds.get(i.organisation.toLowerCase()) ?? null;
        if (id !== null) this.linked += 1;
        return id;
      },
      createdAt: () => createdAt,
      sourceActionId: () => null,
    };
  }

  /** The rows of these incidents, in order. */
  rows(incidents: readonly IncidentInput[]): IncidentRows {
    const values: unknown[] = new Array(incidents.length * ROW_WIDTH);
    const linkedBefore = this.linked;
    let at = 0;
    for (const incident of incidents) {
      putRowValues(values, at, incident, this.stamp, this.memo.text(incident), this.keys);
      values[at + ID_AT] = null;
      at += ROW_WIDTH;
    }
    return { values, count: incidents.length, linked: this.linked - linkedBefore };
  }

  /** The terms met since the last call (each term once per call). */
  takeTerms(): string[] {
    const terms = [...this.memo.vocabulary];
    this.memo.vocabulary.clear();
    return terms;
  }
}
