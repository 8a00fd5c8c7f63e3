/**
 * Normalises a legal basis as monitors write it to the *article* it cites, so that actions under
 * different parts of one article fall in one category: "CoAO 460-1 part 2", "Art. 460-1(2) CoAO"
 * and "ст. 460-1 ч. 2 КоАП РК" all become "CoAO 460-1". In 2020 each organisation was charged
 * "under different articles or different parts of one article" (legal-brief.md §2.1), which is
 * exactly the variation a wave must see through.
 *
 * Recognised codes: the Code of Administrative Offences (CoAO / КоАП / ӘҚБтК), the Criminal Code
 * (CC / УК / ҚК) and the Tax Code (НК / СК). Text naming no known code keeps its words, with
 * the part removed and spacing tidied. Returns null for an empty basis.
 */
export function normaliseLegalBasis(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  const cleaned = text.replace(/\s+/g, ' ').trim();
  if (cleaned === '') return null;
  const withoutParts = removeParts(cleaned);
  const code = codeOf(withoutParts);
  const article = articleOf(withoutParts);
  if (code && article) return `${code} ${article}`;
  if (code) return code;
  return withoutParts.replace(/[\s,;.:]+$/u, '').trim() || cleaned;
}

/**
 * A basis split as the search filter needs it: the code it names (CoAO, CC, Tax Code, or null),
 * the article ("460-1", or null), and the text without its parts and its article number (for a
 * basis naming no known code).
 */
export function legalBasisParts(text: string): { code: string | null; article: string | null; rest: string } {
  const withoutParts = removeParts(text.replace(/\s+/g, ' ').trim());
  const m = ARTICLE.exec(withoutParts);
  const rest = m ? withoutParts.slice(0, m.index) + withoutParts.slice(m.index + m[0].length) : withoutParts;
  return {
    code: codeOf(withoutParts),
    article: articleOf(withoutParts),
    rest: rest.replace(/\s+/g, ' ').trim(),
  };
}

/** The key two bases are grouped by: the normalised text, case-folded. */
export function legalBasisKey(text: string | null | undefined): string | null {
  return normaliseLegalBasis(text)?.toLowerCase() ?? null;
}

const NOT_LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LETTER_AFTER = '(?![\\p{L}])';
const word = (w: string): RegExp => new RegExp(`${NOT_LETTER_BEFORE}(?:${w})${NOT_LETTER_AFTER}`, 'iu');

const CODES: readonly { readonly name: string; readonly patterns: readonly RegExp[] }[] = [
  {
    name: 'CoAO',
    patterns: [
      word('coao|coaa|aoc|коап|кобап|әқбтк'),
      /code (?:of|on) administrative (?:offen[cs]es|violations)/iu,
      /административных правонарушениях/iu,
      /әкімшілік құқық бұзушылық/iu,
    ],
  },
  {
    name: 'CC',
    patterns: [word('cc|ук|қк'), /criminal code/iu, /уголовн\p{L}* кодекс/iu, /қылмыстық кодекс/iu],
  },
  { name: 'Tax Code', patterns: [word('нк|tc'), /tax code/iu, /налогов\p{L}* кодекс/iu, /салық кодекс/iu] },
];

function codeOf(text: string): string | null {
  for (const c of CODES) if (c.patterns.some((p) => p.test(text))) return c.name;
  return null;
}

// "part 2", "p. 2", "ч. 2", "часть 2", "2-бөлік", "(2)" right after an article number, "para 3".
const PART_WORDS =
  /(?<![\p{L}])(?:parts?|p\.|para(?:graph)?s?\.?|ч\.|ч(?![\p{L}])|час(?:ть|ти|тью)|п\.|пункт\p{L}*|бөлік\p{L}*|тармақ\p{L}*)\s*\d+(?:\s*(?:,|and|и)\s*\d+)*/giu;
const PART_SUFFIX = /(?<![\p{L}])\d+\s*-?\s*(?:бөлік\p{L}*|тармақ\p{L}*)/giu;
const PARENTHESISED_PART = /(\d)\s*\(\d+\)/gu;

function removeParts(text: string): string {
  return text
    .replace(PARENTHESISED_PART, '$1')
    .replace(PART_SUFFIX, ' ')
    .replace(PART_WORDS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// An article number: 460, 460-1, 460.1 or 460–1 (inserted articles); the separator becomes "-".
const ARTICLE = /(?<![\p{L}\p{N}])(\d{1,4})(?:\s*[-‐‑–—.]\s*(\d{1,3}))?(?![\p{N}])/u;

function articleOf(text: string): string | null {
  const m = ARTICLE.exec(text);
  if (!m?.[1]) return null;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}
