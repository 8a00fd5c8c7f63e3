import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { readInfo } from './mt940-fields.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

const SOURCE = readFileSync(`${FIXTURE_DIR}mt940.sta`, 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const lineOf = (needle: string): number => SOURCE.split('\n').findIndex((l) => l.startsWith(needle)) + 1;

describe('MT940', () => {
  it('reads both statements, entry dates, reversals and :86: in both forms', () => {
    const r = parseBankStatement(utf8(SOURCE), { fileName: 'mt940.sta' });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    const s = r.value;
    expect(s.format).toBe('mt940');
    expect(s.accounts).toEqual([
      {
        account: 'KZ04601A871000001234',
        currency: 'USD',
        from: '2021-02-01',
        to: '2021-02-05',
        opening: 120000n,
        totalIn: 2500000n,
        totalOut: 24925n,
        closing: 2595075n,
      },
      {
        account: 'KZ716010131000012345',
        currency: 'KZT',
        from: '2021-02-01',
        to: '2021-02-05',
        opening: -50000n,
        totalIn: 10000000n,
        totalOut: 50n,
        closing: 9949950n,
      },
    ]);
    expect(
      s.lines.map((l) => [
        l.sourceLine,
        l.direction,
        l.amount,
        l.bookedOn,
        l.documentDate,
        l.documentNumber,
        l.bankReference,
      ]),
    ).toEqual([
      [lineOf(':61:2102020202'), 'in', 2500000n, '2021-02-02', '2021-02-02', 'NED-2021-117', 'HB21020200017'],
      [lineOf(':61:210204D'), 'out', 24925n, '2021-02-04', '2021-02-04', null, 'HB21020400003'],
      [lineOf(':61:210203C'), 'in', 10000000n, '2021-02-03', '2021-02-03', null, null],
      [lineOf(':61:210204RC'), 'out', 50n, '2021-02-04', '2021-02-04', null, null],
    ]);
    expect(s.lines[0]?.counterparty).toMatchObject({
      name: 'National Endowment for Democracy',
      account: 'US000123456789',
      bankCode: 'CITIUS33',
    });
    expect(s.lines[0]?.purpose).toBe('Grant 2021-117, first instalment; civic education');
    expect(s.lines[1]?.purpose).toBe('Annual licence Zoom Video Communications');
    expect(s.lines[2]?.purpose).toBe('Перевод от физического лица');
  });

  it('reads a statement repeated in the file once, counting its lines as duplicates (seed)', () => {
    const seed = readFileSync(
      new URL('../fixtures/seeds/mt940-duplicated-statement.sta', import.meta.url),
      'utf8',
    );
    const r = parseBankStatement(utf8(seed), { fileName: 'twice.sta' });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    const once = parseBankStatement(utf8(SOURCE), { fileName: 'once.sta' });
    expect(once.ok && r.value.lines).toEqual(once.ok && once.value.lines);
    expect(r.value.lines).toHaveLength(4);
    expect(r.value.duplicateLines).toBe(2);
    expect(r.value.accounts).toHaveLength(2);
    const second = seed.split('\n').lastIndexOf(':20:STMT210205') + 1;
    expect(r.value.warnings).toContainEqual(
      expect.objectContaining({
        line: second,
        field: '20',
        message: expect.stringContaining('line 2'),
      }),
    );
  });

  it('refuses a repeated statement whose payments differ from the first copy', () => {
    const seed = readFileSync(
      new URL('../fixtures/seeds/mt940-duplicated-statement.sta', import.meta.url),
      'utf8',
    );
    const at = seed.lastIndexOf(':61:210204D249,25');
    const changed =
      seed.slice(0, at) + seed.slice(at).replace('D249,25', 'D250,25').replace('USD25950,75', 'USD25949,75');
    const r = parseBankStatement(utf8(changed), { fileName: 'twice.sta' });
    expect(r.ok ? null : [r.error.code, r.error.line, r.error.field]).toEqual([
      'IMPORT_STATEMENT_CONFLICT',
      changed.split('\n').lastIndexOf(':20:STMT210205') + 1,
      '20',
    ]);
  });

  it('reads an entry date across New Year', () => {
    const text = ':20:X\n:25:A1\n:60F:C201231EUR0,\n:61:2012310101C5,NTRFNONREF\n:62F:C210101EUR5,\n';
    const r = parseBankStatement(utf8(text), { fileName: 'ny.sta', format: 'mt940' });
    expect(r.ok && r.value.lines[0]?.bookedOn).toBe('2021-01-01');
  });

  it('parses structured :86: subfields', () => {
    expect(
      readInfo(
        '166?00GUTSCHRIFT?20EREF+1?21Miete Jan?30DEUTDEFF?31DE89370400440532013000?32Max Muster?33mann',
      ),
    ).toMatchObject({
      purpose: 'EREF+1Miete Jan',
      name: 'Max Mustermann',
      account: 'DE89370400440532013000',
      bankCode: 'DEUTDEFF',
    });
  });

  it.each([
    [
      'a wrong closing balance',
      SOURCE.replace(':62F:C210205USD25950,75', ':62F:C210205USD25950,76'),
      'IMPORT_BALANCE_MISMATCH',
      lineOf(':62F:'),
      '62F',
    ],
    [
      'a bad amount',
      SOURCE.replace('D249,25NMSC', 'D249.25NMSC'),
      'IMPORT_LINE_INVALID',
      lineOf(':61:210204D'),
      '61',
    ],
    [
      'a bad balance amount',
      SOURCE.replace(':60F:C210201USD1200,00', ':60F:C210201USD12,00,0'),
      'IMPORT_AMOUNT_INVALID',
      lineOf(':60F:'),
      '60F',
    ],
    [
      'a bad date',
      SOURCE.replace(':61:210204D', ':61:210431D'),
      'IMPORT_DATE_INVALID',
      lineOf(':61:210204D'),
      '61',
    ],
    [
      'truncated: no closing balance',
      SOURCE.slice(0, SOURCE.indexOf(':62F:')),
      'IMPORT_TRUNCATED',
      lineOf(':20:'),
      '62F',
    ],
    [
      'an unknown currency',
      SOURCE.replace('USD1200,00', 'XQZ1200,00'),
      'IMPORT_CURRENCY_UNKNOWN',
      lineOf(':60F:'),
      '60F',
    ],
  ])('%s', (_name, text, code, line, field) => {
    const r = parseBankStatement(utf8(text), { fileName: 'bad.sta', format: 'mt940' });
    expect(r.ok ? null : r.error).toMatchObject({ code, file: 'bad.sta', line, field });
  });
});
