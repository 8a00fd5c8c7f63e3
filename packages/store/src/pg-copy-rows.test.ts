import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyRows, copyText, copyValue } from './pg-copy-in.ts';

// CopyRows encodes each row as it comes: its bytes are exactly those of the rows' text joined
// with line breaks, whatever the text (Cyrillic, Kazakh letters, emoji, the separators escaped),
// across the growth of its buffer, and a batch taken is not touched by the rows after it.
const value = fc.oneof(
  fc.constant(null),
  fc.string({ unit: fc.constantFrom('a', 'я', 'қ', 'ү', '€', '😀', '\t', '\n', '\\', ' ') }),
  fc.string(),
  fc.integer(),
  fc.bigInt(),
  fc.boolean(),
);

const textOf = (row: readonly unknown[]): string => row.map((v) => copyValue(v, 'test')).join('\t');

describe('CopyRows', () => {
  it('gives the bytes of the rows joined by line breaks, batch after batch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { maxLength: 30 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 1, max: 64 }),
        (batches, initial) => {
          const rows = new CopyRows('test', initial);
          const taken: Buffer[] = [];
          for (const batch of batches) {
            for (const row of batch) rows.add(row);
            expect(rows.count).toBe(batch.length);
            taken.push(rows.take());
            expect(rows.count).toBe(0);
          }
          batches.forEach((batch, i) => {
            const text = batch.map((row) => `${textOf(row)}\n`).join('');
            expect(taken[i]?.toString('utf8')).toBe(text);
            expect(taken[i]?.length).toBe(Buffer.byteLength(text));
          });
        },
      ),
    );
  });

  it('writes NULL as \\N, escapes the separators, and refuses a value with no text form', () => {
    const rows = new CopyRows('some_table');
    rows.add([null, 'a\tb\nc\\d\re', 12n, -3, true, false]);
    rows.addText(copyText('Қазақстан 😀'));
    expect(rows.take().toString('utf8')).toBe('\\N\ta\\tb\\nc\\\\d\\re\t12\t-3\tt\tf\nҚазақстан 😀\n');
    expect(() => rows.add(['x', { an: 'object' }])).toThrow(
      /some_table: a value COPY does not write \(object\)/,
    );
  });
});
