import { type DomainError, type Locale } from '@civic/core';
import { errorSpec } from './error-table.ts';
import { EN_MESSAGES } from './messages.en.ts';
import { KK_MESSAGES } from './messages.kk.ts';
import { RU_MESSAGES } from './messages.ru.ts';

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: EN_MESSAGES,
  ru: RU_MESSAGES,
  kk: KK_MESSAGES,
};

function fill(template: string, error: DomainError): string {
  return template.replace(/\{field\}/g, error.field ?? '?');
}

/**
 * The message a person reads for an expected error, in their language: the catalogue's message for
 * the code (English, Russian or Kazakh); a code not in the catalogues yet falls back to the error's
 * own (English) message, which names the specific value at fault.
 */
export function localiseError(error: DomainError, locale: Locale): string {
  const key = errorSpec(error.code).messageKey;
  const template = CATALOGUES[locale][key];
  return template ? fill(template, error) : error.message || fill(EN_MESSAGES[key] ?? error.code, error);
}

/** The catalogue message for a code (no specific error at hand), falling back to English. */
export function errorMessage(code: string, locale: Locale, field?: string): string {
  const template = CATALOGUES[locale][code] ?? EN_MESSAGES[code] ?? code;
  return template.replace(/\{field\}/g, field ?? '?');
}
