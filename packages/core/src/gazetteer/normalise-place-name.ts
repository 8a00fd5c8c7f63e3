/**
 * The key under which a place name is looked up: case-, diacritics-, punctuation- and
 * spacing-insensitive, in Cyrillic and Latin alike. Kazakh letters fold onto their Russian
 * neighbours (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), so "Нұр-Сұлтан" and "Нур-Султан"
 * share a key; soft and hard signs drop ("Сарань" = "Саран"). Words that only say "city" or
 * "town" drop ("г. Алматы", "Almaty city"); words that say "region" become one token "region",
 * so "Almaty Region" (the region) never collides with "Almaty" (the city).
 *
 * Example: normalisePlaceName("г. Өскемен") === normalisePlaceName("Oskemen") is false (scripts
 * differ) but === normalisePlaceName("Оскемен") is true; every spelling is an alias in the data.
 */
const FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
  й: 'и',
  ь: '',
  ъ: '',
  ı: 'i',
  ß: 'ss',
  ʻ: '',
  ʼ: '',
  '’': '',
  "'": '',
  '`': '',
};

const CITY_WORDS = new Set([
  'г',
  'гор',
  'город',
  'city',
  'town',
  'of',
  'the',
  'kalasy',
  'qalasy',
  'каласы',
  'каласи',
  'shahary',
  'шахары',
  'пгт',
  'поселок',
  'посел',
  'village',
  'село',
  'аул',
  'aul',
  'ауылы',
  'auyly',
]);

const REGION_WORDS = new Set(['region', 'oblast', 'oblys', 'oblysy', 'область', 'облысы', 'обл', 'province']);

/** Lower case, no diacritics, Kazakh letters folded onto Russian ones (the matching form of text). */
export function foldForMatching(text: string): string {
  // ASCII needs only lower case (the common case in a large import); the rest is decomposed.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(FOLDED_ASCII, '');
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(FOLDED, (ch) => FOLD[ch] ?? ch);
}

const NON_ASCII = /[^ -~\t\n\r]/;
const MARKS = /\p{M}/gu;
const FOLDED = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'gu');
const FOLDED_ASCII = /['`]/g;

export function normalisePlaceName(name: string): string {
  const folded = foldForMatching(name);
  const tokens = folded.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0 && !CITY_WORDS.has(t));
  let region = false;
  const kept: string[] = [];
  for (const token of tokens) {
    if (REGION_WORDS.has(token)) region = true;
    else kept.push(token);
  }
  if (kept.length === 0) return '';
  return region ? `${kept.join('')}#region` : kept.join('');
}
