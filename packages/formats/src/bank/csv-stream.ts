import { err, ok, type Result, type StatementLine } from '@civic/core';
import { readCsvRecords, type CsvRecordHandler } from './csv-reader.ts';
import type { CsvMapping } from './csv-mapping.ts';
import { csvStatementRows, type CsvStatementSummary } from './csv-statement.ts';
import { ImportAbort, importError } from './import-error.ts';
import { chunkDecoder } from './line-reader.ts';
import type { OpenStatementStream } from './statement-stream.ts';

/** A record still open after this many characters (a quote never closed) is refused, not held. */
const MAX_RECORD_CHARS = 16 << 20;

/**
 * Reads CSV records from decoded text given in pieces: each piece is cut after its last line break
 * outside quotes (quotes inside a field are doubled, so an even count of quotes before a break
 * means the break ends a record); whole records go to `readCsvRecords`, the rest waits for the
 * next piece. Line numbers are those of the whole file.
 */
export class CsvChunkReader {
  private carry = '';
  private lineBase = 0;

  constructor(
    private readonly delimiter: string,
    private readonly file: string,
    private readonly onRecord: CsvRecordHandler,
  ) {}

  push(text: string): void {
    const buf = this.carry + text;
    let quotes = 0;
    let cut = -1;
    for (let i = 0; i < buf.length; i++) {
      const c = buf.charCodeAt(i);
      if (c === 34) quotes++;
      else if (c === 10 && (quotes & 1) === 0) cut = i;
    }
    if (cut < 0) {
      this.carry = buf;
      if (buf.length > MAX_RECORD_CHARS)
        throw new ImportAbort(
          importError(
            'IMPORT_TRUNCATED',
            'a quoted field is not closed within 16 MiB',
            this.file,
            this.lineBase + 1,
          ),
        );
      return;
    }
    this.read(buf.slice(0, cut + 1));
    this.carry = buf.slice(cut + 1);
  }

  end(): void {
    if (this.carry.length > 0) this.read(this.carry);
    this.carry = '';
  }

  private read(segment: string): void {
    const base = this.lineBase;
    let inHandler = false;
    try {
      readCsvRecords(segment, this.delimiter, this.file, (fields, line) => {
        inHandler = true;
        this.onRecord(fields, line + base);
        inHandler = false;
      });
    } catch (e) {
      // The reader's own error (a quote never closed) names its line within the segment: give the
      // file's line. A row's error already has it.
      if (!inHandler && e instanceof ImportAbort && e.error.line !== undefined && base > 0) {
        throw new ImportAbort({ ...e.error, line: e.error.line + base });
      }
      throw e;
    }
    let n = 0;
    for (let i = segment.indexOf('\n'); i >= 0; i = segment.indexOf('\n', i + 1)) n++;
    this.lineBase += n;
  }
}

/**
 * The CSV statement of a byte source, decoded chunk by chunk and read record by record: the file
 * is never held whole. Each line goes to `onLine` as it is read (awaited when it returns a promise,
 * a chunk's lines at a time); errors are as for `forEachCsvStatementLine`.
 */
export async function forEachCsvStatementLineStream(
  source: AsyncIterable<Uint8Array>,
  mapping: CsvMapping,
  fileName: string,
  onLine: (line: StatementLine) => void | Promise<void>,
): Promise<Result<CsvStatementSummary>> {
  try {
    const pending: StatementLine[] = [];
    const rows = csvStatementRows(mapping, fileName, (l) => pending.push(l));
    const reader = new CsvChunkReader(mapping.delimiter, fileName, rows.onRow);
    const decoder = chunkDecoder(mapping.encoding);
    const drain = async (): Promise<void> => {
      for (const l of pending) {
        const written = onLine(l);
        if (written !== undefined) await written;
      }
      pending.length = 0;
    };
    for await (const chunk of source) {
      reader.push(decoder.decode(chunk));
      await drain();
    }
    reader.push(decoder.end());
    reader.end();
    const summary = rows.finish();
    await drain();
    return ok(summary);
  } catch (e) {
    if (e instanceof ImportAbort) return err(e.error);
    throw e;
  }
}

/** The CSV reader as a statement stream (lines checked as they come, as the CSV reader always does). */
export function openCsvStream(mapping: CsvMapping, fileName: string): OpenStatementStream {
  return (_head, _complete, onLine) => {
    const rows = csvStatementRows(mapping, fileName, onLine);
    const reader = new CsvChunkReader(mapping.delimiter, fileName, rows.onRow);
    const decoder = chunkDecoder(mapping.encoding);
    return {
      push: (chunk) => reader.push(decoder.decode(chunk)),
      end: () => {
        reader.push(decoder.end());
        reader.end();
        const { encoding, accounts, warnings } = rows.finish();
        return { format: 'csv', file: fileName, encoding, accounts, warnings, duplicateLines: 0 };
      },
    };
  };
}
