import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface ImportBatch {
  readonly id: string;
  readonly organisationId: string | null;
  readonly kind: 'bank' | 'rates';
  readonly fileName: string;
  readonly format: string;
  readonly sha256: string;
  readonly encoding: string | null;
  readonly read: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly candidates: number;
  readonly importedAt: string;
  /** Imported although its balances do not add up: the statements and their arithmetic. */
  readonly unbalanced?: string | null;
}

export async function insertImportBatch(db: Kysely<Database>, b: ImportBatch): Promise<void> {
  await db
    .insertInto('import_batch')
    .values({
      id: b.id,
      organisation_id: b.organisationId,
      kind: b.kind,
      file_name: b.fileName,
      format: b.format,
      sha256: b.sha256,
      encoding: b.encoding,
      read_count: b.read,
      imported_count: b.imported,
      duplicate_count: b.duplicates,
      candidate_count: b.candidates,
      imported_at: b.importedAt,
      unbalanced: b.unbalanced ?? null,
    })
    .execute();
}

export async function updateImportBatchCounts(
  db: Kysely<Database>,
  id: string,
  counts: {
    read?: number;
    imported: number;
    duplicates: number;
    candidates: number;
    sha256?: string;
    encoding?: string;
  },
): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({
      // A streamed file's digest is known only once it has been read to its end.
      ...(counts.sha256 === undefined ? {} : { sha256: counts.sha256 }),
      ...(counts.encoding === undefined ? {} : { encoding: counts.encoding }),
      imported_count: counts.imported,
      duplicate_count: counts.duplicates,
      candidate_count: counts.candidates,
      ...(counts.read === undefined ? {} : { read_count: counts.read }),
    })
    .where('id', '=', id)
    .execute();
}

export async function listImportBatches(
  db: Kysely<Database>,
  organisationId: string | null,
): Promise<ImportBatch[]> {
  let q = db.selectFrom('import_batch').selectAll();
  q =
    organisationId === null
      ? q.where('organisation_id', 'is', null)
      : q.where('organisation_id', '=', organisationId);
  const rows = await q.orderBy('imported_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    kind: r.kind === 'rates' ? 'rates' : 'bank',
    fileName: r.file_name,
    format: r.format,
    sha256: r.sha256,
    encoding: r.encoding,
    read: Number(r.read_count),
    imported: Number(r.imported_count),
    duplicates: Number(r.duplicate_count),
    candidates: Number(r.candidate_count),
    importedAt: r.imported_at,
    unbalanced: r.unbalanced,
  }));
}

/**
 * What a streamed batch learns only once its file has been read to the end: the format the file
 * turned out to be (camt.052 or .054 rather than .053) and, imported unbalanced, the reason (the
 * statements and their arithmetic).
 */
export async function updateImportBatchDetails(
  db: Kysely<Database>,
  id: string,
  details: { readonly format: string; readonly unbalanced: string | null },
): Promise<void> {
  await db
    .updateTable('import_batch')
    .set({ format: details.format, unbalanced: details.unbalanced })
    .where('id', '=', id)
    .execute();
}
