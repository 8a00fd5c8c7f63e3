import {
  ok,
  quoteValue,
  type CalendarDate,
  type CurrencyCode,
  type ParsedStatement,
  type Result,
  type StatementAccount,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { findCurrencyColumns, isCurrencyCode } from './csv-currency-column.ts';
import type { ColumnRef, CsvColumns, CsvMapping } from './csv-mapping.ts';
import { readCurrency } from './currency-code.ts';
import { CsvRowReader, type ColumnKey } from './csv-row.ts';
import { readCsvRecords } from './csv-reader.ts';
import { abort, catchAbort } from './import-error.ts';
import { StatementLineChecks } from './statement-checks.ts';
import { decodeText } from './text-decode.ts';

/** The 0-based column of each mapped field, and the name errors use for it. */
type Resolved = Partial<Record<ColumnKey, number>>;
type Names = Partial<Record<ColumnKey, string>>;

function resolveColumns(
  columns: CsvColumns,
  header: readonly string[] | null,
  file: string,
  headerLine: number,
): { index: Resolved; names: Names } {
  const index: Resolved = {};
  const names: Names = {};
  const lowered = header?.map((h) => h.trim().toLowerCase()) ?? null;
  for (const key of Object.keys(columns) as ColumnKey[]) {
    const ref: ColumnRef | undefined = columns[key];
    if (ref === undefined) continue;
    if (typeof ref === 'number') {
      index[key] = ref - 1;
      names[key] = header?.[ref - 1]?.trim() || `column ${ref}`;
      continue;
    }
    const at = lowered?.indexOf(ref.trim().toLowerCase()) ?? -1;
    if (at < 0)
      abort(
        'IMPORT_COLUMN_MISSING',
        `the header has no column "${ref}" (mapped to ${key}); it has: ${header?.join(', ') ?? 'no header'}`,
        file,
        headerLine,
        ref,
      );
    index[key] = at;
    names[key] = ref;
  }
  return { index, names };
}

/**
 * With a fixed currency and no currency column, a column the mapping leaves out may still hold
 * each row's currency (`Валюта платежа`): such a column — named so, or holding ISO codes in the
 * first data row — must agree with the fixed currency on every row, or the file is refused
 * (IMPORT_CSV_MAPPING_REQUIRED naming it): a USD row is never stored as KZT.
 */
function unmappedCurrencyGuard(
  header: readonly string[] | null,
  used: ReadonlySet<number>,
  fixed: string | undefined,
  file: string,
): (fields: readonly string[], line: number) => void {
  let watched: { at: number; name: string }[] | null = null;
  return (fields, line) => {
    if (watched === null) {
      const names = header ?? fields.map((_f, i) => `column ${i + 1}`);
      const named = header === null ? [] : findCurrencyColumns(header, [], used).map((c) => c.at);
      const coded = fields.flatMap((f, at) => (used.has(at) || !isCurrencyCode(f) ? [] : [at]));
      watched = [...new Set([...named, ...coded])].map((at) => ({
        at,
        name: names[at]?.trim() || `column ${at + 1}`,
      }));
    }
    for (const c of watched) {
      const v = fields[c.at]?.trim() ?? '';
      if (v !== '' && readCurrency(v) !== (fixed ?? null))
        abort(
          'IMPORT_CSV_MAPPING_REQUIRED',
          `column "${quoteValue(c.name)}" says the currency is "${quoteValue(v)}", but the mapping reads every row as ${fixed ?? 'no currency'}: map it as columns.currency`,
          file,
          line,
          c.name,
        );
    }
  };
}

/** What a streamed CSV read reports at the end (the lines went to the callback). */
export interface CsvStatementSummary {
  readonly encoding: string;
  readonly accounts: readonly StatementAccount[];
  readonly count: number;
  /** Account numbers worth a person's look, with their lines. */
  readonly warnings: readonly StatementWarning[];
}

/** The rows of a CSV statement turned into lines as they come; `finish` after the last row. */
export interface CsvStatementRows {
  readonly onRow: (fields: string[], line: number) => void;
  readonly finish: () => CsvStatementSummary;
}

/**
 * The row handler of a CSV statement (header, currency guard, checks, accounts and periods),
 * fed by whole-text or chunked reading alike. Aborts (ImportAbort) on a bad row.
 */
export function csvStatementRows(
  mapping: CsvMapping,
  file: string,
  onLine: (line: StatementLine) => void,
): CsvStatementRows {
  const accounts = new Map<
    string,
    { account: string; currency: CurrencyCode; from: CalendarDate; to: CalendarDate }
  >();
  let last: { account: string; currency: CurrencyCode; from: CalendarDate; to: CalendarDate } | undefined;
  let skipped = 0;
  let count = 0;
  let reader: CsvRowReader | null = null;
  const checks = new StatementLineChecks(file);
  let guard: ((fields: readonly string[], line: number) => void) | null = null;

  const onRow = (fields: string[], line: number): void => {
    if (skipped < mapping.skipRows) {
      skipped++;
      return;
    }
    if (reader === null) {
      const header = mapping.header ? fields.slice() : null;
      const { index, names } = resolveColumns(mapping.columns, header, file, line);
      const used = new Set(Object.values(index));
      const rawColumns = (header ?? []).flatMap((name, at) =>
        used.has(at) || name.trim() === '' ? [] : [{ at, name: name.trim() }],
      );
      reader = new CsvRowReader(mapping, index, names, rawColumns, file);
      if (mapping.columns.currency === undefined)
        guard = unmappedCurrencyGuard(header, used, mapping.currency, file);
      if (header !== null) return;
    }
    guard?.(fields, line);
    const l = reader.read(fields, line);
    checks.line(l);
    count++;
    onLine(l);
    // Rows of one account come in runs: look the account up only when it changes.
    if (last === undefined || last.account !== l.account || last.currency !== l.currency) {
      const key = `${l.account}\u0000${l.currency}`;
      last = accounts.get(key);
      if (last === undefined) {
        last = { account: l.account, currency: l.currency, from: l.bookedOn, to: l.bookedOn };
        accounts.set(key, last);
      }
    }
    if (l.bookedOn < last.from) last.from = l.bookedOn;
    if (l.bookedOn > last.to) last.to = l.bookedOn;
  };
  const finish = (): CsvStatementSummary => {
    if (reader === null && mapping.header)
      abort('IMPORT_FIELD_MISSING', 'the file has no header row', file, 1);
    const statementAccounts: StatementAccount[] = [...accounts.values()].map((a) => ({
      ...a,
      opening: null,
      totalIn: null,
      totalOut: null,
      closing: null,
    }));
    return { encoding: mapping.encoding, accounts: statementAccounts, count, warnings: checks.warnings };
  };
  return { onRow, finish };
}

/**
 * Reads a CSV bank statement line by line, handing each `StatementLine` to `onLine` without
 * keeping it: for very large files, a caller that writes lines as they come (inside one
 * transaction it rolls back on error) holds no more than a batch in memory. Errors are as for
 * `parseCsvStatement`; lines before the error have already been handed over.
 */
export function forEachCsvStatementLine(
  bytes: Uint8Array,
  mapping: CsvMapping,
  fileName: string,
  onLine: (line: StatementLine) => void,
): Result<CsvStatementSummary> {
  return catchAbort(() => {
    const rows = csvStatementRows(mapping, fileName, onLine);
    readCsvRecords(decodeText(bytes, mapping.encoding), mapping.delimiter, fileName, rows.onRow);
    return ok(rows.finish());
  });
}

/**
 * Parses a CSV bank statement with a column mapping. Each row becomes one statement line;
 * a row's error names its line and the column (by header name, or "column N"). Columns the
 * mapping does not use are kept in each line's `raw`, by header name.
 */
export function parseCsvStatement(
  bytes: Uint8Array,
  mapping: CsvMapping,
  fileName: string,
): Result<ParsedStatement> {
  const lines: StatementLine[] = [];
  const r = forEachCsvStatementLine(bytes, mapping, fileName, (l) => lines.push(l));
  if (!r.ok) return r;
  return ok({
    format: 'csv',
    file: fileName,
    encoding: r.value.encoding,
    accounts: r.value.accounts,
    lines,
    warnings: r.value.warnings,
  } satisfies ParsedStatement);
}
