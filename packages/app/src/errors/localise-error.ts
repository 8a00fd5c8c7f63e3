import {
  labelOf,
  NOT_STATEMENT_KIND_LABELS,
  type DomainError,
  type Locale,
  type StatementWarning,
} from '@civic/core';
import { errorSpec } from './error-table.ts';
import { EN_MESSAGES } from './messages.en.ts';
import { KK_MESSAGES } from './messages.kk.ts';
import { RU_MESSAGES } from './messages.ru.ts';

const CATALOGUES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: EN_MESSAGES,
  ru: RU_MESSAGES,
  kk: KK_MESSAGES,
};

function fill(template: string, error: DomainError, locale: Locale = 'en'): string {
  const kind = error.details?.['kind'];
  const name = error.details?.['name'];
  return template
    .replace(/\{name\}/g, typeof name === 'string' ? name : '?')
    .replace(/\{field\}/g, error.field ?? '?')
    .replace(/\{line\}/g, error.line === undefined ? '?' : String(error.line))
    .replace(/\{kind\}/g, typeof kind === 'string' ? labelOf(NOT_STATEMENT_KIND_LABELS, kind, locale) : '?');
}

/**
 * The message a person reads for an expected error, in their language: the catalogue's message for
 * the code (English, Russian or Kazakh); a code not in the catalogues yet falls back to the error's
 * own (English) message, which names the specific value at fault.
 */
export function localiseError(error: DomainError, locale: Locale): string {
  const key = errorSpec(error.code).messageKey;
  const template = CATALOGUES[locale][key];
  return template
    ? fill(template, error, locale)
    : error.message || fill(EN_MESSAGES[key] ?? error.code, error);
}

/** The catalogue message for a code (no specific error at hand), falling back to English. */
export function errorMessage(code: string, locale: Locale, field?: string): string {
  const template = CATALOGUES[locale][code] ?? EN_MESSAGES[code] ?? code;
  return template.replace(/\{field\}/g, field ?? '?');
}

/**
 * An import warning in a person's language: the catalogue's message for its code, filled with its
 * params (`{field}`, `{line}`); a warning without a code (or a code not catalogued) keeps its own
 * English message.
 */
export function localiseWarning(warning: StatementWarning, locale: Locale): string {
  const template = warning.code === undefined ? undefined : CATALOGUES[locale][warning.code];
  if (template === undefined) return warning.message;
  const p = warning.params ?? {};
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    p[name] === undefined ? whole : String(p[name]),
  );
}
