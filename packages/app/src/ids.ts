import { randomUUID } from 'node:crypto';

/** A new opaque id with a readable prefix, e.g. `rcp_0b6f…`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}

/**
 * Ids for the many rows one run writes (an import's foreign candidates), in the shape of `newId`
 * (prefix, `_`, 32 hex digits): 16 random digits drawn once per run, then a counter. Unique across
 * runs as random ids are (60 random bits a run), and in key order within one, so the key's index
 * takes them at one place instead of at random pages: a random key cost SQLite about 0.5 CPU-s a
 * 300,000-document 1C import.
 */
export function orderedIds(prefix: string): () => string {
  const run = randomUUID().replace(/-/g, '').slice(0, 16);
  let n = 0;
  return () => `${prefix}_${run}${(n++).toString(16).padStart(16, '0')}`;
}
