import type SQLite from 'better-sqlite3-multiple-ciphers';
import { isSealedFile, openStoredFile, sealStoredFile } from './file-cipher.ts';
import { StoreKeyError } from './store-key-error.ts';
import { deriveFileKey } from './store-keys.ts';

/** The tables that keep stored files, with how each row is named in the seal's additional data. */
const STORED_FILES = [
  {
    table: 'case_document',
    select: `SELECT id AS k1, NULL AS k2 FROM case_document`,
    read: `SELECT content FROM case_document WHERE id = ?`,
    write: `UPDATE case_document SET content = ? WHERE id = ?`,
    name: (k1: unknown): string => `case_document:${String(k1)}`,
  },
  {
    table: 'attachment',
    select: `SELECT filing_id AS k1, seq AS k2 FROM attachment WHERE content IS NOT NULL`,
    read: `SELECT content FROM attachment WHERE filing_id = ? AND seq = ?`,
    write: `UPDATE attachment SET content = ? WHERE filing_id = ? AND seq = ?`,
    name: (k1: unknown, k2: unknown): string => `attachment:${String(k1)}:${String(k2)}`,
  },
] as const;

/** What is used of a SQLite connection (a keyed sqlite3mc handle, or a store's own). */
type Handle = Pick<SQLite.Database, 'prepare' | 'exec' | 'transaction'>;

const hasTable = (db: Handle, name: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;

/**
 * Rewrites every stored file (case documents, filing attachments) of an open SQLite file: opened
 * with the file key `from` (a file kept as it is needs none), then sealed under `to`, or kept as it
 * is when `to` is null (what a plain store expects). A backup carries its stored files this way
 * (issue 15): the snapshot copy holds them as they are, inside its pages encrypted under the
 * throwaway key, and the restored store seals them under its own file key. One transaction; one
 * file in memory at a time. A file that does not open with `from` (sealed under another key, or
 * altered) is left as it is: it did not open before either. Only the content column changes (each
 * row's name, size and sha256 stay). For a private copy only (a snapshot, a restore before it is
 * linked into place), never a live store. Returns how many files were rewritten.
 */
export function resealStoredFiles(db: Handle, from: Buffer | null, to: Buffer | null): number {
  let rewritten = 0;
  db.transaction(() => {
    for (const t of STORED_FILES) {
      if (!hasTable(db, t.table)) continue;
      // A submitted filing's attachments refuse every UPDATE (a trigger): on this private copy the
      // table's triggers are lifted for the rewrite and put back as they were, in the same transaction.
      const triggers = db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name`)
        .all(t.table) as { name: string; sql: string }[];
      for (const g of triggers) db.exec(`DROP TRIGGER "${g.name.replaceAll('"', '""')}"`);
      const keys = db.prepare(t.select).raw().all() as [unknown, unknown][];
      const read = db.prepare(t.read).pluck();
      const write = db.prepare(t.write);
      for (const [k1, k2] of keys) {
        const where = k2 === null ? [k1] : [k1, k2];
        const stored = read.get(...where) as Buffer | null | undefined;
        if (!stored) continue;
        const name = t.name(k1, k2);
        if (to === null && !isSealedFile(stored)) continue;
        let bytes: Uint8Array;
        try {
          bytes = openStoredFile(from, name, new Uint8Array(stored.buffer, stored.byteOffset, stored.length));
        } catch (e) {
          if (e instanceof StoreKeyError) continue;
          throw e;
        }
        write.run(Buffer.from(sealStoredFile(to, name, bytes)), ...where);
        rewritten += 1;
      }
      for (const g of triggers) db.exec(g.sql);
    }
  })();
  return rewritten;
}

/** Seals a restored store's stored files (kept as they are in a backup) under its data key's file key. */
export function sealRestoredFiles(db: Handle, dataKey: Uint8Array): void {
  const fileKey = deriveFileKey(dataKey);
  try {
    resealStoredFiles(db, null, fileKey);
  } finally {
    fileKey.fill(0);
  }
}
