import type { DomainError, Result } from '@civic/core';

/** An expected error on its way to the client: the error handler turns it into `{"error":{…}}`. */
export class ApiError extends Error {
  constructor(
    readonly error: DomainError,
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(error.message);
    this.name = 'ApiError';
  }
}

/** The value of a successful result, or throws its error as an ApiError. */
export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
