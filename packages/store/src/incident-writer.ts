import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { legalBasisFilterKey, organisationFilterKey, placeSearchNames } from '@civic/core';
import type SQLite from 'better-sqlite3';
import type { IncidentInput } from '@civic/core';
import type { NewIncident } from './incident.repository.ts';
import { IncidentCountDeltas } from './incident-counts.repository.ts';
import {
  dropIncidentIndexesPg,
  IncidentCopyRows,
  moveStagedIncidentsPg,
  rebuildIncidentIndexesPg,
  stageIncidentLoadPg,
} from './incident-pg-load.ts';
import { prepareSqliteLoad } from './incident-sqlite-load.ts';
import { IncidentStage } from './incident-sqlite-stage.ts';
import {
  COLUMNS,
  KeyMemo,
  organisationAliasesOf,
  OWN_STAMP,
  putRowValues,
  SearchTextMemo,
  type IncidentStamp,
} from './incident-row.ts';
import { organisationNameIndex } from './organisation.repository.ts';
import { sqliteHandle, sqliteTempAllowed } from './raw-sqlite.ts';
import type { Database } from './schema.ts';
import { DaySeqs, insertSql } from './incident-seq.ts';
import { ID_AT, ROW_WIDTH, type IncidentRows } from './incident-row-maker.ts';

export { SEQ_DAY, seqDayStart } from './incident-seq.ts';

