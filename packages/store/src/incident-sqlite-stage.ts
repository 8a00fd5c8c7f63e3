import type SQLite from 'better-sqlite3';
import { COLUMNS } from './incident-row.ts';
import { withPageCache } from './raw-sqlite.ts';

/**
 * Staged incidents moved to the table, sorted by seq, as soon as this many are staged (the last
 * run at finish). An import's rows come in file order, each at the end of its day, so a million of
 * them land at a few thousand places of the table at once, and each place's page splits every few
 * rows (a 1,000,000-row table moved from a stage in file order: 15.9 s; in seq order 8.1 s, in runs
 * of 200,000 7.9 s, of 50,000 9.6 s, of 20,000 16.7 s).
 */
export const INCIDENT_STAGE_RUN = 200_000;

/**
 * The page cache while a run moves: a sorted run touches each page of the table once, and a small
 * cache also bounds the sort's memory (1,000,000 rows in runs of 200,000, one import each: with the
 * load's 64 MiB 37.4 s and 469 MB peak, with 32 MiB 35.6 s, 16 MiB 35.3 s, 8 MiB 30.2–31.3 s and
 * 355–377 MB, 4 MiB 32.3 s).
 */
const MOVE_CACHE_MIB = 8;

const STAGE = 'civic_incident_stage';
/** The temporary table's page cache, MiB: it is only appended to, then read once in order. */
const STAGE_CACHE_MIB = 2;
/** The SQL function that gives a moved row its id (the writer's id source, in seq order). */
const ID_FUNCTION = 'civic_incident_stage_id';

const ALL = ['seq', ...COLUMNS] as const;
const WIDTH = ALL.length;
/**
 * Rows staged by one statement: fewer statement runs for the same values (200,000 rows in
 * isolation: 5.8 µs a row one by one, 4.9 µs twenty at a time).
 */
const GROUP = 20;

/**
 * A plain store's bulk incident load (IncidentWriter.addRows) goes first to a temporary table, in
 * file order (appended, no index), then to `incident` sorted by seq, a run at a time. The ids are
 * made as the rows are moved, in seq order, so the id index (ids sort in the order they are made)
 * is appended to as well. Only on a store whose temporary files may hold its data
 * (sqliteTempAllowed): SQLite3 Multiple Ciphers does not encrypt them.
 */
export class IncidentStage {
  private readonly insert: SQLite.Statement;
  private readonly insertGroup: SQLite.Statement;
  /** Rows not yet staged, GROUP at most, their values one after the other. */
  private readonly pending: unknown[] = new Array(WIDTH * GROUP);
  private pendingRows = 0;
  private readonly moveSorted: SQLite.Statement;
  private readonly listNew: SQLite.Statement | null;
  private readonly empty: SQLite.Statement;
  private readonly tempCache: number;
  private staged = 0;
  private moved = 0;
  private closed = false;

  /**
   * `id` makes a new id; `listNew`: also list the moved seqs in temp.incident_new (a table with
   * rows before the load); `run`: rows per move.
   */
  constructor(
    private readonly sqlite: SQLite.Database,
    id: () => string,
    listNew: boolean,
    private readonly run = INCIDENT_STAGE_RUN,
  ) {
    sqlite.exec(`drop table if exists temp.${STAGE}`);
    sqlite.exec(`create temp table ${STAGE} (${ALL.join(', ')})`);
    this.tempCache = Number(sqlite.pragma('temp.cache_size', { simple: true }));
    sqlite.pragma(`temp.cache_size = -${String(STAGE_CACHE_MIB * 1024)}`);
    sqlite.function(ID_FUNCTION, { deterministic: false }, id);
    const values = `(${ALL.map(() => '?').join(',')})`;
    this.insert = sqlite.prepare(`insert into temp.${STAGE} (${ALL.join(',')}) values ${values}`);
    this.insertGroup = sqlite.prepare(
      `insert into temp.${STAGE} (${ALL.join(',')}) values ${Array.from({ length: GROUP }, () => values).join(',')}`,
    );
    // The ordered subquery is a co-routine the outer select reads in order (a non-deterministic
    // function keeps it from being flattened), so the ids are made in seq order.
    const others = COLUMNS.filter((c) => c !== 'id');
    this.moveSorted = sqlite.prepare(
      `insert into incident (seq, id, ${others.join(',')}) select seq, ${ID_FUNCTION}(), ${others.join(',')} from (select seq, ${others.join(',')} from temp.${STAGE} order by seq)`,
    );
    this.listNew = listNew
      ? sqlite.prepare(`insert into temp.incident_new (seq) select seq from temp.${STAGE}`)
      : null;
    this.empty = sqlite.prepare(`delete from temp.${STAGE}`);
  }

  /** Stages one row: seq, then COLUMNS (its id is made at the move). */
  add(row: readonly unknown[]): void {
    const pending = this.pending;
    const at = this.pendingRows * WIDTH;
    for (let c = 0; c < WIDTH; c++) pending[at + c] = row[c];
    if (++this.pendingRows === GROUP) {
      this.insertGroup.run(pending);
      this.pendingRows = 0;
    }
    if (++this.staged % this.run === 0) this.move();
  }

  /** Stages the rows held back for a whole group. */
  private stagePending(): void {
    for (let r = 0; r < this.pendingRows; r++)
      this.insert.run(this.pending.slice(r * WIDTH, (r + 1) * WIDTH));
    this.pendingRows = 0;
  }

  /** Moves the rows staged since the last move. */
  move(): void {
    this.stagePending();
    if (this.moved === this.staged) return;
    const moved = withPageCache(this.sqlite, MOVE_CACHE_MIB, () => this.moveSorted.run().changes);
    this.listNew?.run();
    this.empty.run();
    this.moved += moved;
    if (this.moved !== this.staged)
      throw new Error(`incident stage: ${String(this.staged - this.moved)} staged row(s) not moved`);
  }

  /** Moves the last rows and drops the stage. */
  finish(): void {
    try {
      this.move();
    } finally {
      this.close();
    }
  }

  /**
   * Drops the stage and puts the temporary cache back (at finish; when a load fails, the
   * transaction's rollback undoes the stage's creation and its rows).
   */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.sqlite.open) return;
    this.sqlite.exec(`drop table if exists temp.${STAGE}`);
    this.sqlite.pragma(`temp.cache_size = ${String(Math.trunc(this.tempCache))}`);
  }
}
