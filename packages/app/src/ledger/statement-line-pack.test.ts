import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CalendarDate, CurrencyCode, StatementLine } from '@civic/core';
import { BATCH_CHARS, LinePacker, PackedLineReader, type PackedLines } from './statement-line-pack.ts';

// Lines drawn from small pools, so fields repeat from line to line (as an account, a day or a payer
// do in a real statement) and also change, vanish (null) and come back: what crosses from the
// reading worker must read back as the same lines, whatever repeats where and wherever a batch ends.
const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: null });
const text = fc.oneof(pick('KZ86125KZT', 'ТОО «Дала»', '', 'a\u0000b', '😀 Ω'), fc.string({ maxLength: 12 }));
const day = pick('2021-01-04', '2021-01-05', '2021-02-01') as fc.Arbitrary<CalendarDate>;

const line: fc.Arbitrary<StatementLine> = fc.record({
  sourceLine: fc.nat(100_000),
  account: pick('KZ86125KZT0000000001', 'DE89370400440532013000'),
  direction: pick('in' as const, 'out' as const),
  amount: fc.bigInt({ min: 1n, max: 10n ** 15n }),
  currency: pick('KZT', 'EUR') as fc.Arbitrary<CurrencyCode>,
  bookedOn: day,
  documentDate: maybe(day),
  valueDate: fc.option(maybe(day), { nil: undefined }),
  documentNumber: maybe(text),
  counterparty: fc.record({
    name: maybe(text),
    taxId: maybe(pick('101040009879', '850101300124')),
    account: maybe(text),
    bankCode: maybe(pick('HSBKKZKX', 'CASPKZKA')),
    sectorCode: maybe(pick('17', '21')),
    country: maybe(pick('KZ', 'DE')),
  }),
  purpose: maybe(text),
  purposeCode: maybe(pick('119', '859')),
  bankReference: maybe(text),
  raw: fc.constant({}),
  extras: fc.option(fc.dictionary(pick('ВидДокумента', 'Код'), text, { maxKeys: 2 }), { nil: undefined }),
}) as fc.Arbitrary<StatementLine>;

/** The line as the import's thread reads it: no raw fields, optional members only when present. */
const asRead = (l: StatementLine): StatementLine => {
  const { valueDate, extras, ...rest } = l;
  return {
    ...rest,
    raw: {},
    ...(valueDate === undefined ? {} : { valueDate }),
    ...(extras === undefined ? {} : { extras }),
  };
};

describe('statement lines packed for the reading worker', () => {
  it('read back as the same lines and fingerprints, batch by batch', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(line, pick('f1', 'f2', 'a'.repeat(64))), { maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        (lines, capacity) => {
          const packer = new LinePacker(capacity);
          const batches: PackedLines[] = [];
          for (const [l, f] of lines) if (packer.add(l, f)) batches.push(packer.take());
          if (packer.count > 0) batches.push(packer.take());
          const read: [StatementLine, string][] = [];
          for (const b of batches) {
            const reader = new PackedLineReader(b);
            while (!reader.done) {
              const r = reader.read();
              read.push([r.line, r.fingerprint]);
            }
          }
          expect(read).toEqual(lines.map(([l, f]) => [asRead(l), f]));
        },
      ),
    );
  });

  it('cut by characters: long purposes end a batch at BATCH_CHARS and read back alike', () => {
    const long = fc.string({ minLength: BATCH_CHARS / 8, maxLength: BATCH_CHARS / 3 });
    fc.assert(
      fc.property(fc.array(fc.tuple(line, maybe(long)), { minLength: 1, maxLength: 12 }), (drawn) => {
        const lines = drawn.map(([l, purpose]) => ({ ...l, purpose }));
        const packer = new LinePacker(1000);
        const batches: PackedLines[] = [];
        for (const l of lines) if (packer.add(l, 'f')) batches.push(packer.take());
        if (packer.count > 0) batches.push(packer.take());
        // Every batch but the last was cut by its characters (no batch reached 1,000 lines).
        for (const b of batches.slice(0, -1)) expect(b.text.length).toBeGreaterThanOrEqual(BATCH_CHARS);
        const read = batches.flatMap((b) => {
          const reader = new PackedLineReader(b);
          const out: StatementLine[] = [];
          while (!reader.done) out.push(reader.read().line);
          return out;
        });
        expect(read).toEqual(lines.map(asRead));
      }),
      { numRuns: 30 },
    );
  });
});
