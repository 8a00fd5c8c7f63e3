import { readCsvRecords } from '../bank/csv-reader.ts';
import { abort } from '../bank/import-error.ts';
import { parseDateLayout } from '../bank/scalar.ts';
import { addRate, readRateCurrency, readRateUnits, readRateValue, type ParsedRate } from './parsed-rate.ts';

/**
 * Plain rates CSV: a header row naming `date,currency,rate,units` (any order; `units` may be left
 * out and then is 1; an optional `source` column), ISO dates, a point as the decimal mark (quote a
 * rate written with a comma). `;` works as the delimiter too.
 */
export function parseRatesCsv(text: string, file: string): ParsedRate[] {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  const rates: ParsedRate[] = [];
  const seen = new Map<string, ParsedRate>();
  let at: Record<'date' | 'currency' | 'rate' | 'units' | 'source', number> | null = null;
  readCsvRecords(text, delimiter, file, (fields, line) => {
    if (at === null) {
      const names = fields.map((f) => f.trim().toLowerCase());
      const find = (c: string): number => names.indexOf(c);
      at = {
        date: find('date'),
        currency: find('currency'),
        rate: find('rate'),
        units: find('units'),
        source: find('source'),
      };
      for (const c of ['date', 'currency', 'rate'] as const) {
        if (at[c] < 0)
          abort(
            'IMPORT_COLUMN_MISSING',
            `the header row has no "${c}" column; expected date,currency,rate,units`,
            file,
            line,
            c,
          );
      }
      return;
    }
    const cell = (i: number): string | null => (i < 0 ? null : (fields[i]?.trim() ?? null) || null);
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
    const units = readRateUnits(cell(at.units), file, line, 'units');
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
