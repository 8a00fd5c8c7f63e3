import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvMapping, type CsvMapping } from './csv-mapping.ts';
import { readCsvRecords } from './csv-reader.ts';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { parseBankStatement } from './parse-bank-statement.ts';
import { encodeText } from './text-decode.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURE_DIR}${name}`));
const MAPPING_JSON: unknown = JSON.parse(readFileSync(`${FIXTURE_DIR}statement.mapping.json`, 'utf8'));
const mapping = (overrides: Record<string, unknown> = {}): CsvMapping => {
  const r = parseCsvMapping({ ...(MAPPING_JSON as object), ...overrides });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function records(text: string, delimiter = ','): [string[], number][] {
  const out: [string[], number][] = [];
  readCsvRecords(text, delimiter, 't.csv', (f, line) => out.push([f.slice(), line]));
  return out;
}

describe('RFC 4180 reader', () => {
  it.each([
    [
      'plain LF',
      'a,b,c\n1,2,3\n',
      [
        [['a', 'b', 'c'], 1],
        [['1', '2', '3'], 2],
      ],
    ],
    [
      'CRLF and no final newline',
      'a,b\r\n1,2',
      [
        [['a', 'b'], 1],
        [['1', '2'], 2],
      ],
    ],
    ['quoted delimiter', 'a,"b,c",d\n', [[['a', 'b,c', 'd'], 1]]],
    ['doubled quotes', '"say ""hi""",x\n', [[['say "hi"', 'x'], 1]]],
    [
      'newline inside quotes, line numbers after it',
      '"one\r\ntwo",x\r\nnext,y\r\n',
      [
        [['one\r\ntwo', 'x'], 1],
        [['next', 'y'], 3],
      ],
    ],
    [
      'empty fields and blank lines',
      ',,\n\n"",x\n',
      [
        [['', '', ''], 1],
        [['', 'x'], 3],
      ],
    ],
    ['trailing delimiter', 'a,\n', [[['a', ''], 1]]],
    ['quoted last field at end of file', 'a,"b"', [[['a', 'b'], 1]]],
  ])('%s', (_name, text, expected) => {
    expect(records(text)).toEqual(expected);
  });

  it('reports an unterminated quote as a truncated file with its line', () => {
    expect(() => records('a,b\n"open,\nmore')).toThrow(/not closed/);
  });
});

describe('CSV statement with a mapping', () => {
  it('reads debit/credit columns, quoted fields, CRLF and Cyrillic headers', () => {
    const r = parseBankStatement(fixture('statement.csv'), {
      fileName: 'statement.csv',
      csvMapping: mapping(),
    });
    if (!r.ok) throw new Error(r.error.message);
    const s = r.value;
    expect(s.format).toBe('csv');
    expect(
      s.lines.map((l) => [l.sourceLine, l.direction, l.amount, l.currency, l.bookedOn, l.account]),
    ).toEqual([
      [2, 'in', 450000000n, 'KZT', '2021-02-02', 'KZ716010131000012345'],
      [3, 'out', 116680050n, 'KZT', '2021-02-03', 'KZ716010131000012345'],
      [5, 'in', 1500000n, 'USD', '2021-03-05', 'KZ04601A871000001234'],
    ]);
    expect(s.lines[0]?.counterparty).toEqual({
      name: 'Представительство фонда "Открытое общество"',
      taxId: '990140000116',
      account: 'KZ036010111000067890',
      bankCode: null,
      sectorCode: '18',
      country: null,
    });
    expect(s.lines[0]?.purpose).toBe('Грант G-2021-04; мониторинг выборов');
    expect(s.lines[1]?.purpose).toBe('Оплата печати отчёта,\r\nсчёт № 14');
    expect(s.lines[2]?.bankReference).toBe('HB-0003');
    expect(s.accounts.map((a) => [a.account, a.currency, a.from, a.to])).toEqual([
      ['KZ716010131000012345', 'KZT', '2021-02-02', '2021-02-03'],
      ['KZ04601A871000001234', 'USD', '2021-03-05', '2021-03-05'],
    ]);
  });

  it('reads Windows-1251 bytes, a signed amount, column numbers without a header and fixed currency and account', () => {
    const text = '2021-01-15|-1 200.50|ТОО Ромашка|аренда\r\n2021-01-16|300|Фонд|грант\r\n';
    const m = parseCsvMapping({
      delimiter: '|',
      encoding: 'windows-1251',
      header: false,
      dateFormat: 'YYYY-MM-DD',
      columns: { date: 1, amount: 2, counterpartyName: 3, purpose: 4 },
      currency: 'kzt',
      account: 'KZ01',
    });
    if (!m.ok) throw new Error(m.error.message);
    const r = parseBankStatement(encodeText(text, 'windows-1251'), {
      fileName: 'x.csv',
      csvMapping: m.value,
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.encoding).toBe('windows-1251');
    expect(
      r.value.lines.map((l) => [l.direction, l.amount, l.counterparty.name, l.account, l.currency]),
    ).toEqual([
      ['out', 120050n, 'ТОО Ромашка', 'KZ01', 'KZT'],
      ['in', 30000n, 'Фонд', 'KZ01', 'KZT'],
    ]);
  });

  it.each([
    ['MM/DD/YYYY', '03/15/2021', '2021-03-15'],
    ['DD/MM/YYYY', '15/03/2021', '2021-03-15'],
    ['YYYY-MM-DD', '2021-03-15', '2021-03-15'],
    ['DD.MM.YYYY', '15.03.2021 10:22', '2021-03-15'],
  ])('reads dates in %s', (dateFormat, written, iso) => {
    const m = parseCsvMapping({
      header: false,
      dateFormat,
      columns: { date: 1, amount: 2 },
      currency: 'USD',
      account: 'A',
    });
    if (!m.ok) throw new Error(m.error.message);
    const r = parseBankStatement(utf8(`${written},10.00\n`), { fileName: 'd.csv', csvMapping: m.value });
    expect(r.ok && r.value.lines[0]?.bookedOn).toBe(iso);
  });

  it('keeps UTF-8 letters whose bytes look like spaces when scanned as Latin-1 (Р = D0 A0)', () => {
    const r = parseBankStatement(
      utf8('date,amount,currency,account,counterparty\n2021-01-01,1,KZT,A, ТОО Р \n'),
      { fileName: 'r.csv' },
    );
    expect(r.ok && r.value.lines[0]?.counterparty.name).toBe('ТОО Р');
  });

  it('guesses the mapping from a well-named header when none is given', () => {
    const r = parseBankStatement(
      utf8('date,amount,currency,account,counterparty,purpose\n2021-02-01,-10.5,EUR,DE1,Shop,paper\n'),
      { fileName: 'g.csv' },
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.lines[0]).toMatchObject({
      direction: 'out',
      amount: 1050n,
      currency: 'EUR',
      account: 'DE1',
      purpose: 'paper',
    });
  });
});

describe('the currency is never assumed', () => {
  // The seed that found it: `Валюта платежа` was not recognised and a USD 15,000.00 receipt became KZT.
  const seed = readFileSync(new URL('../fixtures/seeds/bank-currency-header.csv', import.meta.url));
  const noCurrency = utf8('date,amount,account,purpose\n2021-03-01,15000.00,KZ716010131000012345,Grant\n');
  const fail = (r: ReturnType<typeof parseBankStatement>) =>
    r.ok ? null : { code: r.error.code, line: r.error.line, field: r.error.field };

  it('refuses an inferred mapping when a column holds currencies under a header it does not know', () => {
    const r = parseBankStatement(new Uint8Array(seed), { fileName: 'seed.csv' });
    expect(fail(r)).toEqual({ code: 'IMPORT_CSV_MAPPING_REQUIRED', line: 1, field: 'Валюта платежа' });
    if (!r.ok) expect(r.error.message).toContain('Валюта платежа');
  });

  it('finds such a column by its ISO codes too, whatever its header', () => {
    const r = parseBankStatement(utf8('date,amount,ccode,account\n2021-03-01,10.00,EUR,A1\n'), {
      fileName: 'c.csv',
    });
    expect(fail(r)).toEqual({ code: 'IMPORT_CSV_MAPPING_REQUIRED', line: 1, field: 'ccode' });
  });

  it('refuses a file with no currency column unless the statement currency is given', () => {
    expect(fail(parseBankStatement(noCurrency, { fileName: 'n.csv' }))).toEqual({
      code: 'IMPORT_CSV_MAPPING_REQUIRED',
      line: 1,
      field: 'currency',
    });
    const given = parseBankStatement(noCurrency, { fileName: 'n.csv', currency: 'USD' });
    expect(given.ok && given.value.lines.map((l) => [l.currency, l.amount])).toEqual([['USD', 1500000n]]);
  });

  it('reads the seed once the column is mapped', () => {
    const r = parseBankStatement(new Uint8Array(seed), {
      fileName: 'seed.csv',
      csvMapping: mapping({
        delimiter: ',',
        dateFormat: 'YYYY-MM-DD',
        decimalSeparator: '.',
        columns: { date: 'Дата', amount: 'Сумма', currency: 'Валюта платежа', account: 'Счет' },
      }),
    });
    expect(r.ok && r.value.lines.map((l) => [l.currency, l.direction, l.amount])).toEqual([
      ['USD', 'in', 1500000n],
      ['KZT', 'out', 120000n],
    ]);
  });

  it('refuses a fixed-currency mapping when an unmapped column says another currency on a row', () => {
    const m = mapping({
      delimiter: ',',
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
      currency: 'KZT',
      columns: { date: 'Дата', amount: 'Сумма', account: 'Счет' },
    });
    const r = parseBankStatement(new Uint8Array(seed), { fileName: 'seed.csv', csvMapping: m });
    expect(fail(r)).toEqual({ code: 'IMPORT_CSV_MAPPING_REQUIRED', line: 2, field: 'Валюта платежа' });
    const allKzt = parseBankStatement(utf8(seed.toString('utf8').replace('USD', 'KZT')), {
      fileName: 'kzt.csv',
      csvMapping: m,
    });
    expect(allKzt.ok && allKzt.value.lines.length).toBe(2);
  });
});

describe('CSV errors name file, line and column', () => {
  const base = readFileSync(`${FIXTURE_DIR}statement.csv`, 'utf8');
  it.each([
    ['a bad amount', base.replace('1166800,50', '1166800,5x'), 'IMPORT_AMOUNT_INVALID', 3, 'Дебет'],
    ['a bad date', base.replace('05.03.2021', '2021-03-05'), 'IMPORT_DATE_INVALID', 5, 'Дата'],
    ['an unknown currency', base.replace(';USD;', ';XYZ;'), 'IMPORT_CURRENCY_UNKNOWN', 5, 'Валюта'],
    ['a missing header column', base.replace('Референс', 'Ref'), 'IMPORT_COLUMN_MISSING', 1, 'Референс'],
    ['a short row', `${base}06.03.2021;1;\r\n`, 'IMPORT_FIELD_MISSING', 6, 'Кредит'],
    [
      'both debit and credit',
      base.replace(';;4 500 000,00;', ';1,00;4 500 000,00;'),
      'IMPORT_AMOUNT_INVALID',
      2,
      'Кредит',
    ],
    ['a cut-off quoted field', base.slice(0, base.indexOf('счёт № 14')), 'IMPORT_TRUNCATED', 3, undefined],
  ])('%s', (_name, text, code, line, field) => {
    const r = parseBankStatement(utf8(text), { fileName: 'bad.csv', csvMapping: mapping() });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ code, file: 'bad.csv', line });
    expect(r.error.field).toBe(field);
  });
});

