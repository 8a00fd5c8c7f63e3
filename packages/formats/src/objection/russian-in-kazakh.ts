// A Kazakh document must hold no Russian (issue 10): the sibling of `neverInBody` for kk bodies.

/**
 * Russian function words and words Kazakh never uses. Kazakh Cyrillic has every Russian letter, so
 * Russian shows in its small words («и», «в», «по», «для», «года») and demo markers, not its letters.
 */
const RUSSIAN_WORDS = new Set([
  'и',
  'в',
  'во',
  'по',
  'от',
  'для',
  'не',
  'на',
  'с',
  'со',
  'к',
  'ко',
  'из',
  'за',
  'о',
  'об',
  'при',
  'что',
  'или',
  'как',
  'до',
  'это',
  'также',
  'года',
  'году',
  'год',
  'г',
  'его',
  'ее',
  'её',
  'их',
  'который',
  'которая',
  'которые',
  'был',
  'была',
  'были',
  'иллюстративно',
  'иллюстративный',
  'иллюстративная',
  'иллюстративные',
  'иллюстративный',
  'управление',
  'районное',
  'государственных',
  'доходов',
  'департамент',
  'кабинет',
  'города',
  'городу',
  'района',
  'району',
  'области',
  'налоговый',
  'заместителя',
  'руководителя',
]);
// Endings of Russian adjectives, nouns and verbs that Kazakh words (loanwords aside) do not take.
const RUSSIAN_ENDING =
  /(?:ого|его|ому|ему|ыми|ими|ая|яя|ое|ые|ий|ый|ов|ев|ам|ям|ах|ях|ость|ости|ание|ения|ение|ства|ство|ует|ают|ить|ать|ется|ются)$/u;
// Words both languages have («не» is Kazakh "what", «от» "fire"): Russian only inside a phrase.
const SHARED_WORDS = new Set(['не', 'от', 'о']);
const KAZAKH_LETTER = /[ӘәҒғҚқҢңӨөҰұҮүҺһІі]/u;
const MONTHS = 'қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан';
// A month left in the nominative before a word that governs a case: «15 қаңтар дейін» must read
// «15 қаңтарға дейін», «маусым бастап» «маусымнан бастап», «ақпан күнге» «ақпанға».
const UNDECLINED_DATE = new RegExp(`\\d{1,2}\\s+(?:${MONTHS})\\s+(?:дейін|бастап|күнге|кейін)`, 'u');

export interface RussianInKazakhOptions {
  /**
   * Text the organisation typed in its records (descriptions, counterparties, donors' names),
   * printed as entered: not held to the document's language. Demo markers inside it still count.
   */
  readonly data?: readonly string[];
}

/**
 * Finds Russian inside a Kazakh document's text (pdftotext output, a DOCX's or a sheet's text):
 * a Russian-only word (a function word such as «и», «по», «для», «года», a demo marker such as
 * «иллюстративно», an authority's Russian name), and a date left undeclined before «дейін» or
 * «бастап». Returns one line per finding (empty when clean).
 */
export function russianInKazakh(text: string, options: RussianInKazakhOptions = {}): string[] {
  const found: string[] = [];
  const markers = /иллюстратив/iu;
  // Lines stay lines (a heading ends a phrase); record data may wrap across them.
  let rest = text.replace(/[^\S\n]+/g, ' ');
  for (const d of [...(options.data ?? [])].sort((a, b) => b.length - a.length)) {
    const words = d.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || markers.test(d)) continue;
    const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    rest = rest.replace(new RegExp(escaped.join('\\s+'), 'gu'), ' ');
  }
  // A person's initials («К. Т. Байтасов») are letters, not words.
  rest = rest.replace(/(?<!\p{L})\p{Lu}\.(?=\s*\p{Lu})/gu, ' ');
  const words = rest.match(/[\p{L}]+/gu) ?? [];
  const russian = [
    ...new Set(words.filter((w) => RUSSIAN_WORDS.has(w.toLowerCase()) && !SHARED_WORDS.has(w.toLowerCase()))),
  ];
  if (russian.length > 0) found.push(`Russian words in a kk document: «${russian.slice(0, 8).join(', ')}»`);
  for (const m of rest.matchAll(/[^.;:!?()«»\n]+/gu)) {
    const segment = m[0].trim();
    const cyrillicWords = segment.match(/[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]{2,}/gu) ?? [];
    // Without one Kazakh letter, two Russian function words or inflections: a Russian phrase.
    const all = segment.match(/[\p{L}]+/gu) ?? [];
    const russianMarks =
      all.filter((w) => RUSSIAN_WORDS.has(w.toLowerCase())).length +
      cyrillicWords.filter((w) => RUSSIAN_ENDING.test(w.toLowerCase())).length;
    if (all.length >= 3 && russianMarks >= 2 && !KAZAKH_LETTER.test(segment)) {
      found.push(`a Russian phrase in a kk document: «${segment.slice(0, 60)}»`);
      break;
    }
  }
  const date = UNDECLINED_DATE.exec(rest);
  if (date) found.push(`an undeclined date in a kk document: «${date[0]}»`);
  return found;
}
