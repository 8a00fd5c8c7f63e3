import { findPlace } from './gazetteer/find-place.ts';
import { foldForMatching } from './gazetteer/normalise-place-name.ts';
import type { IncidentInput } from './incident.ts';
import { prefixTerm, queryAlternatives, wordTerms } from './search/search-terms.ts';
import { latinOf } from './search/transliterate.ts';
import { legalBasisParts } from './waves/legal-basis.ts';

/**
 * Full-text matching is defined here, once, so that SQLite FTS5 and PostgreSQL full text find
 * the same incidents: both index the words of `incidentSearchText` and are queried with the
 * words of `parseSearchQuery`. A word is a run of letters and digits after folding (lower case,
 * no diacritics, Kazakh letters onto Russian ones: "Өскемен" matches "оскемен").
 */
export function searchWords(text: string): string[] {
  if (PRINTABLE_ASCII.test(text))
    return text
      .toLowerCase()
      .replace(APOSTROPHES, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 0);
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inWord = i < text.length && isWordChar(text.charCodeAt(i));
    if (inWord && start < 0) start = i;
    else if (!inWord && start >= 0) {
      for (const w of foldToken(text.slice(start, i))) out.push(w);
      start = -1;
    }
  }
  return out;
}

// Apostrophes join a word (foldForMatching drops them: "Qazaq'stan" is one word), combining
// marks belong to their letter; every other character separates words. Surrogate halves count
// as word characters and are judged with their pair by foldToken.
const PRINTABLE_ASCII = /^[ -~]*$/;
const APOSTROPHES = /['`]/g;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}'`’ʻʼ]$/u;
const charClass = new Map<number, boolean>();

function isWordChar(code: number): boolean {
  if (code < 0x80)
    return (
      (code >= 0x61 && code <= 0x7a) ||
      (code >= 0x41 && code <= 0x5a) ||
      (code >= 0x30 && code <= 0x39) ||
      code === 0x27 ||
      code === 0x60
    );
  if (code >= 0xd800 && code <= 0xdfff) return true;
  let known = charClass.get(code);
  if (known === undefined) {
    known = WORD_CHAR.test(String.fromCharCode(code));
    charClass.set(code, known);
  }
  return known;
}

/** Memo of folded tokens: a large import repeats a small vocabulary. */
const foldedTokens = new Map<string, string[]>();

function foldToken(token: string): string[] {
  let words = foldedTokens.get(token);
  if (words === undefined) {
    words = foldForMatching(token)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 0);
    if (foldedTokens.size < 200_000) foldedTokens.set(token, words);
  }
  return words;
}

type Searchable = Pick<
  IncidentInput,
  'organisation' | 'place' | 'authority' | 'office' | 'legalBasis' | 'outcome' | 'notes'
>;

/** The terms of a text (see search/search-terms.ts): the positional terms, and the extra terms it is also found by. */
export interface IndexTerms {
  readonly terms: readonly string[];
  readonly extras: readonly string[];
}

/** `names`: the text is a name (organisation, place), whose Cyrillic words are also indexed in Latin letters. */
export function indexTerms(text: string, names = false): IndexTerms {
  const terms: string[] = [];
  const extras: string[] = [];
  for (const w of searchWords(text)) {
    const t = wordTerms(w);
    terms.push(t.term);
    for (const e of t.extras) extras.push(e);
    const latin = names ? latinOf(w) : null;
    if (latin !== null) extras.push(latin);
  }
  return { terms, extras };
}

/**
 * Joins the positional terms of each part, then the extra terms (each once), with single spaces:
 * the indexed text. Extras come last so that they never stand between two words of a phrase.
 */
export function joinIndexTerms(parts: readonly IndexTerms[]): string {
  const out: string[] = [];
  let extras: Set<string> | null = null;
  for (const p of parts) {
    if (p.terms.length > 0) out.push(p.terms.join(' '));
    for (const e of p.extras) (extras ??= new Set()).add(e);
  }
  if (extras === null) return out.join(' ');
  // An extra that is already a term of the text adds nothing to what a search finds.
  for (const p of parts) for (const t of p.terms) extras.delete(t);
  if (extras.size > 0) out.push([...extras].join(' '));
  return out.join(' ');
}

/** The indexed text of an incident: organisation, place (with its Kazakh and Russian names), authority, office, legal basis, outcome, notes — stemmed, extras last. */
export function incidentSearchText(
  incident: Searchable,
  placeNames: (place: string) => readonly string[] = placeSearchNames,
  organisationNames: (organisation: string) => readonly string[] = NO_NAMES,
): string {
  return joinIndexTerms(
    incidentSearchParts(incident, placeNames, organisationNames).map((p) => indexTerms(p.text, p.names)),
  );
}

/** A text of an incident that is indexed; `names` for the organisation's and the place's names (see indexTerms). */
export interface SearchPart {
  readonly text: string;
  readonly names: boolean;
}

const NO_NAMES = (): readonly string[] => [];

/**
 * The texts whose words make the indexed text, in order (a bulk writer may memoise the terms of
 * the repeated ones — all but the last, the notes — and join them): the organisation and its
 * other names (its aliases), the place and its gazetteer names, authority, office, legal basis,
 * outcome, notes.
 */
export function incidentSearchParts(
  incident: Searchable,
  placeNames: (place: string) => readonly string[] = placeSearchNames,
  organisationNames: (organisation: string) => readonly string[] = NO_NAMES,
): SearchPart[] {
  const names = [
    incident.organisation,
    ...organisationNames(incident.organisation),
    incident.place,
    ...placeNames(incident.place),
  ];
  const others = [incident.authority, incident.office, incident.legalBasis, incident.outcome];
  return [
    ...names.filter((p) => p !== '').map((text) => ({ text, names: true })),
    ...others.filter((p): p is string => p !== null && p !== '').map((text) => ({ text, names: false })),
    { text: incident.notes ?? '', names: false },
  ];
}

/** The names of a place that its incidents are also found by: the gazetteer's English, Russian and Kazakh names. */
export function placeSearchNames(place: string): readonly string[] {
  const p = findPlace(place);
  if (p === null) return [];
  const seen = new Set([foldForMatching(place)]);
  const out: string[] = [];
  for (const name of [p.name, p.nameRu, p.nameKk]) {
    const key = foldForMatching(name);
    if (!seen.has(key)) out.push(name);
    seen.add(key);
  }
  return out;
}

/**
 * One clause of a query: terms that must follow one another (a single word is a phrase of one);
 * the last may be a prefix. A one-word clause that is not a prefix may carry `anyOf`: the clause
 * matches when any of these terms occurs (the word's Russian and Kazakh stems).
 */
export interface SearchClause {
  readonly words: readonly string[];
  readonly prefix: boolean;
  readonly anyOf?: readonly string[];
}

/**
 * A query: every clause must match (AND). Words separated by spaces are separate clauses;
 * text in double quotes, or a chunk that folds into several words ("460-1"), is a phrase; a
 * chunk ending in `*` matches terms that start with its stem. Nothing else is syntax. Words are
 * stemmed as the index is (search/search-terms.ts): «штраф» finds «штрафом».
 */
export function parseSearchQuery(q: string): SearchClause[] {
  const clauses: SearchClause[] = [];
  const chunks = q.match(/"[^"]*"\*?|[^\s"]+/g) ?? [];
  for (const chunk of chunks) {
    const prefix = chunk.endsWith('*');
    const folded = searchWords(chunk);
    const only = folded.length === 1 ? folded[0] : undefined;
    if (only !== undefined && !prefix) {
      const latin = latinOf(only);
      const anyOf = latin === null ? queryAlternatives(only) : [...queryAlternatives(only), latin];
      const first = anyOf[0] ?? only;
      clauses.push(anyOf.length > 1 ? { words: [first], prefix, anyOf } : { words: [first], prefix });
    } else if (folded.length > 0) {
      const words = folded.map((w, i) =>
        prefix && i === folded.length - 1 ? prefixTerm(w) : wordTerms(w).term,
      );
      clauses.push({ words, prefix });
    }
  }
  return clauses;
}

/**
 * The key a legal basis is stored and filtered by, article first, normalised like the wave
 * categories (waves/legal-basis.ts: the part dropped, the code recognised in English, Russian or
 * Kazakh): «ст. 460-1 ч. 2 КоАП РК», «ӘҚБтК 460-1-бабы», "CoAO Art. 460-1(2)" → "460-1 coao".
 * A basis with an article but no known code keeps its other words after the article
 * ("5 law on ncos"); a code alone is the code ("coao"); anything else is its folded words.
 * A filter matches a stored key that equals it or starts with it and a space (legalBasisMatches),
 * so «460-1» finds every CoAO 460-1 and never 460-12.
 */
export function legalBasisFilterKey(text: string): string {
  const { code, article, rest } = legalBasisParts(text);
  if (article !== null && code !== null) return `${article} ${code.toLowerCase()}`;
  if (code !== null) return code.toLowerCase();
  const words = foldedKey(rest)
    .split(' ')
    .filter((w) => w !== '' && !ARTICLE_WORDS.has(w))
    .join(' ');
  if (article !== null) return words === '' ? article : `${article} ${words}`;
  return foldedKey(text);
}

/** Whether a filter naming only a code ("КоАП") is meant: it matches every article of the code. */
export function isLegalBasisCodeFilter(text: string): boolean {
  const { code, article } = legalBasisParts(text);
  return code !== null && article === null;
}

/** Whether a stored key (legalBasisFilterKey) is selected by a filter's text. */
export function legalBasisMatches(filter: string, storedKey: string): boolean {
  const key = legalBasisFilterKey(filter);
  if (storedKey === key || storedKey.startsWith(`${key} `)) return true;
  return isLegalBasisCodeFilter(filter) && storedKey.endsWith(` ${key}`);
}

const foldedKey = (text: string) =>
  foldForMatching(text)
    .replace(/[^\p{L}\p{N}.-]+/gu, ' ')
    .replace(/(^|\s)[.-]+|[.-]+(?=\s|$)/gu, '$1')
    .replace(/\s+/g, ' ')
    .trim();

// Words that only say "article" (the number follows or precedes them).
const ARTICLE_WORDS = new Set(['art', 'article', 'ст', 'статя', 'стати', 'стате', 'бап', 'бабы', 'бабына']);

/** The key an organisation filter compares: folded, spaces collapsed. */
export function organisationFilterKey(text: string): string {
  return foldForMatching(text).replace(/\s+/g, ' ').trim();
}
