import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OccurrenceTable } from './occurrence-table.ts';

/** The plain reference: a Map of texts to how many times each was met. */
function reference(texts: readonly string[]): number[] {
  const seen = new Map<string, number>();
  return texts.map((t) => {
    const n = seen.get(t) ?? 0;
    seen.set(t, n + 1);
    return n;
  });
}

const hex32 = (i: number): string => (i * 2654435761).toString(16).padStart(32, '0').slice(-32);

describe('OccurrenceTable', () => {
  it('counts repeats exactly as a Map, across growth of the table (20,000 hex keys, each met 1 to 3 times)', () => {
    const texts: string[] = [];
    for (let i = 0; i < 20_000; i++) texts.push(hex32(i));
    for (let i = 0; i < 20_000; i += 3) texts.push(hex32(i));
    for (let i = 0; i < 20_000; i += 7) texts.push(hex32(i));
    const table = new OccurrenceTable();
    expect(texts.map((t) => table.seen(t))).toEqual(reference(texts));
  });

  it('keeps apart texts that differ only where hex digits would be read alike (case, length, non-hex)', () => {
    const a = 'abcdef0123456789abcdef0123456789';
    const texts = [a, a.toUpperCase(), `${a}0`, a.slice(1), `g${a.slice(1)}`, a, a.toUpperCase(), a];
    const table = new OccurrenceTable();
    expect(texts.map((t) => table.seen(t))).toEqual([0, 0, 0, 0, 0, 1, 1, 2]);
  });

  it('agrees with a Map on any mix of hex fingerprints and other texts', () => {
    const text = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map(hex32),
      fc.constantFrom('x', '', 'deadbeef', '0'.repeat(32), `${'0'.repeat(31)}1`),
    );
    fc.assert(
      fc.property(fc.array(text, { maxLength: 200 }), (texts) => {
        const table = new OccurrenceTable();
        expect(texts.map((t) => table.seen(t))).toEqual(reference(texts));
      }),
    );
  });
});
