import {
  localDateAt,
  UTC_ZONE,
  domainError,
  err,
  isVisibility,
  ok,
  type DomainError,
  type Result,
  type Visibility,
} from '@civic/core';
import { parseIncidentsJson, type IncidentParseOptions } from '@civic/formats';
import {
  inTransaction,
  IncidentRowMaker,
  IncidentWriter,
  listOrganisations,
  organisationNameIndex,
  type IncidentRowContext,
  type IncidentRows,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { resolveOrganisation } from '../organisations.ts';
import { audited } from '../audit/audited.ts';
import { IncidentCsvDecoder } from './incident-csv-decoder.ts';
import { incidentRowsInWorker, type IncidentRowsEnd } from './incident-rows-in-worker.ts';

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
  /**
   * CSV: parse on a worker thread while this one writes (true), or here (false). Default: a worker
   * for a file of THREAD_AFTER bytes or more. JSON is always parsed here.
   */
  readonly parseThread?: boolean;
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

/** JSON incidents written at a time. */
const BATCH = 5_000;
/**
 * Bytes decoded and parsed at a time on this thread: about three hundred incidents, whose objects
 * die young, in the collector's new space, instead of outliving it and piling up in the old space
 * until a full collection (the import's peak memory, issue 14: 250 rows from 64 KiB pieces took
 * 310 MB at 100k incidents where 1,000 rows from 256 KiB took 410 MB, for the same CPU time).
 */
const PIECE = 64 << 10;
/**
 * From this size a CSV file is parsed on a worker thread (starting one costs a few tenths of a
 * second; a file this size takes about as long to import on one thread).
 */
const THREAD_AFTER = 4 << 20;

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
  const organisations = await listOrganisations(ctx.store.db);
  const context: IncidentRowContext = {
    organisationIds: new Map(
      organisations.flatMap((o) =>
        [o.name, ...o.aliases].map((n) => [n.trim().toLowerCase(), o.id] as const),
      ),
    ),
    organisationNames: await organisationNameIndex(ctx.store.db),
    createdAt: ctx.now().toISOString(),
  };
  const nextId = idSequence(ctx.now());
  // An incident dated more than a year after today (the context's clock) is refused.
  const options = {
    fileName: input.fileName,
    visibility,
    ownerOrganisationId: ownerId,
    // (the UTC day: a day either way does not move a one-year bound that matters)
    today: localDateAt(ctx.now(), UTC_ZONE),
  };
  const source = format === 'csv' ? await sized(input.bytes, THREAD_AFTER) : null;

  const written = await inTransaction(ctx.store, async (tx) => {
    // (a refused file throws Rejected, so the transaction rolls back; caught below)
    const writer = await IncidentWriter.open(tx.db);
    let read = 0;
    let linked = 0;
    let rows: AsyncGenerator<IncidentRows, IncidentRowsEnd>;
    if (source === null) rows = jsonRows(await collect(input.bytes), options, context);
    else if (input.parseThread ?? source.large)
      rows = incidentRowsInWorker(source.bytes, { options, context });
    else rows = csvRows(source.bytes, options, context);
    try {
      for (;;) {
        const next = await rows.next();
        if (next.done === true) {
          if (!next.value.ok) throw new Rejected(next.value.error);
          writer.addTerms(next.value.terms);
          await writer.finish();
          return { read, imported: writer.count, linked, warnings: next.value.warnings };
        }
        read += next.value.count;
        linked += next.value.linked;
        await writer.addRows(next.value, nextId);
        input.onProgress?.({ read, imported: writer.count });
      }
    } finally {
      // (when the writer failed: the rows are closed, and a parsing thread stopped)
      await rows.return({ ok: true, terms: [], warnings: [] });
    }
  }).catch((e: unknown) => {
    if (e instanceof Rejected) return e.error;
    throw e;
  });
  if (!('read' in written)) return err(written);
  return ok({
    file: input.fileName,
    format,
    read: written.read,
    imported: written.imported,
    visibility,
    ownerOrganisationId: ownerId,
    linkedOrganisations: written.linked,
    warnings: written.warnings,
  });
}

/** A CSV file's rows, parsed on this thread: one batch per piece of about three hundred incidents. */
async function* csvRows(
  bytes: AsyncIterable<Uint8Array>,
  options: IncidentParseOptions,
  context: IncidentRowContext,
): AsyncGenerator<IncidentRows, IncidentRowsEnd> {
  const decoder = new IncidentCsvDecoder(options);
  const maker = new IncidentRowMaker(context);
  for await (const chunk of bytes)
    for (let start = 0; start < chunk.length; start += PIECE) {
      const parsed = decoder.push(chunk.subarray(start, start + PIECE));
      if (!parsed.ok) return parsed;
      yield maker.rows(parsed.value);
    }
  const last = decoder.end();
  if (!last.ok) return last;
  yield maker.rows(last.value);
  return { ok: true, terms: maker.takeTerms(), warnings: decoder.warnings };
}

/** A JSON file's rows (JSON is parsed whole), in batches. */
async function* jsonRows(
  bytes: Uint8Array,
  options: IncidentParseOptions,
  context: IncidentRowContext,
): AsyncGenerator<IncidentRows, IncidentRowsEnd> {
  const parsed = parseIncidentsJson(bytes, options);
  if (!parsed.ok) return parsed;
  const maker = new IncidentRowMaker(context);
  const { incidents, warnings } = parsed.value;
  for (let start = 0; start < incidents.length; start += BATCH)
    yield maker.rows(incidents.slice(start, start + BATCH));
  return { ok: true, terms: maker.takeTerms(), warnings };
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

/**
 * The bytes as chunks, and whether there are at least `limit` of them: a stream's first chunks are
 * read (and kept) until that many bytes or its end, then given back before the rest.
 */
async function sized(
  bytes: Uint8Array | AsyncIterable<Uint8Array>,
  limit: number,
): Promise<{ bytes: AsyncIterable<Uint8Array>; large: boolean }> {
  if (bytes instanceof Uint8Array) return { bytes: once(bytes), large: bytes.length >= limit };
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  while (size < limit) {
    const next = await iterator.next();
    if (next.done === true) {
      ended = true;
      break;
    }
    head.push(next.value);
    size += next.value.length;
  }
  async function* all(): AsyncIterable<Uint8Array> {
    yield* head.splice(0);
    if (ended) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      yield next.value;
    }
  }
  return { bytes: all(), large: !ended || size >= limit };
}

async function* once(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
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
