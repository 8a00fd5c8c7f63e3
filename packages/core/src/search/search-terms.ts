import { stemmer as russianStem } from '@orama/stemmers/russian';
import { stemKazakh } from './kazakh-stem.ts';

/**
 * The terms a folded word is indexed and searched by. Both databases index the same terms (the
 * stemming happens here, not in the database), so SQLite and PostgreSQL find the same incidents.
 *
 * - `term`: the word's place in the text — its Russian Snowball stem for a Cyrillic word
 *   («штрафом» → "штраф", «уведомления» → "уведомлен"), the word itself otherwise (Latin,
 *   numbers). Phrases match on these.
 * - `extras`: other terms the incident is also found by, appended after the text: for a word
 *   with a Kazakh case or plural ending, the Russian stem of the word without it («сотта» →
 *   "сот", «Алматыда» → "алмат", the term of «Алматы»); for a Russian verb made from a noun, the
 *   noun («оштрафован» → "оштрафова" → "оштраф", "штраф").
 */
export interface WordTerms {
  readonly term: string;
  readonly extras: readonly string[];
}

export function wordTerms(folded: string): WordTerms {
  let t = memo.get(folded);
  if (t === undefined) {
    t = computeWordTerms(folded);
    if (memo.size < 200_000) memo.set(folded, t);
  }
  return t;
}

/** The terms a query word matches: its Russian stem, or the Russian stem of its Kazakh stem (a mixed text is read both ways). */
export function queryAlternatives(folded: string): readonly string[] {
  const { term } = wordTerms(folded);
  const kk = kazakhTerm(folded);
  return kk === null || kk === term ? [term] : [term, kk];
}

/** The positional term of a word used as a prefix (`штрафо*` looks for terms starting "штраф"). */
export function prefixTerm(folded: string): string {
  return wordTerms(folded).term;
}

const memo = new Map<string, WordTerms>();
const CYRILLIC = /[\u0400-\u04ff]/;
const NO_EXTRAS: readonly string[] = [];

/** The Snowball stem, unless it leaves fewer than three letters (Kazakh words such as "уиым" would lose all but one). */
function russianTerm(folded: string): string {
  const stem = russianStem(folded);
  return stem.length < MIN_STEM && folded.length >= MIN_STEM ? folded : stem;
}

function computeWordTerms(folded: string): WordTerms {
  if (!CYRILLIC.test(folded)) return { term: folded, extras: NO_EXTRAS };
  const term = russianTerm(folded);
  const extras = new Set<string>();
  const kk = kazakhTerm(folded);
  if (kk !== null && kk !== term) extras.add(kk);
  for (const noun of nounsOfVerb(term)) if (noun !== term) extras.add(noun);
  return { term, extras: extras.size === 0 ? NO_EXTRAS : [...extras] };
}

/**
 * A word with a Kazakh ending, as the Russian stem of what is left («Алматыда» → "алматы" →
 * "алмат", the term of «Алматы»); null when no Kazakh ending was found. One normal form for both
 * languages keeps a single term per word in the index.
 */
function kazakhTerm(folded: string): string | null {
  if (!CYRILLIC.test(folded)) return null;
  const kk = stemKazakh(folded);
  return kk === folded ? null : russianTerm(kk);
}

// Russian verbs made from nouns keep the noun before -ова-/-ева-/-ирова- («оштрафовать»,
// «арестован», «опротестовать»), often behind a perfective prefix. Stripping the suffix and
// the prefix gives back the noun's stem, so «штраф» finds «оштрафован».
const VERB_SUFFIXES = ['ирова', 'ова', 'ева'] as const;
const PREFIXES = ['пере', 'об', 'от', 'по', 'за', 'на', 'вы', 'из', 'о', 'с'] as const;
const MIN_NOUN = 3;
const MIN_STEM = 3;

function nounsOfVerb(stem: string): string[] {
  const suffix = VERB_SUFFIXES.find((s) => stem.endsWith(s) && stem.length - s.length >= MIN_NOUN);
  if (suffix === undefined) return [];
  const noun = stem.slice(0, -suffix.length);
  const prefix = PREFIXES.find((p) => noun.startsWith(p) && noun.length - p.length >= MIN_NOUN + 1);
  return prefix === undefined ? [noun] : [noun, noun.slice(prefix.length)];
}
