import {
  localDateAt,
  UTC_ZONE,
  domainError,
  err,
  isVisibility,
  ok,
  type DomainError,
  type IncidentInput,
  type Result,
  type Visibility,
} from '@civic/core';
import { IncidentCsvReader, parseIncidentsJson } from '@civic/formats';
import { inTransaction, IncidentWriter, listOrganisations, type IncidentStamp } from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { resolveOrganisation } from '../organisations.ts';
import { audited } from '../audit/audited.ts';

export type IncidentFileFormat = 'csv' | 'json';

export interface ImportIncidentsInput {
  /** The whole file, or its chunks in order (a large file streams through without being held). */
  readonly bytes: Uint8Array | AsyncIterable<Uint8Array>;
  readonly fileName: string;
  /** Default: from the file name (`.json` → json), else csv. */
  readonly format?: IncidentFileFormat;
  /** The owner organisation (id, name or BIN); needed for `private` and `network` (may be left out when the db has one organisation). */
  readonly org?: string;
  /** Who may see the imported incidents (default `public`). */
  readonly visibility?: Visibility | string;
  /** Called after each batch written: rows read and written so far. */
  readonly onProgress?: (progress: { readonly read: number; readonly imported: number }) => void;
}

export interface ImportIncidentsReport {
  readonly file: string;
  readonly format: IncidentFileFormat;
  readonly read: number;
  readonly imported: number;
  readonly visibility: Visibility;
  readonly ownerOrganisationId: string | null;
  /** Rows naming one of this database's organisations, linked to it. */
  readonly linkedOrganisations: number;
  readonly warnings: readonly DomainError[];
}

const BATCH = 5_000;
/**
 * Rows parsed and written at a time on SQLite (PostgreSQL takes BATCH per statement): a few
 * hundred rows' objects die young, in the collector's new space, instead of outliving it and
 * piling up in the old space until a full collection (the import's peak memory, issue 14: 250
 * rows from 64 KiB pieces took 310 MB at 100k incidents where 1,000 rows from 256 KiB took 410 MB,
 * for the same CPU time).
 */
const SQLITE_BATCH = 250;
/** Bytes decoded and parsed at a time: about three hundred incidents. */
const PIECE = 64 << 10;

/** Thrown inside the transaction to roll it back with an expected error; caught below. */
class Rejected extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/**
 * Imports incidents from CSV or JSON in ONE transaction: any bad row rejects the whole file with
 * an error naming file, line and field, and the database is left untouched. Rows stream through
 * in batches (parse → batched inserts), and the full-text index is filled once at the end.
 */
export async function importIncidents(
  ctx: AppContext,
  input: ImportIncidentsInput,
): Promise<Result<ImportIncidentsReport>> {
  return audited(
    ctx,
    (tx) => importIncidentsNow(tx, input),
    (r) => ({
      entity: 'incident',
      entityId: input.fileName,
      action: 'import',
      organisationId: null,
      after: { fileName: input.fileName, ...r },
    }),
  );
}

