/**
 * Kazakh case endings by vowel harmony and the word's last sound (domain/glossary.md, "Dates and
 * numbers"): the dative «қаңтарға», «сәуірге», «қыркүйекке», «25-ке»; the locative «қаңтарда»,
 * «10-да»; the ablative «маусымнан», «15-тен»; and the attributive locative «қаңтардағы». A numeral
 * takes its ending after a hyphen, by the last word it is read with (25 «жиырма бес» → «25-ке»).
 */
export type KazakhCase = 'dative' | 'locative' | 'ablative' | 'attributive';

const BACK = 'аоұыя';
const FRONT = 'әеөүіэё';
const VOICELESS = 'кқпстшфхцчщбвгд';
const NASAL = 'мнң';

// How the last non-zero group of a numeral is read: units, tens, then hundreds, thousands, millions.
const UNITS = ['нөл', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];

/** The word a whole number ends with when read aloud: 25 → «бес», 10 → «он», 2000 → «мың». */
function lastNumberWord(n: number): string {
  if (n === 0) return UNITS[0] ?? '';
  if (n % 10 !== 0) return UNITS[n % 10] ?? '';
  if (n % 100 !== 0) return TENS[Math.floor(n / 10) % 10] ?? '';
  if (n % 1000 !== 0) return 'жүз';
  if (n % 1_000_000 !== 0) return 'мың';
  return 'миллион';
}

function isFront(word: string): boolean {
  for (const ch of [...word.toLowerCase()].reverse()) {
    if (BACK.includes(ch)) return false;
    if (FRONT.includes(ch)) return true;
  }
  // Only и/у or no vowel at all (a loanword such as «ҚР»): и reads front, anything else back.
  return /и/.test(word.toLowerCase());
}

function ending(stem: string, grammaticalCase: KazakhCase): string {
  const last = stem.toLowerCase().at(-1) ?? '';
  const front = isFront(stem);
  const vowel = BACK.includes(last) || FRONT.includes(last) || 'иу'.includes(last);
  const voiceless = !vowel && VOICELESS.includes(last);
  const nasal = !vowel && NASAL.includes(last);
  switch (grammaticalCase) {
    case 'dative':
      return voiceless ? (front ? 'ке' : 'қа') : front ? 'ге' : 'ға';
    case 'locative':
      return voiceless ? (front ? 'те' : 'та') : front ? 'де' : 'да';
    case 'attributive':
      return `${voiceless ? (front ? 'те' : 'та') : front ? 'де' : 'да'}${front ? 'гі' : 'ғы'}`;
    case 'ablative':
      return voiceless ? (front ? 'тен' : 'тан') : nasal ? (front ? 'нен' : 'нан') : front ? 'ден' : 'дан';
  }
}

/**
 * A Kazakh word or numeral in a case: `kazakhCase('қаңтар', 'dative')` → «қаңтарға»,
 * `kazakhCase('25', 'dative')` → «25-ке», `kazakhCase('сәуір', 'attributive')` → «сәуірдегі». Pure.
 */
export function kazakhCase(word: string, grammaticalCase: KazakhCase): string {
  const digits = /(\d+)$/.exec(word);
  if (digits) return `${word}-${ending(lastNumberWord(Number(digits[1])), grammaticalCase)}`;
  return `${word}${ending(word, grammaticalCase)}`;
}
