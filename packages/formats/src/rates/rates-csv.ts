import { quoteValue } from '@civic/core';
import { readCsvRecords } from '../bank/csv-reader.ts';
import { unguardCsvCell } from '../csv-cell.ts';
import { abort } from '../bank/import-error.ts';
import { parseDateLayout } from '../bank/scalar.ts';
import { addRate, readRateCurrency, readRateUnits, readRateValue, type ParsedRate } from './parsed-rate.ts';

const COLUMNS = ['date', 'currency', 'rate', 'units', 'source'] as const;
type RatesColumn = (typeof COLUMNS)[number];

/**
 * The header decides what every value means, so it is strict: a column that is not one of
 * date,currency,rate,units,source (a misspelt `unit` would leave every rate per one unit: a JPY
 * rate per 10 yen stored ten times too high) is IMPORT_UNKNOWN_COLUMN, a repeated one
 * IMPORT_DUPLICATE_COLUMN, and each of date,currency,rate,units missing is IMPORT_COLUMN_MISSING.
 */
function readRatesHeader(
  fields: readonly string[],
  file: string,
  line: number,
  unitsOptional: boolean,
): Record<RatesColumn, number> {
  const at: Record<RatesColumn, number> = { date: -1, currency: -1, rate: -1, units: -1, source: -1 };
  fields.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    const column = COLUMNS.find((c) => c === name);
    if (column === undefined)
      abort(
        'IMPORT_UNKNOWN_COLUMN',
        `unknown column "${quoteValue(raw.trim())}"; a rates CSV has the columns date,currency,rate,units (and source)`,
        file,
        line,
        quoteValue(raw.trim()),
      );
    if (at[column] >= 0)
      abort('IMPORT_DUPLICATE_COLUMN', `column "${column}" appears twice`, file, line, column);
    at[column] = i;
  });
  for (const c of ['date', 'currency', 'rate', 'units'] as const) {
    if (at[c] < 0 && !(c === 'units' && unitsOptional))
      abort(
        'IMPORT_COLUMN_MISSING',
        `the header row has no "${c}" column; expected date,currency,rate,units`,
        file,
        line,
        c,
      );
  }
  return at;
}

/**
 * Plain rates CSV: a header row naming `date,currency,rate,units` (any order; an optional `source`
 * column; nothing else), ISO dates, a point as the decimal mark (quote a rate written with a
 * comma). `;` works as the delimiter too. `unitsOptional` (a pack's reference-rate CSV
 * `date,currency,rate`): without a `units` column every rate is per one unit.
 */
export function parseRatesCsv(text: string, file: string, unitsOptional = false): ParsedRate[] {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rates: ParsedRate[] = [];
  const seen = new Map<string, ParsedRate>();
  let at: Record<RatesColumn, number> | null = null;
  readCsvRecords(text, delimiter, file, (fields, line) => {
    if (at === null) {
      at = readRatesHeader(fields, file, line, unitsOptional);
      return;
    }
    const cell = (i: number): string | null =>
      i < 0 ? null : unguardCsvCell(fields[i] ?? '').trim() || null;
    const dateText = cell(at.date);
    if (dateText === null) abort('IMPORT_FIELD_MISSING', 'date: empty', file, line, 'date');
    const date = parseDateLayout(dateText, 'YYYY-MM-DD');
    if (date === null)
      abort(
        'IMPORT_DATE_INVALID',
        `date: "${dateText}" is not a date in the form YYYY-MM-DD`,
        file,
        line,
        'date',
      );
    const currency = readRateCurrency(cell(at.currency), file, line, 'currency');
    const rate = readRateValue(cell(at.rate), file, line, 'rate');
    const units = readRateUnits(at.units < 0 ? '1' : cell(at.units), file, line, 'units');
    addRate(
      rates,
      seen,
      { date, currency, rate, units, source: cell(at.source) ?? `csv:${file}`, line },
      file,
      'rate',
    );
  });
  if (at === null)
    abort(
      'IMPORT_FIELD_MISSING',
      'the file is empty: expected a header row date,currency,rate,units',
      file,
      1,
      'date',
    );
  return rates;
}
