import { calendarDate, currency, addDays, type CurrencyCode, type StatementLine } from '@civic/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withIbanCheckDigits } from './account-number.ts';
import { parseBankStatement } from './parse-bank-statement.ts';
import {
  GENERATED_CSV_MAPPING,
  specTotals,
  write1CStatement,
  writeBankCsv,
  type StatementSpec,
} from './statement-writer.ts';
import type { TextEncoding } from './text-decode.ts';

// Characters every 1C encoding can hold (Windows-1251 and CP866 have no Kazakh letters, no «»).
const COMMON =
  'АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюяABCDEFabcxyz0123456789 .,-/()№"=;'.split(
    '',
  );
const KAZAKH = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі«»'.split('');

const text = (chars: string[], maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...chars), { maxLength }).map((a) => a.join(''));

function specArb(chars: string[], currencies: CurrencyCode[]): fc.Arbitrary<StatementSpec> {
  const doc = fc.record({
    direction: fc.constantFrom<'in' | 'out'>('in', 'out'),
    amount: fc.bigInt({ min: 1n, max: 10n ** 13n }),
    day: fc.integer({ min: 0, max: 400 }),
    name: text(chars, 40),
    taxId: fc.stringMatching(/^\d{0,12}$/),
    purpose: text(chars, 120),
  });
  return fc
    .record({
      currency: fc.constantFrom(...currencies),
      opening: fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
      docs: fc.array(doc, { maxLength: 25 }),
    })
    .map(({ currency: ccy, opening, docs }) => {
      const from = calendarDate('2020-12-01');
      return {
        account: 'KZ716010131000012345',
        currency: ccy,
        from,
        to: addDays(from, 400),
        opening,
        documents: docs.map((d, i) => ({
          direction: d.direction,
          amount: d.amount,
          date: addDays(from, d.day),
          number: String(i + 1),
          counterparty: {
            name: d.name,
            taxId: d.taxId,
            account: withIbanCheckDigits('KZ', `000000000000${String(i).padStart(4, '0')}`),
            sectorCode: i % 3 === 0 ? '21' : '17',
          },
          purpose: d.purpose,
        })),
      };
    });
}

function sums(lines: readonly StatementLine[]): { totalIn: bigint; totalOut: bigint } {
  let totalIn = 0n;
  let totalOut = 0n;
  for (const l of lines) {
    if (l.direction === 'in') totalIn += l.amount;
    else totalOut += l.amount;
  }
  return { totalIn, totalOut };
}

const CURRENCIES = [currency('KZT'), currency('USD'), currency('JPY'), currency('KWD')];
const clean = (s: string): string | null => (s.trim() === '' ? null : s.trim());

describe('an import never creates or loses a minor unit', () => {
  it.each<[TextEncoding, 'ru' | 'kz', string[]]>([
    ['windows-1251', 'ru', COMMON],
    ['windows-1251', 'kz', COMMON],
    ['cp866', 'kz', COMMON],
    ['utf-8', 'kz', [...COMMON, ...KAZAKH]],
  ])('1C written as %s with the %s field set and read back', (encoding, fieldSet, chars) => {
    fc.assert(
      fc.property(specArb(chars, CURRENCIES), (spec) => {
        const r = parseBankStatement(write1CStatement(spec, { encoding, fieldSet }), {
          fileName: 'p.txt',
          defaultCurrency: spec.currency,
        });
        if (!r.ok) throw new Error(`${r.error.code} ${r.error.message} line ${r.error.line}`);
        const expected = specTotals(spec);
        expect(sums(r.value.lines)).toEqual({ totalIn: expected.totalIn, totalOut: expected.totalOut });
        expect(r.value.accounts[0]).toMatchObject({
          opening: spec.opening,
          closing: expected.closing,
          currency: spec.currency,
        });
        expect(r.value.lines.map((l) => [l.direction, l.amount, l.bookedOn, l.currency])).toEqual(
          spec.documents.map((d) => [d.direction, d.amount, d.date, spec.currency]),
        );
        expect(r.value.lines.map((l) => [l.counterparty.name, l.purpose])).toEqual(
          spec.documents.map((d) => [clean(d.counterparty.name), clean(d.purpose)]),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('CSV written with quotes, commas, line breaks and read back', () => {
    const chars = [...COMMON, ...KAZAKH, '\n', '\r\n', '"', ','];
    fc.assert(
      fc.property(fc.array(specArb(chars, CURRENCIES), { minLength: 1, maxLength: 3 }), (specs) => {
        const all = specs.map((s, i) => ({ ...s, account: `ACC-${i}` }));
        const r = parseBankStatement(writeBankCsv(all), {
          fileName: 'p.csv',
          format: 'csv',
          csvMapping: GENERATED_CSV_MAPPING,
        });
        if (!r.ok) throw new Error(`${r.error.code} ${r.error.message} line ${r.error.line}`);
        for (const spec of all) {
          const expected = specTotals(spec);
          expect(sums(r.value.lines.filter((l) => l.account === spec.account))).toEqual({
            totalIn: expected.totalIn,
            totalOut: expected.totalOut,
          });
        }
        const docs = all.flatMap((s) =>
          s.documents.map((d) => [
            d.direction,
            d.amount,
            s.currency,
            clean(d.counterparty.name),
            clean(d.purpose),
          ]),
        );
        expect(
          r.value.lines.map((l) => [l.direction, l.amount, l.currency, l.counterparty.name, l.purpose]),
        ).toEqual(docs);
      }),
      { numRuns: 60 },
    );
  });
});
