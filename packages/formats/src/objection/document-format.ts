import type { Locale } from '@civic/core';

// Every date, number and currency word of a document goes through here (one place, so it can be
// switched to core's shared formatter when it exists). No platform locale data is used.

const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day in the language's long form: «15 января 2021 г.», «2021 жылғы 15 қаңтар», "15 January 2021". */
export function longDate(iso: string, lang: Locale): string {
  const m = ISO_DAY.exec(iso);
  if (!m) return iso;
  const year = m[1] ?? '';
  const month = Number(m[2]) - 1;
  const day = Number(m[3]);
  if (lang === 'ru') return `${day} ${RU_MONTHS[month] ?? ''} ${year} г.`;
  if (lang === 'kk') return `${year} жылғы ${day} ${KK_MONTHS[month] ?? ''}`;
  return `${day} ${EN_MONTHS[month] ?? ''} ${year}`;
}

/** Whether a value is an ISO day (`YYYY-MM-DD`), to be written in long form. */
export const isIsoDay = (v: unknown): v is string => typeof v === 'string' && ISO_DAY.test(v);

/**
 * A decimal amount in the language's form: ru/kk group thousands with a no-break space and use a
 * decimal comma («1 166 800», «2,5»); en groups with commas ("1,166,800").
 */
export function localNumber(value: string | number, lang: Locale): string {
  const [whole = '', fraction] = String(value).split('.');
  const sep = lang === 'en' ? ',' : '\u00a0';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  if (fraction === undefined || /^0+$/.test(fraction)) return grouped;
  return `${grouped}${lang === 'en' ? '.' : ','}${fraction}`;
}

const CURRENCY_WORDS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  KZT: { ru: 'тенге', kk: 'теңге', en: 'tenge' },
};

/** The currency as a word of the language where known (KZT → тенге), else its code. */
export function currencyWord(code: string | null, lang: Locale): string {
  if (!code) return '';
  return CURRENCY_WORDS[code]?.[lang] ?? code;
}
