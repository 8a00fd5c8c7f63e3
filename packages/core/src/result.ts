import { capMessage, quoteValue } from './quote-value.ts';

/**
 * The result of an operation that can fail in an expected way. `core` and `app` return these
 * for expected failures and throw only for bugs.
 */
export type Result<T, E = DomainError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** An expected failure: a stable SCREAMING_SNAKE code (see docs/errors.md), a plain message, and where it happened. */
export interface DomainError {
  readonly code: string;
  readonly message: string;
  /** The field, column or element at fault, when known. */
  readonly field?: string;
  /** 1-based line in the input, when known. */
  readonly line?: number;
  /** The input file, when known. */
  readonly file?: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const err = <E = DomainError>(error: E): Result<never, E> => ({ ok: false, error });

/**
 * A field named after input (a header cell, a JSON key) is capped like any quoted value
 * (`quoteValue`), so a 2 MB header cell cannot make a 2 MB error.
 */
export function domainError(
  code: string,
  message: string,
  where: Omit<DomainError, 'code' | 'message'> = {},
): DomainError {
  const text = capMessage(message);
  return where.field === undefined || where.field.length <= 80
    ? { code, message: text, ...where }
    : { code, message: text, ...where, field: quoteValue(where.field) };
}
