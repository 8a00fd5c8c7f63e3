import { mapFor, setBounded } from '@civic/core';

const bigintText = (_k: string, v: unknown): unknown => (typeof v === 'bigint' ? v.toString() : v);

/** The content type of every JSON answer (what Fastify sends for a serialized object). */
export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Answers are JSON with any bigint as decimal text (the server's reply serializer). Most answers
 * carry no bigint (routes turn money into text) and a replacer function makes JSON.stringify a
 * third slower, so it runs only when the plain one refuses a bigint.
 */
export function jsonBody(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch (e) {
    if (e instanceof TypeError && /BigInt/i.test(e.message)) return JSON.stringify(value, bigintText);
    throw e;
  }
}

/** At most this many bodies per owner (the variants of one answer a client asks for). */
const MAX_BODIES = 4;
const bodies = new WeakMap<object, Map<string, Buffer>>();

/**
 * The JSON body (as jsonBody writes it) made from an answer that does not change, kept with the
 * object it comes from while that object lives: an answer served from a cache (the same object
 * each time) is mapped and serialised once, not on every request. `variant` must name everything
 * besides `owner` that `make` reads (a query's fields, say).
 */
export function keptJsonBody(owner: object, variant: string, make: () => unknown): Buffer {
  const kept = mapFor(bodies, owner);
  let body = kept.get(variant);
  if (body === undefined) {
    body = Buffer.from(jsonBody(make()));
    setBounded(kept, variant, body, MAX_BODIES);
  }
  return body;
}
