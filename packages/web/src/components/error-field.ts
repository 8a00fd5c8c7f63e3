import type { Locale } from '@civic/core';
import { en, type MessageKey, type Messages } from '../i18n/en.ts';
import { kk } from '../i18n/kk.ts';
import { ru } from '../i18n/ru.ts';

const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, ru, kk };

/** Where a field's name may already be written: the error catalogue's, then the record forms'. */
const PREFIXES = ['field.', 'lf.f.'] as const;

const isKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/**
 * The field an error names (`counterpartyAccount`, `budgetLines[0].amount`, `penalty.amount`) as
 * people read it in the language: the form's own label when the form gives one (`own`), else the
 * field's name from the catalogues (the last part of a path, without its index), else a generic
 * «поле формы» / «форма өрісі». Never the code. Pure.
 */
export function errorFieldLabel(
  locale: Locale,
  field: string,
  own?: (field: string) => string | undefined,
): string {
  const name =
    field
      .split('.')
      .pop()
      ?.replace(/\[\d+\]$/, '') ?? field;
  const mine = own?.(field) ?? own?.(name);
  if (mine !== undefined) return mine;
  for (const prefix of PREFIXES) {
    const key = `${prefix}${name}`;
    if (isKey(key)) return CATALOGUES[locale][key];
  }
  return CATALOGUES[locale].fieldUnknown;
}

/** The error box's "where" part for a field: «поле «Счёт контрагента»», or the generic wording alone. */
export function errorFieldText(
  locale: Locale,
  field: string,
  own?: (field: string) => string | undefined,
): string {
  const label = errorFieldLabel(locale, field, own);
  const template =
    label === CATALOGUES[locale].fieldUnknown ? '{field}' : CATALOGUES[locale]['common.errorField'];
  return template.replace('{field}', label);
}
