import { domainError, err, type DomainError, type Result } from '@civic/core';

/** Every error code the bank and rate importers return (see docs/errors.md). */
export type ImportErrorCode =
  | 'IMPORT_TRUNCATED'
  | 'IMPORT_AMOUNT_INVALID'
  | 'IMPORT_DATE_INVALID'
  | 'IMPORT_FIELD_MISSING'
  | 'IMPORT_UNKNOWN_FIELD'
  | 'IMPORT_BALANCE_MISMATCH'
  | 'IMPORT_CURRENCY_UNKNOWN'
  | 'IMPORT_ACCOUNT_UNMATCHED'
  | 'IMPORT_LINE_INVALID'
  | 'IMPORT_FORMAT_UNKNOWN'
  | 'IMPORT_XML_INVALID'
  | 'IMPORT_ALIAS_INVALID'
  | 'IMPORT_CSV_MAPPING_INVALID'
  | 'IMPORT_CSV_MAPPING_REQUIRED'
  | 'IMPORT_COLUMN_MISSING'
  | 'IMPORT_UNKNOWN_COLUMN'
  | 'IMPORT_DUPLICATE_COLUMN'
  | 'IMPORT_RATE_INVALID'
  | 'IMPORT_STATEMENT_CONFLICT'
  | 'IMPORT_ACCOUNT_INVALID'
  | 'IMPORT_NOT_STATEMENT';

/** An import error that always names the file, and the line and field when known. */
export function importError(
  code: ImportErrorCode,
  message: string,
  file: string,
  line?: number,
  field?: string,
  details?: Record<string, unknown>,
): DomainError {
  return domainError(code, message, {
    file,
    ...(line === undefined ? {} : { line }),
    ...(field === undefined ? {} : { field }),
    ...(details === undefined ? {} : { details }),
  });
}

export function importFail(
  code: ImportErrorCode,
  message: string,
  file: string,
  line?: number,
  field?: string,
  details?: Record<string, unknown>,
): Result<never> {
  return err(importError(code, message, file, line, field, details));
}

/** Thrown inside a parser's hot loop and turned back into a Result at its boundary. */
export class ImportAbort extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

export function abort(
  code: ImportErrorCode,
  message: string,
  file: string,
  line?: number,
  field?: string,
  details?: Record<string, unknown>,
): never {
  throw new ImportAbort(importError(code, message, file, line, field, details));
}

/** Runs a parser that may `abort`, returning its error as a Result; any other exception is a bug and rethrown. */
export function catchAbort<T>(run: () => Result<T>): Result<T> {
  try {
    return run();
  } catch (e) {
    if (e instanceof ImportAbort) return err(e.error);
    throw e;
  }
}
