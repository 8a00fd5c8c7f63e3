import { ok, type Result, type StatementLine } from '@civic/core';
import {
  forEachCsvStatementLineStream,
  inPieces,
  openCamtStream,
  openCsvStream,
  openMt940Stream,
  openOnecStream,
  readOnecStatement,
  readStatementStream,
  withStreamChecks,
  type CsvMapping,
  type CsvStatementSummary,
  type OnecStreamSummary,
  type OpenStatementStream,
  type StreamedStatement,
} from '@civic/formats';

/**
 * Which reader a streamed import runs, as plain data: the same reader is opened on the import's
 * thread or on the reading worker (import-read.worker.ts), which cannot be handed a function.
 * `1c`: the 1C reader refusing unbalanced totals; `csv`: the CSV reader of the SQLite import;
 * `statement`: any format through `readStatementStream`, balances recorded for the caller.
 */
export type ReaderSpec =
  | { readonly kind: '1c'; readonly fileName: string; readonly aliases: Readonly<Record<string, string>> }
  | { readonly kind: 'csv'; readonly fileName: string; readonly mapping: CsvMapping }
  | {
      readonly kind: 'statement';
      readonly fileName: string;
      readonly format: 'mt940' | 'camt053' | '1c' | 'csv';
      readonly aliases: Readonly<Record<string, string>>;
      /** The CSV's mapping (given, saved or inferred from the head), for format `csv`. */
      readonly mapping?: CsvMapping;
    };

/** What each reader returns once the file is read (its lines went to `onLine`). */
export interface ReaderSummaries {
  readonly '1c': Result<OnecStreamSummary>;
  readonly csv: Result<CsvStatementSummary>;
  readonly statement: Result<StreamedStatement>;
}

export type ReaderKind = ReaderSpec['kind'];
export type SpecOf<K extends ReaderKind> = Extract<ReaderSpec, { readonly kind: K }>;

const aliasOption = (aliases: Readonly<Record<string, string>>) =>
  Object.keys(aliases).length > 0 ? { aliases } : {};

/** The streamed reader of a `statement` spec (a bad 1C alias is the error). */
export function openSpec(spec: SpecOf<'statement'>): Result<OpenStatementStream> {
  const file = spec.fileName;
  switch (spec.format) {
    case 'mt940':
      return ok(withStreamChecks(openMt940Stream(file), file));
    case 'camt053':
      return ok(withStreamChecks(openCamtStream(file), file));
    case '1c':
      return openOnecStream({ fileName: file, ...aliasOption(spec.aliases) });
    case 'csv':
      if (spec.mapping === undefined) throw new Error('a CSV reader spec without its mapping');
      return ok(openCsvStream(spec.mapping, file));
  }
}

/**
 * Runs the reader a spec names over a byte source, handing each line to `onLine` (awaited when it
 * returns a promise) in file order; the result is the reader's own. The source is read in pieces
 * (`inPieces`): each piece's lines are written before the next is decoded.
 */
export async function runReader<K extends ReaderKind>(
  spec: SpecOf<K>,
  chunks: AsyncIterable<Uint8Array>,
  onLine: (line: StatementLine) => void | Promise<void>,
): Promise<ReaderSummaries[K]> {
  // Each branch returns the summary of its own kind; TypeScript cannot narrow K from spec.kind.
  const s: ReaderSpec = spec;
  const source = inPieces(chunks);
  switch (s.kind) {
    case '1c':
      return (await readOnecStatement(
        source,
        { fileName: s.fileName, ...aliasOption(s.aliases) },
        onLine,
      )) as ReaderSummaries[K];
    case 'csv':
      return (await forEachCsvStatementLineStream(
        source,
        s.mapping,
        s.fileName,
        onLine,
      )) as ReaderSummaries[K];
    case 'statement': {
      const open = openSpec(s);
      if (!open.ok) return open as ReaderSummaries[K];
      return (await readStatementStream(source, open.value, onLine)) as ReaderSummaries[K];
    }
  }
}
