import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Parsing a pack's YAML costs more than the rest of a small command together; the parsed data is
// kept as JSON in the temporary folder, keyed by the SHA-256 of the file's text (an edited pack is
// a new key, so nothing stale is ever read). Packs are public legal data: nothing private is
// written. Any failure to read or write the cache only means parsing again.

const dir = join(tmpdir(), 'civic-rule-packs');

export function packTextKey(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The data parsed earlier from a pack text with this key, if kept. */
export function cachedPackData(key: string): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, `${key}.json`), 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Keeps the data parsed from a valid pack (written whole, then renamed into place). */
export function keepPackData(key: string, data: unknown): void {
  try {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `${key}.json`);
    const partial = `${file}.${String(process.pid)}.partial`;
    writeFileSync(partial, JSON.stringify(data));
    renameSync(partial, file);
  } catch {
    // A read-only or full temporary folder: the next run parses again.
  }
}
