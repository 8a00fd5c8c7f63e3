import iconv from 'iconv-lite';
import { abort } from './import-error.ts';
import type { TextEncoding } from './text-decode.ts';

/** A line longer than this is not a statement's line: refused rather than held. */
export const MAX_LINE_CHARS = 1 << 20;

/**
 * Bytes decoded at a time: their text stays under V8's large-object size (128 KiB), so it is
 * allocated young and dies in a scavenge with the lines cut from it. The text of a whole chunk (a
 * MiB) is a large object, allocated in the old generation and freed only by a full collection:
 * the heap grows by the dead chunks in between (and so does the process's peak RSS).
 */
export const DECODE_BYTES = 32 * 1024;

interface ChunkDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

/**
 * An incremental decoder: a character cut between two chunks (a UTF-8 sequence) is completed by
 * the next chunk, never broken. A UTF-8 byte-order mark is dropped.
 */
export function chunkDecoder(encoding: TextEncoding): ChunkDecoder {
  const label = encoding === 'cp866' ? 'ibm866' : encoding;
  let native: TextDecoder | null = null;
  try {
    native = new TextDecoder(label);
  } catch {
    native = null;
  }
  if (native !== null) {
    const d = native;
    return { decode: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
  }
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  return {
    decode: (c) => d.write(Buffer.from(c.buffer, c.byteOffset, c.byteLength)),
    end: () => d.end() ?? '',
  };
}

/**
 * Splits decoded text into lines as chunks arrive (LF or CRLF; the CR is left for the caller, who
 * may need to tell it from a CR inside a line). Only the unfinished last line is carried between
 * chunks, and a line over `MAX_LINE_CHARS` aborts with IMPORT_LINE_INVALID naming it.
 */
export class LineSplitter {
  private carry = '';
  private readonly decoder: ChunkDecoder;
  /** Lines handed on so far. */
  count = 0;

  constructor(
    encoding: TextEncoding,
    private readonly file: string,
  ) {
    this.decoder = chunkDecoder(encoding);
  }

  /** Decodes a chunk and hands on every line it completes. */
  push(chunk: Uint8Array, onLine: (line: string) => void): void {
    if (chunk.length <= DECODE_BYTES) return this.text(this.decoder.decode(chunk), onLine);
    for (let at = 0; at < chunk.length; at += DECODE_BYTES)
      this.text(this.decoder.decode(chunk.subarray(at, at + DECODE_BYTES)), onLine);
  }

  /** The end of the input: hands on the last line (if the file does not end with a line break). */
  end(onLine: (line: string) => void): void {
    this.text(this.decoder.end(), onLine);
    if (this.carry.length > 0) {
      this.count++;
      onLine(this.carry);
    }
    this.carry = '';
  }

  private text(decoded: string, onLine: (line: string) => void): void {
    if (decoded.length === 0) return;
    const text = this.carry.length > 0 ? this.carry + decoded : decoded;
    let pos = 0;
    for (;;) {
      const nl = text.indexOf('\n', pos);
      if (nl < 0) break;
      this.count++;
      onLine(text.slice(pos, nl));
      pos = nl + 1;
    }
    this.carry = pos === 0 ? text : text.slice(pos);
    if (this.carry.length > MAX_LINE_CHARS)
      abort(
        'IMPORT_LINE_INVALID',
        `line ${String(this.count + 1)} is longer than ${String(MAX_LINE_CHARS)} characters: this is not a statement's line`,
        this.file,
        this.count + 1,
      );
  }
}

/**
 * The lines of a byte source, decoded incrementally: the seam for every line-based statement
 * reader (1C, MT940). Lines come without their LF; a CR before it is kept.
 */
export async function* lines(
  source: AsyncIterable<Uint8Array>,
  encoding: TextEncoding,
  file = '',
): AsyncGenerator<string> {
  const splitter = new LineSplitter(encoding, file);
  const batch: string[] = [];
  const take = (l: string): void => {
    batch.push(l);
  };
  for await (const chunk of source) {
    splitter.push(chunk, take);
    yield* batch;
    batch.length = 0;
  }
  splitter.end(take);
  yield* batch;
}
