import { domainError } from '@civic/core';
import { ApiError } from '../http/api-error.ts';

/** The content types a statement upload may be sent as (the raw file as the body). */
export const STATEMENT_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/plain',
  'application/xml',
  'text/xml',
] as const;

/** The largest statement upload: far beyond any bank's file, short of filling the disk. */
export const IMPORT_BODY_LIMIT = 2 * 1024 * 1024 * 1024;

export function isStream(body: unknown): body is AsyncIterable<Uint8Array> {
  return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

/**
 * A request body as a byte source, read as it arrives (never buffered whole); null when it is
 * empty. Past `limit` bytes the read stops with REQUEST_BODY_TOO_LARGE (413), which rolls the
 * import back.
 */
export async function uploadSource(
  body: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<AsyncIterable<Uint8Array> | null> {
  const it = body[Symbol.asyncIterator]();
  let first = await it.next();
  while (first.done !== true && first.value.length === 0) first = await it.next();
  if (first.done === true) return null;
  const head = first.value;
  const tooLarge = (): ApiError =>
    new ApiError(
      domainError(
        'REQUEST_BODY_TOO_LARGE',
        `the body is larger than this route takes (${String(limit)} bytes)`,
        {
          field: 'body',
        },
      ),
    );
  if (head.length > limit) throw tooLarge();
  async function* rest(): AsyncGenerator<Uint8Array> {
    let total = head.length;
    yield head;
    for (;;) {
      const next = await it.next();
      if (next.done === true) return;
      total += next.value.length;
      if (total > limit) throw tooLarge();
      yield next.value;
    }
  }
  return rest();
}
