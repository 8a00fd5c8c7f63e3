import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR } from './fixtures/write-fixtures.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

const SOURCE = readFileSync(`${FIXTURE_DIR}camt053.xml`, 'utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const lineOf = (needle: string): number => SOURCE.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('CAMT.053', () => {
  it('reads a Stmt repeated in the file once, counting its entries as duplicates', () => {
    const first = SOURCE.slice(SOURCE.indexOf('<Stmt>'), SOURCE.indexOf('</Stmt>') + '</Stmt>'.length);
    const twice = SOURCE.replace('</BkToCstmrStmt>', `${first}\n</BkToCstmrStmt>`);
    const once = parseBankStatement(utf8(SOURCE), { fileName: 'once.xml' });
    const r = parseBankStatement(utf8(twice), { fileName: 'twice.xml' });
    if (!r.ok || !once.ok) throw new Error('not read');
    expect(r.value.lines).toEqual(once.value.lines);
    expect(r.value.duplicateLines).toBe(
      once.value.lines.filter((l) => l.account === once.value.lines[0]?.account).length,
    );
    expect(r.value.warnings.find((w) => w.field === 'Stmt/Id')).toMatchObject({
      field: 'Stmt/Id',
      message: expect.stringContaining('repeats'),
    });
  });

  it('reads every Stmt with its account, balances and booked entries', () => {
    const r = parseBankStatement(utf8(SOURCE), { fileName: 'camt053.xml' });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
    const s = r.value;
    expect(s.format).toBe('camt053');
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
        totalOut: 0n,
        closing: 9950000n,
      },
    ]);
    expect(
      s.lines.map((l) => [l.sourceLine, l.account, l.direction, l.amount, l.currency, l.bookedOn]),
    ).toEqual([
      [lineOf('<NtryRef>1</NtryRef>') - 1, 'KZ04601A871000001234', 'in', 2500000n, 'USD', '2021-02-02'],
      [lineOf('<Amt Ccy="USD">249.25</Amt>') - 1, 'KZ04601A871000001234', 'out', 24925n, 'USD', '2021-02-04'],
      [
        lineOf('<Amt Ccy="KZT">100000.00</Amt>') - 1,
        'KZ716010131000012345',
        'in',
        10000000n,
        'KZT',
        '2021-02-03',
      ],
    ]);
    const [grant, zoom, person] = s.lines;
    expect(grant?.counterparty).toEqual({
      name: 'National Endowment for Democracy',
      taxId: null,
      account: '000123456789',
      bankCode: 'CITIUS33',
      sectorCode: null,
      country: 'US',
    });
    expect(grant?.purpose).toBe('Grant 2021-117, first instalment; civic education & monitoring');
    expect(grant?.bankReference).toBe('HB21020200017');
    expect(grant?.documentNumber).toBe('NED-2021-117-01');
    expect(zoom?.counterparty.account).toBe('GB33BUKB20201555555555');
    expect(person?.counterparty.name).toBe('Физическое лицо Иванов И.');
    expect(s.warnings).toEqual([
      {
        line: lineOf('<Amt Ccy="USD">10.00</Amt>') - 1,
        field: 'Ntry/Sts',
        code: 'IMPORT_WARN_ENTRY_NOT_BOOKED',
        params: { status: 'PDNG' },
        message: expect.stringContaining('PDNG'),
      },
    ]);
  });

  it.each([
    [
      'a wrong closing balance',
      SOURCE.replace('25950.75', '25950.76'),
      'IMPORT_BALANCE_MISMATCH',
      lineOf('<Cd>CLBD</Cd>') - 1,
      'Bal/CLBD',
    ],
    [
      'totals the entries do not make',
      SOURCE.replace('<Sum>249.25</Sum>', '<Sum>249.24</Sum>'),
      'IMPORT_BALANCE_MISMATCH',
      lineOf('<TxsSummry>'),
      'TxsSummry/TtlDbtNtries/Sum',
    ],
    [
      'a bad amount',
      SOURCE.replace('<Amt Ccy="USD">249.25</Amt>', '<Amt Ccy="USD">249,25</Amt>'),
      'IMPORT_AMOUNT_INVALID',
      lineOf('<Amt Ccy="USD">249.25</Amt>') - 1,
      'Ntry/Amt',
    ],
    [
      'a bad date',
      SOURCE.replace('<BookgDt><Dt>2021-02-04</Dt></BookgDt>', '<BookgDt><Dt>2021-02-30</Dt></BookgDt>'),
      'IMPORT_DATE_INVALID',
      lineOf('<Amt Ccy="USD">249.25</Amt>') - 1,
      'Ntry/BookgDt',
    ],
    [
      'an unknown currency',
      SOURCE.replace('<Amt Ccy="USD">249.25</Amt>', '<Amt Ccy="XXQ">249.25</Amt>'),
      'IMPORT_CURRENCY_UNKNOWN',
      lineOf('<Amt Ccy="USD">249.25</Amt>') - 1,
      'Ntry/Amt',
    ],
    [
      'truncated XML',
      SOURCE.slice(0, SOURCE.indexOf('<Ntry>', SOURCE.indexOf('<Ntry>') + 10)),
      'IMPORT_XML_INVALID',
      undefined,
      undefined,
    ],
  ])('%s', (_name, text, code, line, field) => {
    const r = parseBankStatement(utf8(text), { fileName: 'bad.xml' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe(code);
    expect(r.error.file).toBe('bad.xml');
    if (line !== undefined) expect(r.error.line).toBe(line);
    else expect(r.error.line).toBeGreaterThan(0);
    expect(r.error.field).toBe(field);
  });
});