describe('parseCsvMapping', () => {
  it.each([
    [{ columns: { date: 'd' }, currency: 'KZT', account: 'A' }, 'columns.amount'],
    [{ columns: { date: 'd', amount: 'a', debit: 'x' }, currency: 'KZT', account: 'A' }, 'columns.amount'],
    [{ columns: { date: 'd', amount: 'a' }, account: 'A' }, 'currency'],
    [{ columns: { date: 'd', amount: 'a' }, currency: 'KZT' }, 'account'],
    [{ columns: { date: 'd', amount: 'a' }, currency: 'QQQ', account: 'A' }, 'currency'],
    [
      { columns: { date: 'd', amount: 'a' }, currency: 'KZT', account: 'A', dateFormat: 'D/M/Y' },
      'dateFormat',
    ],
    [{ columns: { date: 'd', amount: 'a' }, currency: 'KZT', account: 'A', delimiter: ';;' }, 'delimiter'],
    [{ columns: { date: 'd', amount: 'a' }, currency: 'KZT', account: 'A', encoding: 'latin-9' }, 'encoding'],
    [{ columns: { date: 0, amount: 'a' }, currency: 'KZT', account: 'A' }, 'columns.date'],
    [{ columns: { date: 'd', amount: 'a', colour: 'c' }, currency: 'KZT', account: 'A' }, 'columns'],
    [{ header: false, columns: { date: 'd', amount: 2 }, currency: 'KZT', account: 'A' }, 'columns.date'],
  ])('rejects %j naming %s', (json, field) => {
    const r = parseCsvMapping(json, 'mapping.json');
    expect(r.ok ? null : [r.error.code, r.error.field, r.error.file]).toEqual([
      'IMPORT_CSV_MAPPING_INVALID',
      field,
      'mapping.json',
    ]);
  });

  it('fills defaults and accepts delimiter words', () => {
    const r = parseCsvMapping({
      delimiter: 'tab',
      columns: { date: 'Date', amount: 'Amount' },
      currency: 'usd',
      account: 'A',
    });
    expect(r.ok && r.value).toEqual({
      delimiter: '\t',
      encoding: 'utf-8',
      header: true,
      skipRows: 0,
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
      sign: 'in-positive',
      columns: { date: 'Date', amount: 'Amount' },
      currency: 'USD',
      account: 'A',
    });
  });
});
