import { ok, type CurrencyCode, type ParsedStatement, type Result } from '@civic/core';
import { recordBalances } from './balance-check.ts';
import { detectBankFormat, type BankFormat } from './bank-format.ts';
import { parseCamt053Statement } from './camt053-statement.ts';
import { inferCsvMapping } from './csv-infer.ts';
import { parseCsvMapping, type CsvMapping } from './csv-mapping.ts';
import { parseCsvStatement } from './csv-statement.ts';
import { importFail } from './import-error.ts';
import { checkLooksLikeStatement } from './not-statement.ts';
import { parseMt940Statement } from './mt940-stream.ts';
import { parseOnecStatement } from './onec-statement.ts';
import { checkStatement } from './statement-checks.ts';

export interface ParseBankStatementOptions {
  readonly fileName: string;
  /** Skip detection and read as this format. */
  readonly format?: BankFormat;
  /**
   * For CSV: how the columns map to statement fields (a `CsvMapping`, or its JSON, validated here
   * with `parseCsvMapping`). Without one the mapping is guessed from the header row.
   */
  readonly csvMapping?: CsvMapping;
  /** CSV without a mapping: the statement's currency when the file has no currency column. */
  readonly currency?: string;
  /** CSV without a mapping: the header of the column that holds the currencies. */
  readonly currencyColumn?: string;
  /** 1C only: extra field spellings, bank's name → known field. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** 1C only: the currency when the file names none (KZT unless given). */
  readonly defaultCurrency?: CurrencyCode;
  /**
   * `refuse` (the default): a balance that does not add up refuses the file. `report`: it is only
   * recorded in `balances` (balanced: false), for a dry run or an import accepted unbalanced.
   */
  readonly balances?: 'refuse' | 'report';
}

/**
 * Parses a bank statement in any supported format, then checks it (`checkStatement`: account
 * numbers refused or warned about, lines booked outside their statement's period warned about).
 */
export function parseBankStatement(
  bytes: Uint8Array,
  options: ParseBankStatementOptions,
): Result<ParsedStatement> {
  const looks = checkLooksLikeStatement(bytes, options.fileName);
  if (!looks.ok) return looks;
  const parsed = parseRecordingBalances(bytes, options);
  return parsed.ok ? checkStatement(parsed.value) : parsed;
}

/** The parse, with every balance it checked attached as `balances` (in file order). */
function parseRecordingBalances(
  bytes: Uint8Array,
  options: ParseBankStatementOptions,
): Result<ParsedStatement> {
  const { value, balances } = recordBalances(options.balances !== 'report', () =>
    parseBankStatementRaw(bytes, options),
  );
  return value.ok ? ok({ ...value.value, balances }) : value;
}

/**
 * Parses a bank statement in any supported format to a `ParsedStatement`, checking every balance
 * it states. Pure: bytes in, result out; never throws on bad input.
 */
function parseBankStatementRaw(
  bytes: Uint8Array,
  options: ParseBankStatementOptions,
): Result<ParsedStatement> {
  const file = options.fileName;
  const format = options.format ?? detectBankFormat(bytes, file);
  switch (format) {
    case '1c':
      return parseOnecStatement(bytes, {
        fileName: file,
        ...(options.aliases ? { aliases: options.aliases } : {}),
        ...(options.defaultCurrency ? { defaultCurrency: options.defaultCurrency } : {}),
      });
    case 'csv': {
      const mapping =
        options.csvMapping === undefined
          ? inferCsvMapping(bytes, file, {
              currency: options.currency,
              currencyColumn: options.currencyColumn,
            })
          : parseCsvMapping(options.csvMapping, file);
      return mapping.ok ? parseCsvStatement(bytes, mapping.value, file) : mapping;
    }
    case 'camt053':
      return parseCamt053Statement(bytes, file);
    case 'mt940':
      return parseMt940Statement(bytes, file);
    case null:
      return importFail(
        'IMPORT_FORMAT_UNKNOWN',
        'the file is not a 1C, CAMT.053 or MT940 statement, nor a .csv file; name the format with --format',
        file,
      );
  }
}
