/**
 * The backup's tar layer as streams (issue 15: a large PostgreSQL dump is never held in memory):
 * `tarStream` writes entries whose data may be a stream of chunks, `readTarStream` reads one entry
 * at a time and hands its data over chunk by chunk. Same ustar layout as tar-archive.ts.
 */
import { headerFor, TAR_BLOCK } from './tar-archive.ts';

/** An entry whose size is known up front and whose data comes in chunks. */
export interface StreamedEntry {
  readonly name: string;
  readonly size: number;
  readonly data: () => AsyncIterable<Uint8Array>;
}

const padding = (n: number): Uint8Array => new Uint8Array((TAR_BLOCK - (n % TAR_BLOCK)) % TAR_BLOCK);

/** The archive of `entries` as a stream (each entry's data must be exactly `size` bytes). */
export function tarStream(entries: readonly StreamedEntry[], mtime: number): ReadableStream<Uint8Array> {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for (const e of entries) {
      yield headerFor(e.name, e.size, mtime);
      let n = 0;
      for await (const c of e.data()) {
        n += c.length;
        yield c;
      }
      if (n !== e.size) throw new Error(`tar: ${e.name} gave ${n} bytes, not ${e.size}`);
      yield padding(e.size);
    }
    yield new Uint8Array(2 * TAR_BLOCK);
  }
  const it = chunks();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await it.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
}

/** The stream under the archive failed (a damaged age chunk). */
class StreamFailed extends Error {
  constructor(failure: unknown) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

/** Exact reads over a stream of chunks. */
class ByteReader {
  private buffered: Uint8Array = new Uint8Array(0);
  private ended = false;
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  /** Up to `max` bytes (fewer only at the end of the stream; empty at its end). */
  async some(max: number): Promise<Uint8Array> {
    if (this.buffered.length === 0 && !this.ended) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await this.reader.read();
      } catch (e) {
        throw new StreamFailed(e);
      }
      if (next.done) this.ended = true;
      else this.buffered = next.value;
    }
    const out = this.buffered.subarray(0, max);
    this.buffered = this.buffered.subarray(out.length);
    return out;
  }

  /** Exactly `n` bytes, or fewer when the stream ends first. */
  async exactly(n: number): Promise<Uint8Array> {
    const out = new Uint8Array(n);
    let at = 0;
    while (at < n) {
      const c = await this.some(n - at);
      if (c.length === 0) break;
      out.set(c, at);
      at += c.length;
    }
    return at === n ? out : out.subarray(0, at);
  }
}

const dec = new TextDecoder();
const field = (h: Uint8Array, offset: number, length: number): string =>
  dec.decode(h.subarray(offset, offset + length)).replace(/\0.*$/s, '');

/** Why an archive could not be read: the entry being read (or the one after `after`) and what went wrong. */
export class TarStreamError extends Error {
  constructor(
    readonly entry: string,
    readonly reason: string,
  ) {
    super(`tar: ${entry}: ${reason}`);
  }
}

/**
 * Reads the archive, calling `onData(name, chunk)` for each piece of each entry's data and
 * `onEnd(name, size)` after each entry. An error of the underlying stream (a damaged age chunk)
 * becomes a TarStreamError naming the entry being read; an error thrown by `visit` (a full disk, a
 * part that does not match) propagates as it is.
 */
export async function readTarStream(
  stream: ReadableStream<Uint8Array>,
  visit: {
    onData(name: string, chunk: Uint8Array): void | Promise<void>;
    onEnd?(name: string, size: number): void | Promise<void>;
  },
): Promise<void> {
  const bytes = new ByteReader(stream.getReader());
  let current = 'manifest.json';
  try {
    for (;;) {
      const h = await bytes.exactly(TAR_BLOCK);
      if (h.length < TAR_BLOCK) throw new TarStreamError(current, 'no end-of-archive marker');
      if (h.every((b) => b === 0)) return;
      let sum = 0;
      for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] ?? 0);
      if (Number.parseInt(field(h, 148, 8).trim(), 8) !== sum)
        throw new TarStreamError(current, 'header checksum');
      const size = Number.parseInt(field(h, 124, 12).trim(), 8);
      if (!Number.isSafeInteger(size) || size < 0) throw new TarStreamError(current, 'size');
      current = field(h, 0, 100);
      let left = size;
      while (left > 0) {
        const c = await bytes.some(Math.min(left, 1 << 16));
        if (c.length === 0) throw new TarStreamError(current, 'cut short');
        left -= c.length;
        await visit.onData(current, c);
      }
      await visit.onEnd?.(current, size);
      const pad = padding(size).length;
      if (pad > 0 && (await bytes.exactly(pad)).length < pad) throw new TarStreamError(current, 'cut short');
    }
  } catch (e) {
    if (e instanceof StreamFailed) throw new TarStreamError(current, e.message);
    throw e;
  }
}
