import { formatDecimalText, formatLongDate, type Locale } from '@civic/core';

// Every date, number and currency word of a document goes through here, on core's own formatter
// (no platform locale data).

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day in the language's long form: «15 января 2021 г.», «2021 жылғы 15 қаңтар», "15 January 2021". */
export function longDate(iso: string, lang: Locale): string {
  return ISO_DAY.test(iso) ? formatLongDate(lang, iso) : iso;
}

/** Whether a value is an ISO day (`YYYY-MM-DD`), to be written in long form. */
export const isIsoDay = (v: unknown): v is string => typeof v === 'string' && ISO_DAY.test(v);

/**
 * A decimal amount in the language's form: ru/kk group thousands with a no-break space and use a
 * decimal comma («1 166 800», «2,5»); en groups with commas ("1,166,800").
 */
export function localNumber(value: string | number, lang: Locale): string {
  const [whole = '', fraction] = String(value).split('.');
  return formatDecimalText(
    lang,
    fraction === undefined || /^0+$/.test(fraction) ? whole : `${whole}.${fraction}`,
  );
}

const CURRENCY_WORDS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  KZT: { ru: 'тенге', kk: 'теңге', en: 'tenge' },
};

/** The currency as a word of the language where known (KZT → тенге), else its code. */
export function currencyWord(code: string | null, lang: Locale): string {
  if (!code) return '';
  return CURRENCY_WORDS[code]?.[lang] ?? code;
}
