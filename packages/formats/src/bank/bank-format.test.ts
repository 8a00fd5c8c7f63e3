import { currency } from '@civic/core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectBankFormat } from './bank-format.ts';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { generate1CStatement, generateBankCsv } from './generate.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}`));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectBankFormat', () => {
  it.each([
    ['1c-ru.windows-1251.txt', 'kl_to_1c.txt', '1c'],
    ['1c-ru.cp866.txt', 'statement.dat', '1c'],
    ['1c-ru.utf8-bom.txt', 'x.txt', '1c'],
    ['1c-kz.utf8.txt', 'x', '1c'],
    ['camt053.xml', 'anything.bin', 'camt053'],
    ['mt940.sta', 'statement.txt', 'mt940'],
    ['statement.csv', 'statement.csv', 'csv'],
  ])('%s (named %s) is %s', (name, fileName, format) => {
    expect(detectBankFormat(fixture(name), fileName)).toBe(format);
  });

  it.each([
    [
      'plain MT940 without SWIFT blocks',
      ':20:REF\r\n:25:KZ1\r\n:28C:1/1\r\n:60F:C210101KZT0,\r\n',
      'a.txt',
      'mt940',
    ],
    ['other XML', '<?xml version="1.0"?><rates><date>01.01.2021</date></rates>', 'a.xml', null],
    ['a .tsv file', 'date\tamount\n', 'a.tsv', 'csv'],
    ['text with no marker', 'hello world', 'notes.doc', null],
  ])('%s', (_name, text, fileName, format) => {
    expect(detectBankFormat(utf8(text), fileName)).toBe(format);
  });

  it('says what to do when the format is unknown', () => {
    const r = parseBankStatement(utf8('hello'), { fileName: 'notes.doc' });
    expect(r.ok ? null : [r.error.code, r.error.file]).toEqual(['IMPORT_FORMAT_UNKNOWN', 'notes.doc']);
  });
});

describe('fixture generators', () => {
  it.each(['windows-1251', 'cp866', 'utf-8'] as const)(
    'generate1CStatement in %s reads back with its own totals',
    (encoding) => {
      for (const fieldSet of ['ru', 'kz'] as const) {
        const g = generate1CStatement({ documents: 300, seed: 7, encoding, fieldSet });
        const r = parseBankStatement(g.bytes, { fileName: 'g.txt' });
        if (!r.ok) throw new Error(r.error.message);
        expect(r.value.encoding).toBe(encoding);
        expect(r.value.lines).toHaveLength(g.count);
        expect(r.value.accounts).toEqual([
          expect.objectContaining({
            account: g.account,
            opening: g.opening,
            totalIn: g.totalIn,
            totalOut: g.totalOut,
            closing: g.closing,
          }),
        ]);
      }
    },
  );

  it('is deterministic for a seed', () => {
    expect(generate1CStatement({ documents: 20, seed: 3 }).bytes).toEqual(
      generate1CStatement({ documents: 20, seed: 3 }).bytes,
    );
    expect(generateBankCsv({ rows: 20, seed: 3 }).bytes).toEqual(
      generateBankCsv({ rows: 20, seed: 3 }).bytes,
    );
  });

  it('generateBankCsv reads back with its own totals per account', () => {
    const g = generateBankCsv({
      rows: 2000,
      seed: 11,
      accounts: [
        { account: 'KZ1', currency: currency('KZT') },
        { account: 'KZ2-USD', currency: currency('USD') },
      ],
    });
    const r = parseBankStatement(g.bytes, { fileName: 'g.csv', csvMapping: g.mapping });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.lines).toHaveLength(g.count);
    for (const [account, t] of g.totals) {
      const mine = r.value.lines.filter((l) => l.account === account);
      expect(mine.every((l) => l.currency === t.currency)).toBe(true);
      expect(mine.reduce((s, l) => s + (l.direction === 'in' ? l.amount : 0n), 0n)).toBe(t.totalIn);
      expect(mine.reduce((s, l) => s + (l.direction === 'out' ? l.amount : 0n), 0n)).toBe(t.totalOut);
    }
  });
});