function isPostgresDb(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * Writes incidents in bulk inside the caller's transaction: on SQLite one prepared insert run per
 * row, on PostgreSQL a COPY per batch of rows (IncidentCopyRows). On SQLite the full-text index is
 * filled once, at `finish()`, in rowid order (FTS5 flushes its buffer whenever a rowid goes
 * backwards, so rows are never indexed one by one in date order of arrival): by `rebuild` when
 * the table was empty (whose secondary indexes are also dropped and rebuilt once), else from a
 * temporary list of the new rows. Call `finish()` before commit.
 */
export class IncidentWriter {
  private readonly postgres: boolean;
  private readonly batch: number;
  /** PostgreSQL: rows not yet copied into the table (or, for a load into an empty one, its stage). */
  private copyRows: IncidentCopyRows | null;
  /** PostgreSQL: the COPY addRows started and did not wait for (see startCopy). */
  private copying: Promise<void> | null = null;
  private readonly memo: SearchTextMemo;
  private readonly keys = {
    organisation: new KeyMemo(organisationFilterKey),
    legalBasis: new KeyMemo(legalBasisFilterKey),
  };
  /** SQLite: the raw connection and the statements run once per row (see raw-sqlite.ts). */
  private readonly raw: SQLite.Database | undefined;
  private rowStatement: SQLite.Statement | undefined;
  private newRowStatement: SQLite.Statement | undefined;
  /** SQLite, a plain store: addRows's rows go through a temporary table, moved in seq order (incident-sqlite-stage.ts). */
  private stage: IncidentStage | null = null;
  /** The parameters of one row's insert, filled again for each row. */
  private readonly row: unknown[] = new Array(COLUMNS.length + 1);
  /** Each new row's seq, by its day. */
  private readonly seqs: DaySeqs;
  private written = 0;
  /** The summary's counts of the rows written (incident-counts.repository.ts), flushed per batch when full and at finish. */
  private readonly counts: IncidentCountDeltas;

  private cacheSize: number | null = null;
  /** Secondary indexes dropped for a load into an empty table, rebuilt by finish(). */
  private droppedIndexes: { name: string; sql: string }[] = [];
  /** PostgreSQL: rows go to the staging table until finish() (see stageIncidentLoadPg). */
  private staged = false;

  private constructor(
    private readonly db: Kysely<Database>,
    private emptyAtOpen: boolean,
    names: (place: string) => readonly string[],
    organisationNames: (organisation: string) => readonly string[],
    /** Rows staged per move (INCIDENT_STAGE_RUN unless given: tests). */
    private readonly stageRun: number | undefined,
  ) {
    this.postgres = isPostgresDb(db);
    this.seqs = new DaySeqs(db, () => this.emptyAtOpen);
    this.counts = new IncidentCountDeltas(db);
    this.raw = this.postgres ? undefined : sqliteHandle(db);
    if (!this.postgres && this.raw === undefined)
      throw new Error('IncidentWriter: a SQLite store without its handle');
    // PostgreSQL: rows copied a batch at a time (COPY has no parameter limit); 2,000, as one batch
    // is made while the one before is copied (startCopy): with 5,000 a 1M load peaked at 493 MB.
    this.batch = this.postgres ? 2000 : Math.floor(30_000 / (COLUMNS.length + 1));
    this.copyRows = this.postgres ? new IncidentCopyRows(['seq', ...COLUMNS], 'incident') : null;
    const placeNames = new Map<string, readonly string[]>();
    this.memo = new SearchTextMemo((place) => {
      let found = placeNames.get(place);
      if (found === undefined) {
        found = names(place);
        placeNames.set(place, found);
      }
      return found;
    }, organisationNames);
  }

  /**
   * Opens a writer on a connection that is inside a transaction. `placeNames` gives other names of
   * a place to index (default: the gazetteer's); an organisation's aliases are read from the
   * database. `stageRun`: rows staged per move on a plain SQLite store (tests).
   */
  static async open(
    db: Kysely<Database>,
    placeNames?: (place: string) => readonly string[],
    options: { readonly stageRun?: number } = {},
  ): Promise<IncidentWriter> {
    const any = await db.selectFrom('incident').select('seq').limit(1).executeTakeFirst();
    const writer = new IncidentWriter(
      db,
      any === undefined,
      placeNames ?? placeSearchNames,
      organisationAliasesOf(await organisationNameIndex(db)),
      options.stageRun,
    );
    if (writer.postgres && writer.emptyAtOpen) {
      const dropped = await dropIncidentIndexesPg(db);
      if (dropped === undefined) writer.emptyAtOpen = false;
      else {
        writer.droppedIndexes = dropped;
        await stageIncidentLoadPg(db);
        writer.staged = true;
        writer.copyRows = new IncidentCopyRows(['seq', ...COLUMNS], 'incident_load');
      }
    }
    if (!writer.postgres) {
      const load = await prepareSqliteLoad(db, writer.emptyAtOpen);
      writer.cacheSize = load.cacheSize;
      writer.droppedIndexes = load.droppedIndexes;
    }
    return writer;
  }

  get count(): number {
    return this.written;
  }

  /** Writes incidents that carry their own id, time and origin. */
  async add(incidents: readonly NewIncident[]): Promise<void> {
    return this.addStamped(incidents, OWN_STAMP);
  }

  /** Writes incidents, each with the id, organisation, time and origin `stamp` gives it. */
  async addStamped<T extends IncidentInput>(incidents: readonly T[], stamp: IncidentStamp<T>): Promise<void> {
    if (this.raw) return this.addRowByRow(this.raw, incidents, stamp);
    const row = this.row;
    for (const incident of incidents) {
      const seq = this.seqs.take(incident.date) ?? (await this.seqs.next(incident.date));
      this.counts.add(incident, seq);
      row[0] = seq;
      putRowValues(row, 1, incident, stamp, this.memo.text(incident), this.keys);
      this.copyRows?.add(row);
      this.written += 1;
      if ((this.copyRows?.count ?? 0) >= this.batch) await this.insertPending();
    }
    await this.insertPending();
    if (this.counts.full) await this.counts.flush();
  }

  /** SQLite: one prepared statement run per row (its parameters in one reused array), synchronously, inside the caller's transaction. */
  private async addRowByRow<T extends IncidentInput>(
    raw: SQLite.Database,
    incidents: readonly T[],
    stamp: IncidentStamp<T>,
  ): Promise<void> {
    this.rowStatement ??= raw.prepare(insertSql(1, false));
    if (!this.emptyAtOpen)
      this.newRowStatement ??= raw.prepare('insert into temp.incident_new (seq) values (?)');
    const row = this.row;
    for (const incident of incidents) {
      const seq = this.seqs.take(incident.date) ?? (await this.seqs.next(incident.date));
      row[0] = seq;
      putRowValues(row, 1, incident, stamp, this.memo.text(incident), this.keys);
      this.rowStatement.run(row);
      this.newRowStatement?.run(seq);
      this.counts.add(incident, seq);
      this.written += 1;
    }
    if (this.counts.full) await this.counts.flush();
  }

  /**
   * Writes rows an IncidentRowMaker made (maybe on another thread) in their order: the same
   * seq, counts and stored values as addStamped gives the same incidents. `id` makes each row's
   * id, called once per row: in the rows' order, or (a plain SQLite store, whose rows are staged
   * and moved in seq order: incident-sqlite-stage.ts) in seq order as the rows are moved.
   */
  async addRows(rows: IncidentRows, id: () => string): Promise<void> {
    const { values, count } = rows;
    const row = this.row;
    const copyRows = this.copyRows;
    const raw = this.raw;
    if (raw !== undefined && this.stage === null && sqliteTempAllowed(raw))
      this.stage = new IncidentStage(raw, id, !this.emptyAtOpen, this.stageRun);
    const stage = this.stage;
    for (let r = 0, at = 0; r < count; r++, at += ROW_WIDTH) {
      const date = values[at + DATE_AT] as string;
      const seq = this.seqs.take(date) ?? (await this.seqs.next(date));
      row[0] = seq;
      for (let c = 0; c < ROW_WIDTH; c++) row[c + 1] = values[at + c];
      if (stage !== null) stage.add(row);
      else {
        row[ID_AT + 1] = id();
        if (copyRows !== null) copyRows.add(row);
        else {
          this.rowStatement ??= raw?.prepare(insertSql(1, false));
          this.rowStatement?.run(row);
          if (!this.emptyAtOpen) {
            this.newRowStatement ??= raw?.prepare('insert into temp.incident_new (seq) values (?)');
            this.newRowStatement?.run(seq);
          }
        }
      }
      this.counts.addGroup(
        row[VISIBILITY_AT + 1] as string,
        (row[OWNER_AT + 1] as string | null) ?? '',
        seq,
        date,
        row[PLACE_AT + 1] as string,
        row[LATITUDE_AT + 1] as number | null,
        row[LONGITUDE_AT + 1] as number | null,
      );
    }
    this.written += count;
    if (copyRows !== null && copyRows.count >= this.batch) await this.startCopy();
    if (this.counts.full) await this.counts.flush();
  }

  /** PostgreSQL: copies the rows held (a batch per COPY, from pieces of a few hundred rows). */
  private async insertPending(): Promise<void> {
    await this.copied();
    await this.copyRows?.copy(this.db);
  }

  /**
   * PostgreSQL: starts copying the rows held once the previous COPY is done, and returns without
   * waiting for it, so the next rows are made while the server stores these (and, for a load into
   * an empty table, computes their tsvectors). Its failure surfaces at the next copy or at finish.
   */
  private async startCopy(): Promise<void> {
    await this.copied();
    const copying = this.copyRows?.copy(this.db) ?? null;
    // (awaited by copied(); a rejection before then is not an unhandled one)
    copying?.catch(() => undefined);
    this.copying = copying;
  }

  private async copied(): Promise<void> {
    const copying = this.copying;
    this.copying = null;
    await copying;
  }

  /** Adds terms met by an IncidentRowMaker to the term list saved at finish(). */
  addTerms(terms: readonly string[]): void {
    for (const term of terms) this.memo.vocabulary.add(term);
  }

  private async saveVocabulary(): Promise<void> {
    const terms = [...this.memo.vocabulary];
    if (this.raw) {
      const insert = this.raw.prepare('insert or ignore into incident_term (term) values (?)');
      for (const term of terms) insert.run(term);
    } else {
      for (let at = 0; at < terms.length; at += 5000) {
        await this.db
          .insertInto('incident_term')
          .values(terms.slice(at, at + 5000).map((term) => ({ term })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
    }
    this.memo.vocabulary.clear();
  }

  /**
   * SQLite: lets FTS5 gather more of a large fill's terms in memory before it writes them out as a
   * segment (its `hashsize`, 1 MiB by default): fewer, larger segments and less merging of them
   * (issue 14: the rebuild of 1,000,000 incidents 4.3–4.4 s with 1 MiB, 2.8–2.9 s with 16 MiB,
   * 2.5–2.6 s with 64 MiB and 15 MB more memory). Returns the setting to put back after the fill
   * (the option is stored with the index, in the same transaction).
   */
  private async raiseFtsHashSize(): Promise<number> {
    const current = await sql<{
      v: number | bigint | string;
    }>`select v from incident_fts_config where k = 'hashsize'`.execute(this.db);
    const before = Number(current.rows[0]?.v ?? FTS_DEFAULT_HASH_SIZE);
    const previous = Number.isSafeInteger(before) && before > 0 ? before : FTS_DEFAULT_HASH_SIZE;
    await this.setFtsHashSize(FTS_FILL_HASH_SIZE);
    return previous;
  }

  /** (FTS5 takes its options as literals, not bound parameters) */
  private async setFtsHashSize(bytes: number): Promise<void> {
    await sql
      .raw(`insert into incident_fts (incident_fts, rank) values ('hashsize', ${String(Math.trunc(bytes))})`)
      .execute(this.db);
  }

  /** Brings the full-text index up to date with the rows written (SQLite; PostgreSQL's column is kept by a trigger or copied from the stage). */
  async finish(): Promise<void> {
    await this.insertPending();
    this.stage?.finish();
    this.stage = null;
    await this.counts.flush();
    // A large load changes the table's statistics, by which each planner picks a filter's index.
    const analyze = this.written >= ANALYZE_AFTER || (this.emptyAtOpen && this.written > 0);
    if (this.staged) await moveStagedIncidentsPg(this.db, ['seq', ...COLUMNS]);
    this.staged = false;
    if (this.postgres) await rebuildIncidentIndexesPg(this.db, this.droppedIndexes);
    else if (this.droppedIndexes.length > 0) {
      // Each build sorts the table's keys: in pieces the size of the cache, merged, which is
      // faster in small pieces (1,000,000 rows: 0.7–1.0 s an index with 1–4 MiB, 1.3–1.7 s with
      // the load's 64 MiB; the full-text rebuild after it no slower).
      await sql.raw(`pragma cache_size = -${String(BUILD_CACHE_MIB * 1024)}`).execute(this.db);
      for (const index of this.droppedIndexes) await sql.raw(index.sql).execute(this.db);
    }
    this.droppedIndexes = [];
    if (this.postgres) {
      if (analyze) await sql`analyze incident`.execute(this.db);
      return;
    }
    if (this.written > 0) {
      await this.saveVocabulary();
      const restore = this.written >= ANALYZE_AFTER ? await this.raiseFtsHashSize() : null;
      if (this.emptyAtOpen)
        await sql`insert into incident_fts (incident_fts) values ('rebuild')`.execute(this.db);
      else
        await sql`insert into incident_fts (rowid, search_text) select i.seq, i.search_text from temp.incident_new n join incident i on i.seq = n.seq order by n.seq`.execute(
          this.db,
        );
      if (restore !== null) await this.setFtsHashSize(restore);
    }
    if (!this.emptyAtOpen) await sql`delete from temp.incident_new`.execute(this.db);
    if (analyze) await sql`analyze incident`.execute(this.db);
    if (this.cacheSize !== null)
      await sql.raw(`pragma cache_size = ${Math.trunc(this.cacheSize)}`).execute(this.db);
  }
}

const DATE_AT = COLUMNS.indexOf('date');
const PLACE_AT = COLUMNS.indexOf('place');
const LATITUDE_AT = COLUMNS.indexOf('latitude');
const LONGITUDE_AT = COLUMNS.indexOf('longitude');
const VISIBILITY_AT = COLUMNS.indexOf('visibility');
const OWNER_AT = COLUMNS.indexOf('owner_organisation_id');

/** SQLite: the page cache while an empty table's indexes are built and its full-text index rebuilt, MiB. */
const BUILD_CACHE_MIB = 2;

/** FTS5's own `hashsize`, and the one for a large fill (raiseFtsHashSize). */
const FTS_DEFAULT_HASH_SIZE = 1 << 20;
const FTS_FILL_HASH_SIZE = 16 << 20;

/** Rows written by one writer from which its finish() refreshes the planner's statistics of the table. */
const ANALYZE_AFTER = 10_000;
