import { CompiledQuery, type Kysely } from 'kysely';

/** What the `pg` client hands a query it runs (the parts of its connection a COPY uses). */
interface PgConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/**
 * `COPY … FROM STDIN` as a query object the `pg` client runs itself (it calls `submit` with its
 * connection and then the handlers below as the server answers): the statement goes out as a
 * simple query, the server's CopyInResponse is answered with the data and CopyDone, and the
 * outcome is awaited like the client's own promise. No stream: the data is whole when submitted.
 */
class CopyIn implements PromiseLike<{ command: string; rowCount: number; rows: never[] }> {
  private rowCount = 0;
  private readonly outcome: Promise<{ command: string; rowCount: number; rows: never[] }>;
  private settle: (error: unknown) => void = () => undefined;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
    private readonly sent?: () => void,
  ) {
    this.outcome = new Promise((resolve, reject) => {
      this.settle = (error) =>
        error === null ? resolve({ command: 'COPY', rowCount: this.rowCount, rows: [] }) : reject(error);
    });
  }

  then<A = { command: string; rowCount: number; rows: never[] }, B = never>(
    onFulfilled?:
      ((value: { command: string; rowCount: number; rows: never[] }) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.outcome.then(onFulfilled, onRejected);
  }

  submit(connection: PgConnection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: PgConnection): void {
    if (this.data.length > 0) connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
    this.sent?.();
  }

  handleCommandComplete(message: { text?: string }): void {
    const count = /^COPY (\d+)$/.exec(message.text ?? '');
    this.rowCount = count ? Number(count[1]) : 0;
  }

  // As `pg`'s own queries: an error (the server's, or the connection's, after which no
  // ReadyForQuery may come) settles at once; the client sends nothing more until the server is ready.
  handleError(error: unknown): void {
    this.settle(error);
  }

  handleReadyForQuery(): void {
    this.settle(null);
  }

  // The other messages a simple query may see: a COPY FROM STDIN sends none of them.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/**
 * Runs `COPY table (columns) FROM STDIN` with `data` (COPY's text format) on the connection of
 * `db` — inside the caller's transaction, which all-or-nothing imports rely on. Kysely hands a
 * compiled query's text to `pg`'s `client.query` as it is, and `pg` runs any object with a
 * `submit` method as its own query: the copy travels in place of the text (the one way to reach
 * the transaction's connection through Kysely). `sent` is called once the data and CopyDone are
 * handed to the connection, before the server has taken them.
 */
export async function copyIn<DB>(
  db: Kysely<DB>,
  statement: string,
  data: Buffer,
  sent?: () => void,
): Promise<void> {
  const query = { ...CompiledQuery.raw('') };
  Object.defineProperty(query, 'sql', { value: new CopyIn(statement, data, sent), enumerable: true });
  await db.executeQuery(query);
}

/** A value in COPY's text format: NULL as \N; backslash, tab, newline and carriage return escaped. */
export function copyText(value: string | null): string {
  if (value === null) return '\\N';
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPED, escapeOne) : value;
}

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPED = /[\\\t\n\r]/g;
const escapeOne = (c: string): string =>
  c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r';

/** A value as the `pg` client would send it as a parameter, in COPY's text format; `what` names it in an error. */
export function copyValue(value: unknown, what: string): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'string') return copyText(value);
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  throw new Error(`${what}: a value COPY does not write (${typeof value})`);
}

/**
 * Rows in COPY's text format, encoded into bytes as each comes. A batch built as one string by
 * `+=` and encoded at the end took 2.6 times as long (its thousands of joined pieces are copied
 * once more when flattened; measured on 5,000-row batches of a 1C statement's lines, mostly
 * Cyrillic): 4 of the importing thread's 20 CPU-s at a 1C file of a million documents.
 */
export class CopyRows {
  /** Allocated at the first row after a `take` (the bytes taken go to the socket as they are). */
  private bytes = Buffer.alloc(0);
  private at = 0;
  private rows = 0;

  /** `what` names the rows in an error (a table); `initialBytes` is the first buffer's size. */
  constructor(
    private readonly what: string,
    private initialBytes = 1 << 20,
  ) {}

  get count(): number {
    return this.rows;
  }

  /** Adds a row already in COPY's text format (its values escaped and tab-separated, no line break). */
  addText(text: string): void {
    // A UTF-16 unit is at most three bytes of UTF-8 (a surrogate pair, two units, is four).
    const most = text.length * 3 + 1;
    if (this.at + most > this.bytes.length) {
      const next = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.initialBytes, this.at + most));
      this.bytes.copy(next, 0, 0, this.at);
      this.bytes = next;
    }
    this.at += this.bytes.write(text, this.at);
    this.bytes[this.at] = 10;
    this.at += 1;
    this.rows += 1;
  }

  /** Adds a row of values (strings, numbers, bigints, booleans or null) in the statement's column order. */
  add(values: readonly unknown[]): void {
    let row = copyValue(values[0], this.what);
    for (let c = 1; c < values.length; c++) row += `\t${copyValue(values[c], this.what)}`;
    this.addText(row);
  }

  /**
   * The rows gathered, as bytes, and forgets them. The bytes are the caller's (a socket holds them
   * until sent): the next rows go to a new buffer.
   */
  take(): Buffer {
    const out = this.bytes.subarray(0, this.at);
    // The next batch likely as large: its buffer that size at once (up to 64 MiB).
    this.initialBytes = Math.max(this.initialBytes, Math.min(this.bytes.length, 64 << 20));
    this.bytes = Buffer.alloc(0);
    this.at = 0;
    this.rows = 0;
    return out;
  }
}
