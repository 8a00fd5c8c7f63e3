import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunksOf, inPieces } from './byte-source.ts';
import { DECODE_BYTES, LineSplitter } from './line-reader.ts';

// Reading in pieces (inPieces; LineSplitter decoding a large chunk DECODE_BYTES at a time) must
// give exactly what the straightforward reading gives: the same bytes, the same lines, whatever
// the characters (one to four UTF-8 bytes, a BOM inside the text) and wherever chunks and pieces cut.

const CHARS = ['a', '=', ' ', '\r', '\n', 'Ж', 'қ', '€', '𝄞', '\ufeff'];
const textArb = fc.array(fc.constantFrom(...CHARS), { minLength: 0, maxLength: 400 }).map((a) => a.join(''));

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for await (const piece of source) out.push(piece);
  return out;
}

function splitLines(chunks: readonly Uint8Array[]): string[] {
  const splitter = new LineSplitter('utf-8', 'f');
  const out: string[] = [];
  for (const c of chunks) splitter.push(c, (l) => out.push(l));
  splitter.end((l) => out.push(l));
  return out;
}

describe('reading in pieces', () => {
  it('inPieces hands on the same bytes in order, no piece longer than asked', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 16 }),
        async (bytes, chunk, piece) => {
          const pieces = await collect(inPieces(chunksOf(bytes, chunk), piece));
          expect(pieces.every((p) => p.length <= Math.max(piece, 1))).toBe(true);
          expect(Buffer.concat(pieces)).toEqual(Buffer.from(bytes));
        },
      ),
    );
  });

  it('LineSplitter gives the lines of the decoded whole, chunks larger than DECODE_BYTES included', () => {
    fc.assert(
      fc.property(textArb, textArb, fc.integer({ min: 1, max: 3 }), (a, b, cut) => {
        // A long filler pushes the text past several DECODE_BYTES boundaries, each cut anywhere.
        const text = `${a}${'Ж'.repeat(DECODE_BYTES / 2 - 1 + cut)}${b}\n${'𝄞'.repeat(DECODE_BYTES / 3)}${a}`;
        const bytes = new TextEncoder().encode(text);
        const expected = new TextDecoder().decode(bytes).split('\n');
        if (expected.at(-1) === '') expected.pop();
        expect(splitLines([bytes])).toEqual(expected);
        const size = 3 * DECODE_BYTES + cut;
        const chunks: Uint8Array[] = [];
        for (let at = 0; at < bytes.length; at += size) chunks.push(bytes.subarray(at, at + size));
        expect(splitLines(chunks)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });
});
