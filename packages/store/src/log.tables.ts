import type { Int } from './schema.ts';

/**
 * The append-only, hash-chained log (issue 3). One chain per organisation (`organisation` is ''
 * for entries tied to none), numbered from 1 by `seq`. The repository has no UPDATE or DELETE
 * path, and triggers on both dialects reject them.
 */
export interface LogEntryTable {
  organisation: string;
  seq: Int;
  kind: string;
  subject_id: string;
  /** RFC 8785 canonical JSON text. */
  content: string;
  content_hash: string;
  previous_hash: string;
  entry_hash: string;
  recorded_at: string;
}

export interface LogTables {
  log_entry: LogEntryTable;
}
