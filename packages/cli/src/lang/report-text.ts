import {
  formatDateTime,
  formatNumber,
  NOTHING,
  present,
  renderMessage,
  russianPluralIndex,
  type Locale,
  type MessageParam,
  type MessageTemplates,
} from '@civic/core';

/**
 * Helpers of the readable reports of the ledger, proof, brief and notification commands
 * (ledger-record-report.ts, rates-report.ts, proof-report.ts, brief-report.ts, notify-report.ts):
 * a phrase from a report's own templates, a count with its noun in the right plural form, and a
 * moment in words. Everything goes through the core formatter, never the platform's locale data.
 */

/** A report's phrases, each in ru/kk/en with `{name}` / `{name:hint}` placeholders. */
export type ReportWords = Readonly<Record<string, MessageTemplates>>;

/** One phrase in the language; an optional part given as `''` renders as nothing. */
export function phrase<W extends ReportWords>(
  words: W,
  lang: Locale,
  key: keyof W & string,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  const templates = words[key];
  if (templates === undefined) throw new Error(`no phrase ${key}`);
  return renderMessage(templates, lang, present(params)).replaceAll(NOTHING, '');
}

/** A noun's forms after a number: Russian one/few/many (1, 2–4, 5–20), Kazakh one, English one/many. */
export interface CountForms {
  readonly ru: readonly [string, string, string];
  readonly kk: string;
  readonly en: readonly [string, string];
}

/**
 * A count with its noun: ru «1 курс», «3 курса», «5 курсов»; kk «5 бағам» (a Kazakh noun stays
 * singular after a number); en "1 rate", "5 rates". The number has the language's grouping.
 */
export function countOf(lang: Locale, n: number, forms: CountForms): string {
  const number = formatNumber(lang, n);
  switch (lang) {
    case 'ru':
      return `${number}\u00a0${forms.ru[russianPluralIndex(n)]}`;
    case 'kk':
      return `${number}\u00a0${forms.kk}`;
    case 'en':
      return `${number} ${forms.en[n === 1 ? 0 : 1]}`;
  }
}

/** A number as a phrase param: as it always was in English, with the language's grouping otherwise. */
export const numberParam = (lang: Locale, n: number): string | number => (lang === 'en' ? String(n) : n);

/**
 * A UTC instant (ISO 8601) in words, with its zone named: ru «15 марта 2024 г., 10:05 UTC»; English
 * keeps the ISO text. Text that is not an instant comes back as it is.
 */
export function utcMoment(lang: Locale, iso: string): string {
  if (lang === 'en') return iso;
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const date = at.toISOString().slice(0, 10);
  return `${formatDateTime(lang, { date, hour: at.getUTCHours(), minute: at.getUTCMinutes() })} UTC`;
}
