import {
  err,
  ok,
  type ParsedStatement,
  type Result,
  type StatementAccount,
  type StatementBalance,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { recordBalances } from './balance-check.ts';
import { readHead, type ByteSource } from './byte-source.ts';
import { catchAbort, ImportAbort } from './import-error.ts';

/** A streamed statement without its lines (those went to the caller one by one). */
export interface StreamedStatement {
  readonly format: string;
  readonly file: string;
  readonly encoding: string;
  readonly accounts: readonly StatementAccount[];
  readonly warnings: readonly StatementWarning[];
  /** Lines of pages repeated in the file: read, counted as duplicates, not handed on. */
  readonly duplicateLines: number;
  /** Every balance checked, in file order (recorded, not refused: the caller decides). */
  readonly balances: readonly StatementBalance[];
}

/**
 * A statement reader fed chunk by chunk (synchronous, so that a whole file and a stream are read by
 * the same code): `push` hands each line to the `onLine` it was opened with as soon as it is final,
 * `end` returns the rest. Bad input aborts (ImportAbort) naming file, line and field.
 */
export interface StatementStream {
  push(chunk: Uint8Array): void;
  end(): Omit<StreamedStatement, 'balances'>;
  /**
   * Whether a day lies within a period already known for the account (so a line booked on it can
   * never be outside its statement's period): lets the checks forget such lines at once.
   */
  covers?(account: string, currency: string, day: string): boolean;
}

/** The periods read so far, per account and currency: the earliest start, the latest end. */
export class KnownPeriods {
  private readonly ranges = new Map<string, { from: string; to: string }>();

  add(p: {
    readonly account: string;
    readonly currency: string;
    readonly from: string | null;
    readonly to: string | null;
  }): void {
    if (p.from === null || p.to === null) return;
    const key = `${p.account}|${p.currency}`;
    const r = this.ranges.get(key);
    if (!r) this.ranges.set(key, { from: p.from, to: p.to });
    else {
      if (p.from < r.from) r.from = p.from;
      if (p.to > r.to) r.to = p.to;
    }
  }

  covers(account: string, currency: string, day: string): boolean {
    const r = this.ranges.get(`${account}|${currency}`);
    return r !== undefined && day >= r.from && day <= r.to;
  }
}

/** Opens a reader from the file's head (`complete` when the head is the whole file). */
export type OpenStatementStream = (
  head: Uint8Array,
  complete: boolean,
  onLine: (line: StatementLine) => void,
) => StatementStream;

/**
 * A string that holds no reference to the text it was cut from. V8 keeps a sliced string's whole
 * parent alive: a value kept for the whole file (a statement's account in its period) must not
 * keep the chunk it was read from.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string);
}

/** How much of a file's head the readers look at (the encoding of an MT940 file among others). */
export const STREAM_HEAD_BYTES = 1 << 20;

/** Runs one synchronous step of a reader, recording the balances it checks (never refusing). */
function step<T>(balances: StatementBalance[], run: () => T): T {
  const { value, balances: checked } = recordBalances(false, run);
  for (const b of checked) balances.push(b);
  return value;
}

/**
 * Reads a statement from a byte source of any size in constant memory: the head decides how it is
 * opened, the chunks are pushed one by one and the lines each chunk completes are handed to
 * `onLine` (awaited) before the next chunk is read. A balance that does not add up is recorded in
 * `balances`, never refused here; any other error is returned naming file, line and field.
 */
export async function readStatementStream(
  source: ByteSource,
  open: OpenStatementStream,
  onLine: (line: StatementLine) => void | Promise<void>,
): Promise<Result<StreamedStatement>> {
  const balances: StatementBalance[] = [];
  try {
    const { head, source: chunks } = await readHead(source, STREAM_HEAD_BYTES);
    const pending: StatementLine[] = [];
    const reader = open(head, head.length < STREAM_HEAD_BYTES, (l) => pending.push(l));
    const drain = async (): Promise<void> => {
      for (const l of pending) {
        const written = onLine(l);
        if (written !== undefined) await written;
      }
      pending.length = 0;
    };
    for await (const chunk of chunks) {
      step(balances, () => reader.push(chunk));
      await drain();
    }
    const summary = step(balances, () => reader.end());
    await drain();
    return ok({ ...summary, balances });
  } catch (e) {
    if (e instanceof ImportAbort) return err(e.error);
    throw e;
  }
}

/**
 * A whole file read by a streaming reader, its lines gathered: what the whole-file parsers return
 * (`chunkBytes` small in tests, to cut the file everywhere a chunk may end). Balances are refused
 * or recorded by whoever runs the parse (`recordBalances`).
 */
export function parseWithStream(
  bytes: Uint8Array,
  open: OpenStatementStream,
  chunkBytes = 1 << 20,
): Result<ParsedStatement> {
  return catchAbort(() => {
    const lines: StatementLine[] = [];
    const head = bytes.subarray(0, STREAM_HEAD_BYTES);
    const reader = open(head, bytes.length <= STREAM_HEAD_BYTES, (l) => lines.push(l));
    for (let at = 0; at < bytes.length; at += chunkBytes) reader.push(bytes.subarray(at, at + chunkBytes));
    return ok({ ...reader.end(), lines });
  });
}
