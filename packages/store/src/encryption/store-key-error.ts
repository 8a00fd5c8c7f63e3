/**
 * Why an encrypted store could not be opened. The message names the database and where the key was
 * looked for, never the key, a part of it, or anything read from the database.
 */
export type StoreKeyErrorCode = 'DB_KEY_REQUIRED' | 'DB_KEY_INVALID';

export class StoreKeyError extends Error {
  constructor(
    readonly code: StoreKeyErrorCode,
    message: string,
    readonly file?: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'StoreKeyError';
  }
}

export function isStoreKeyError(e: unknown): e is StoreKeyError {
  return e instanceof StoreKeyError;
}
