import {
  balanceMismatchMessage,
  formatDecimalMoney,
  formatDecimalText,
  formatNumber,
  labelOf,
  NOT_STATEMENT_KIND_LABELS,
  type BalanceMismatchParams,
  type DomainError,
  type Locale,
  type StatementWarning,
} from '@civic/core';
import { errorSpec } from './error-table.ts';
import { EN_MESSAGES } from './messages.en.ts';
import { KK_MESSAGES } from './messages.kk.ts';
import { RU_MESSAGES } from './messages.ru.ts';
import { detailParams } from './localise-detail.ts';
import { KK_DETAILED, RU_DETAILED } from './messages-detail.ts';

const DETAILED: Readonly<Record<'ru' | 'kk', Readonly<Record<string, string>>>> = {
  ru: RU_DETAILED,
  kk: KK_DETAILED,
};

/** Details that are sums: decimal strings in `details.currency`, printed as money in the language. */
const MONEY_DETAILS = new Set(['total', 'grant', 'allocated', 'amount', 'expected', 'actual']);

/**
 * What an error says specifically, ready for a message in the language: the value at fault (its
 * `details.value`, else the first "…" its English message quotes), its field and name, and every
 * scalar of its details — numbers through the core formatter, sums as money in their currency.
 */
export function errorParams(error: DomainError, locale: Locale): Record<string, string> {
  const d = error.details ?? {};
  const currency = typeof d['currency'] === 'string' ? d['currency'] : undefined;
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(d)) {
    if (typeof v === 'number' || typeof v === 'bigint') params[k] = formatNumber(locale, v);
    else if (typeof v !== 'string') continue;
    else if (MONEY_DETAILS.has(k) && currency && /^-?\d+(\.\d+)?$/.test(v))
      params[k] = formatDecimalMoney(locale, v, currency);
    else if (MONEY_DETAILS.has(k) && /^-?\d+\.\d+$/.test(v)) params[k] = formatDecimalText(locale, v);
    else params[k] = v;
  }
  const { value } = detailParams(error);
  if (value !== undefined) params['value'] = value;
  if (error.field !== undefined) params['field'] = error.field;
  return params;
}

/**
 * The arithmetic of a statement whose balances do not add up, as the bank readers record it in
 * `details` (opening, in, out, the closing computed — `expected` — and the one stated — `actual`).
 */
function balanceParams(error: DomainError): BalanceMismatchParams | undefined {
  const d = error.details ?? {};
  const text = (...keys: string[]): string | undefined =>
    keys.map((k) => d[k]).find((v): v is string => typeof v === 'string');
  const [opening, totalIn, totalOut] = [text('opening'), text('totalIn'), text('totalOut')];
  const [computed, closing, currency] = [
    text('computed', 'expected'),
    text('closing', 'actual'),
    text('currency'),
  ];
  const line = typeof d['line'] === 'number' ? d['line'] : error.line;
  if (!opening || !totalIn || !totalOut || !computed || !closing || !currency || line === undefined)
    return undefined;
  const [statement, account] = [text('statement') ?? '—', text('account') ?? '—'];
  return { statement, account, line, currency, opening, totalIn, totalOut, computed, closing };
}

/** The detailed message of a code in ru/kk when the error has every fact it names; else undefined. */
function detailed(error: DomainError, key: string, locale: Locale): string | undefined {
  if (locale === 'en') return undefined;
  if (key === 'IMPORT_BALANCE_MISMATCH') {
    const b = balanceParams(error);
    if (b) return balanceMismatchMessage(locale, b);
  }
  const template = DETAILED[locale][key];
  if (template === undefined) return undefined;
  const params = errorParams(error, locale);
  let complete = true;
  const text = template.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const v = params[name];
    if (v === undefined) complete = false;
    return v ?? '';
  });
  return complete ? text : undefined;
}

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
 * the code (English, Russian or Kazakh); in Russian and Kazakh the detailed message when the error
 * carries its facts (messages-detail.ts: the value at fault, the sums that do not match). A code not
 * in the catalogues yet falls back to the error's own (English) message, which names the value.
 */
export function localiseError(error: DomainError, locale: Locale): string {
  const key = errorSpec(error.code).messageKey;
  const specific = detailed(error, key, locale);
  if (specific !== undefined) return specific;
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