async function importIncidentsNow(
  ctx: AppContext,
  input: ImportIncidentsInput,
): Promise<Result<ImportIncidentsReport>> {
  const format = input.format ?? (/\.json$/i.test(input.fileName) ? 'json' : 'csv');
  const visibility = input.visibility ?? 'public';
  if (!isVisibility(visibility)) {
    return err(
      domainError(
        'INCIDENT_VISIBILITY_INVALID',
        `visibility "${visibility}" is not private, network or public`,
        { field: 'visibility' },
      ),
    );
  }
  const owner = await resolveOwner(ctx, input.org, visibility);
  if (!owner.ok) return owner;
  const ownerId = owner.value;
  // An incident naming an organisation by its name or one of its aliases is linked to it.
  const orgIds = new Map(
    (await listOrganisations(ctx.store.db)).flatMap((o) =>
      [o.name, ...o.aliases].map((n) => [n.trim().toLowerCase(), o.id] as const),
    ),
  );
  const createdAt = ctx.now().toISOString();
  const nextId = idSequence(ctx.now());
  let linked = 0;
  // Each row's id, organisation and time, as the writer stores it (no copy of the row with them).
  const stamp: IncidentStamp<IncidentInput> = {
    id: nextId,
    organisationId: (i) => {
      const organisationId = i.organisationId ?? orgIds.get(i.organisation.toLowerCase()) ?? null;
      if (organisationId !== null) linked += 1;
      return organisationId;
    },
    createdAt: () => createdAt,
    sourceActionId: () => null,
  };
  // An incident dated more than a year after today (the context's clock) is refused.
  const parseOptions = {
    fileName: input.fileName,
    visibility,
    ownerOrganisationId: ownerId,
    // (the UTC day: a day either way does not move a one-year bound that matters)
    today: localDateAt(ctx.now(), UTC_ZONE),
  };

  try {
    const batchSize = ctx.store.dialect === 'postgres' ? BATCH : SQLITE_BATCH;
    const report = await inTransaction(ctx.store, async (tx) => {
      const writer = await IncidentWriter.open(tx.db);
      let read = 0;
      let warnings: readonly DomainError[] = [];
      const write = async (batch: readonly IncidentInput[]) => {
        read += batch.length;
        for (let start = 0; start < batch.length; start += batchSize)
          await writer.addStamped(
            start === 0 && batch.length <= batchSize ? batch : batch.slice(start, start + batchSize),
            stamp,
          );
        input.onProgress?.({ read, imported: writer.count });
      };
      if (format === 'json') {
        const parsed = parseIncidentsJson(await collect(input.bytes), parseOptions);
        if (!parsed.ok) throw new Rejected(parsed.error);
        await write(parsed.value.incidents);
        warnings = parsed.value.warnings;
      } else {
        const reader = new IncidentCsvReader(parseOptions);
        const decoder = new TextDecoder('utf-8', { fatal: true });
        let pending: IncidentInput[] = [];
        const take = async (r: Result<IncidentInput[]>) => {
          if (!r.ok) throw new Rejected(r.error);
          for (const incident of r.value) pending.push(incident);
          if (pending.length >= batchSize) {
            await write(pending);
            pending = [];
          }
        };
        for await (const chunk of chunks(input.bytes)) {
          let text: string;
          try {
            text = decoder.decode(chunk, { stream: true });
          } catch {
            throw new Rejected(
              domainError('IMPORT_ENCODING_INVALID', 'the file is not valid UTF-8', { file: input.fileName }),
            );
          }
          await take(reader.push(text));
        }
        try {
          await take(reader.push(decoder.decode()));
        } catch (e) {
          if (e instanceof Rejected) throw e;
          throw new Rejected(
            domainError(
              'IMPORT_ENCODING_INVALID',
              'the file is not valid UTF-8 (it ends inside a character)',
              { file: input.fileName },
            ),
          );
        }
        await take(reader.end());
        await write(pending);
        warnings = reader.warnings;
      }
      await writer.finish();
      return { read, imported: writer.count, warnings };
    });
    return ok({
      file: input.fileName,
      format,
      read: report.read,
      imported: report.imported,
      visibility,
      ownerOrganisationId: ownerId,
      linkedOrganisations: linked,
      warnings: report.warnings,
    });
  } catch (e) {
    if (e instanceof Rejected) return err(e.error);
    throw e;
  }
}

/**
 * Ids for one import: `inc_` + time + a random part + a counter, so they sort in the order they
 * were made and a million of them append to the id index instead of landing all over it.
 */
export function idSequence(now: Date): () => string {
  const stem = `inc_${now.getTime().toString(36).padStart(9, '0')}${newId('x').slice(2, 12)}`;
  let n = 0;
  return () => `${stem}${(n++).toString(36).padStart(7, '0')}`;
}

/** The owner: the given organisation; for private/network without one, the database's only organisation. */
async function resolveOwner(
  ctx: AppContext,
  org: string | undefined,
  visibility: Visibility,
): Promise<Result<string | null>> {
  if (org === undefined && visibility === 'public') return ok(null);
  const resolved = await resolveOrganisation(ctx, org);
  if (resolved.ok) return ok(resolved.value.id);
  if (org === undefined) {
    return err(
      domainError(
        'INCIDENT_OWNER_REQUIRED',
        `${visibility} incidents need an owner organisation: ${resolved.error.message}`,
        { field: 'org' },
      ),
    );
  }
  return resolved;
}

/** The bytes in pieces of at most PIECE bytes, however large the chunks they come in. */
async function* chunks(bytes: Uint8Array | AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  if (!(bytes instanceof Uint8Array)) {
    for await (const chunk of bytes)
      for (let start = 0; start < chunk.length; start += PIECE) yield chunk.subarray(start, start + PIECE);
    return;
  }
  for (let start = 0; start < bytes.length; start += PIECE) yield bytes.subarray(start, start + PIECE);
}

async function collect(bytes: Uint8Array | AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  if (bytes instanceof Uint8Array) return bytes;
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const part of bytes) {
    parts.push(part);
    size += part.length;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
