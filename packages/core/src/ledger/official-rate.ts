import { parseCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { parseCurrency, type CurrencyCode } from '../currency.ts';
import { domainError, err, ok, type Result } from '../result.ts';

/**
 * A rate as a scaled integer, read straight from the published decimal text, never through a
 * float: "448.61" → { value: 44861n, scale: 2 } (value / 10^scale).
 */
export interface ScaledRate {
  readonly value: bigint;
  readonly scale: number;
}

/** An official rate: `rate` KZT for `units` units of `currency` on `date`, as `source` published it. */
export interface OfficialRate {
  readonly date: CalendarDate;
  readonly currency: CurrencyCode;
  /** The decimal text as published ("448.61"). */
  readonly text: string;
  readonly rate: ScaledRate;
  /** How many units of the currency the rate is quoted for (NBK quotes e.g. 10 for some). */
  readonly units: number;
  /** Who published it (e.g. "NBK", or a file name). */
  readonly source: string;
}

/** Parses the published decimal text of a rate; it must be positive. Accepts "," as the separator. */
export function parseScaledRate(text: string, field = 'rate'): Result<ScaledRate> {
  const t = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  const m = /^(\d+)(?:\.(\d+))?$/.exec(t);
  if (!m)
    return err(domainError('RATE_INVALID', `${field}: "${text}" is not a positive decimal rate`, { field }));
  const whole = m[1] ?? '0';
  const fraction = m[2] ?? '';
  const value = BigInt(whole + fraction);
  if (value === 0n)
    return err(domainError('RATE_INVALID', `${field}: a rate of zero is not a rate`, { field }));
  return ok({ value, scale: fraction.length });
}

/** The rate's decimal text in canonical form (for export and display): value / 10^scale. */
export function formatScaledRate(rate: ScaledRate): string {
  if (rate.scale === 0) return rate.value.toString();
  const digits = rate.value.toString().padStart(rate.scale + 1, '0');
  return `${digits.slice(0, -rate.scale)}.${digits.slice(-rate.scale)}`;
}

export interface OfficialRateInput {
  readonly date: string;
  readonly currency: string;
  readonly rate: string;
  readonly units?: number;
  readonly source: string;
  /** The currency the rate is quoted in (default KZT, the NBK's): no rate is quoted for it. */
  readonly base?: string;
}

/** Validates one official rate (date, known currency other than KZT, positive rate, units ≥ 1). */
export function makeOfficialRate(input: OfficialRateInput): Result<OfficialRate> {
  const date = parseCalendarDate(input.date, 'date');
  if (!date.ok) return date;
  const currency = parseCurrency(input.currency);
  if (!currency.ok) return currency;
  const base = input.base ?? 'KZT';
  if (currency.value === base)
    return err(
      domainError('RATE_INVALID', `a rate is never quoted for ${base} itself`, { field: 'currency' }),
    );
  const rate = parseScaledRate(input.rate);
  if (!rate.ok) return rate;
  const units = input.units ?? 1;
  if (!Number.isSafeInteger(units) || units < 1)
    return err(
      domainError('RATE_INVALID', `units must be a whole number ≥ 1, not ${String(units)}`, {
        field: 'units',
      }),
    );
  return ok({
    date: date.value,
    currency: currency.value,
    text: input.rate.trim(),
    rate: rate.value,
    units,
    source: input.source,
  });
}
