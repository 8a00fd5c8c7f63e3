import { formatDateCase, formatLongDate, isDateCase } from '../format/format-date.ts';
import { formatIsoPeriod } from '../format/format-duration.ts';
import { formatDecimalMoney, formatDecimalText, formatNumber } from '../format/format-number.ts';
import type { Locale } from '../locale.ts';

/** A value a message is built from (a finding's or a lint problem's params). */
export type MessageParam = string | number | boolean | null | undefined;

/** One message in each interface language, with `{name}` or `{name:hint}` placeholders. */
export type MessageTemplates = Readonly<Record<Locale, string>>;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_PERIOD = /^P(?:\d+[YMWD])+$/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/**
 * One parameter in the language: a calendar date in words, an ISO period in words, a number with
 * the language's separators; `:money` formats a decimal in `params.currency`, `:text` leaves the
 * value as it is (a form number, a person's text); a date case (`:until`, `:on`, `:of`, `:from`,
 * `:to`) writes a date as the phrase needs it («2021 жылғы 25 қаңтарға дейін»). A missing value
 * reads «?».
 */
function formatParam(
  locale: Locale,
  value: MessageParam,
  hint: string | undefined,
  currency: MessageParam,
): string {
  if (value === null || value === undefined || value === '') return '?';
  if (hint === 'text' || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(locale, value, { maximumFractionDigits: 4 });
  if (hint === 'money' && DECIMAL.test(value) && typeof currency === 'string')
    return formatDecimalMoney(locale, value, currency);
  if (ISO_DAY.test(value))
    return hint && isDateCase(hint) ? formatDateCase(locale, value, hint) : formatLongDate(locale, value);
  if (ISO_PERIOD.test(value)) return formatIsoPeriod(locale, value);
  if (DECIMAL.test(value)) return formatDecimalText(locale, value);
  return value;
}

/**
 * A message in the language from its template and params, every date, period, number and sum
 * through the project's own formatter (never the platform's locale data). Pure.
 *
 * @example renderMessage({ en: '…', ru: 'Срок истёк {expiresOn}', kk: '…' }, 'ru', { expiresOn: '2021-01-15' })
 *   // 'Срок истёк 15 января 2021 г.'
 */
export function renderMessage(
  templates: MessageTemplates,
  locale: Locale,
  params: Readonly<Record<string, MessageParam>>,
): string {
  return (
    templates[locale]
      .replace(/\{(\w+)(?::(\w+))?\}/g, (_, name: string, hint: string | undefined) =>
        formatParam(locale, params[name], hint, params['currency']),
      )
      // A Russian date ends in «г.»: at the end of a sentence it takes no second full stop.
      .replace(/(?<=\sг)\.\.(?!\.)/g, '.')
  );
}
