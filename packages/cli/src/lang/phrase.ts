import {
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
 * One phrase of a report in the language, its params through the core formatter (renderMessage);
 * an optional part given as `''` renders as nothing.
 */
export function phrase(
  templates: MessageTemplates,
  lang: Locale,
  params: Readonly<Record<string, MessageParam>> = {},
): string {
  return renderMessage(templates, lang, present(params)).replaceAll(NOTHING, '');
}

/** A noun's forms after a number: en one/many, ru one (1, 21)/few (2–4)/many (5–20), kk one form. */
export interface CountForms {
  readonly en: readonly [string, string];
  readonly ru: readonly [string, string, string];
  readonly kk: string;
}

/** A count with its noun in the language: «3 сеанса», «5 сеансов», «3 сеанс», "1 session". */
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
