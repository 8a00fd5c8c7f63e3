import type { Locale } from '../locale.ts';
import { localText } from '../rules/local-text.ts';
import type { RulePack } from '../rules/rule-pack.schema.ts';
import { legalBasisParts, normaliseLegalBasis } from './legal-basis.ts';

/** Codes as lawyers abbreviate them in each language (the pack's `cite` wins for its offences). */
const CODE_NAMES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  CoAO: { ru: 'КоАП РК', kk: 'ӘҚБтК', en: 'CoAO' },
  CC: { ru: 'УК РК', kk: 'ҚР ҚК', en: 'Criminal Code' },
  'Tax Code': { ru: 'НК РК', kk: 'ҚР СК', en: 'Tax Code' },
};

const PART_OF = [
  /(?<![\p{L}])(?:ч\.|часть|части|part|p\.)\s*(\d+)/iu,
  /(\d+)\s*-?\s*бөлік/iu,
  /\d\s*\((\d+)\)/u,
] as const;

/** The part a basis as written names («ч. 2 ст. 460-1» → "2"), or null. */
export function partOfLegalBasis(text: string): string | null {
  for (const re of PART_OF) {
    const m = re.exec(text);
    if (m?.[1]) return m[1];
  }
  return null;
}

/**
 * A legal basis as monitors wrote it, cited in `lang` for a document: an article of the pack's
 * offences by the pack's own `cite` (ru «статья 460-1 КоАП РК», kk «ӘҚБтК 460-1-бабы»), with its part
 * only when the pack has a tier with that part — a part the pack does not know (every tier of
 * Art. 460-1 has `part: null`) is not printed, never invented or repeated from hearsay. Another
 * article of a known code in the language's form; text naming no code, without its parts.
 */
export function citeLegalBasis(pack: RulePack | null, text: string, lang: Locale): string {
  const { code, article } = legalBasisParts(text);
  if (!code || !article) return normaliseLegalBasis(text) ?? text;
  const part = partOfLegalBasis(text);
  const offence = code === 'CoAO' ? pack?.offences.find((o) => o.article === article) : undefined;
  if (offence) {
    const cite = localText(offence.cite ?? `CoAO Art. ${article}`, lang);
    const known = part !== null && offence.tiers.some((t) => t.part === part);
    return known ? `${cite}, ${PART_WORD[lang]} ${part}` : cite;
  }
  const name = CODE_NAMES[code]?.[lang] ?? code;
  return lang === 'ru'
    ? `ст. ${article} ${name}`
    : lang === 'kk'
      ? `${name} ${article}-бабы`
      : `${name} Art. ${article}`;
}

const PART_WORD: Readonly<Record<Locale, string>> = { ru: 'ч.', kk: 'бөлік', en: 'part' };
