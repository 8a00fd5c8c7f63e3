import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectBankFormat } from './bank-format.ts';
import { parseBankStatement } from './parse-bank-statement.ts';

// Fixtures written from the ISO 20022 message definitions (camt.052/053/054 .001.08, whose element
// names later versions keep): a statement with a batch entry and balances in two currencies, an
// intraday report, a notification.
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/camt/${name}`, import.meta.url), 'utf8');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (name: string, text = fixture(name), balances: 'refuse' | 'report' = 'refuse') => {
  const r = parseBankStatement(bytes(text), { fileName: name, balances });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value;
};
const fail = (text: string) => {
  const r = parseBankStatement(bytes(text), { fileName: 'bad.xml' });
  return r.ok ? null : r.error;
};
const lineOf = (text: string, needle: string): number =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;
const STMT = fixture('camt053.001.08.xml');
const version = (v: string): string => STMT.replace('camt.053.001.08', `camt.053.001.${v}`);

describe('CAMT variants', () => {
  it.each(['02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13'])(
    'reads camt.053.001.%s, detected by its namespace',
    (v) => {
      expect(detectBankFormat(bytes(version(v)), 'statement.xml')).toBe('camt053');
      const s = parse(`camt053.001.${v}.xml`, version(v));
      expect(s.format).toBe('camt053');
      expect(s.lines).toHaveLength(3);
    },
  );

  it('refuses a version or a camt message it does not read', () => {
    expect(fail(version('14'))).toMatchObject({ code: 'IMPORT_FORMAT_UNKNOWN', line: 1, field: 'Document' });
    expect(fail(version('01'))).toMatchObject({ code: 'IMPORT_FORMAT_UNKNOWN' });
    expect(fail(STMT.replace('camt.053.001.08', 'camt.056.001.08'))).toMatchObject({
      code: 'IMPORT_FORMAT_UNKNOWN',
    });
  });

  it("checks OPBD and CLBD in the account's currency only, and splits a batch entry that adds up", () => {
    const s = parse('camt053.001.08.xml');
    expect(s.accounts).toEqual([
      expect.objectContaining({
        account: 'KZ84722C000012345678',
        currency: 'EUR',
        opening: 100000n,
        closing: 570000n,
      }),
    ]);
    expect(s.balances).toEqual([
      expect.objectContaining({
        field: 'Bal/CLBD',
        opening: 100000n,
        computedClosing: 570000n,
        closing: 570000n,
        balanced: true,
      }),
    ]);
    expect(
      s.lines.map((l) => [
        l.sourceLine,
        l.direction,
        l.amount,
        l.documentNumber,
        l.counterparty.name,
        l.bookedOn,
        l.valueDate,
      ]),
    ).toEqual([
      [
        lineOf(STMT, '<NtryRef>1<') - 1,
        'in',
        600000n,
        'EED-2024-03-T1',
        'European Endowment for Democracy',
        '2024-03-05',
        '2024-03-04',
      ],
      [
        lineOf(STMT, 'SAL-2024-03-01') - 1,
        'out',
        80000n,
        'SAL-2024-03-01',
        'Aigerim Seitkali',
        '2024-03-25',
        '2024-03-25',
      ],
      [
        lineOf(STMT, 'SAL-2024-03-02') - 1,
        'out',
        50000n,
        'SAL-2024-03-02',
        'Daniyar Omarov',
        '2024-03-25',
        '2024-03-25',
      ],
    ]);
    expect(s.lines[1]?.counterparty.account).toBe('DE89370400440532013000');
  });

  it('keeps a batch whose transactions do not add up as one line, with a warning', () => {
    const text = STMT.replace('<Amt Ccy="EUR">500.000</Amt>', '<Amt Ccy="EUR">400.00</Amt>');
    const s = parse('batch.xml', text);
    expect(s.lines.map((l) => [l.amount, l.purpose])).toEqual([
      [600000n, 'Grant EED-2024-03, first tranche'],
      [130000n, 'Salaries March 2024 (batch of 2)'],
    ]);
    expect(s.warnings).toContainEqual(
      expect.objectContaining({
        code: 'IMPORT_WARN_BATCH_KEPT_WHOLE',
        line: lineOf(text, '<NtryRef>2<') - 1,
        params: { amount: '1300.00', sum: '1200.00', currency: 'EUR' },
      }),
    );
  });

  it('accepts extra decimals that are zeros and refuses others, naming line and field', () => {
    const text = STMT.replace('<Amt Ccy="EUR">500.000</Amt>', '<Amt Ccy="EUR">500.001</Amt>');
    expect(fail(text)).toMatchObject({
      code: 'IMPORT_AMOUNT_INVALID',
      line: lineOf(text, 'SAL-2024-03-02') - 1,
      field: 'TxDtls/Amt',
      message: expect.stringContaining('more decimals than EUR allows'),
    });
    const opening = STMT.replace('1000.00000', '1000.00001');
    expect(fail(opening)).toMatchObject({ code: 'IMPORT_AMOUNT_INVALID', field: 'Bal/OPBD/Amt' });
  });

  it('refuses a CLBD the entries do not make, and reports it when asked', () => {
    const text = STMT.replace('<Amt Ccy="EUR">5700.00</Amt>', '<Amt Ccy="EUR">5700.01</Amt>');
    expect(fail(text)).toMatchObject({ code: 'IMPORT_BALANCE_MISMATCH', field: 'Bal/CLBD' });
    const s = parse('wrong.xml', text, 'report');
    expect(s.lines).toHaveLength(3);
    expect(s.balances).toEqual([
      expect.objectContaining({ computedClosing: 570000n, closing: 570001n, balanced: false }),
    ]);
  });

  it('reads a camt.052 intraday report: PRCD to ITBD, entries not booked left out', () => {
    const text = fixture('camt052.001.08.xml');
    expect(detectBankFormat(bytes(text), 'report.xml')).toBe('camt053');
    const s = parse('camt052.001.08.xml');
    expect(s.format).toBe('camt052');
    expect(s.lines.map((l) => [l.direction, l.amount])).toEqual([['in', 600000n]]);
    expect(s.balances).toEqual([
      expect.objectContaining({ field: 'Bal/ITBD', opening: 100000n, closing: 700000n, balanced: true }),
    ]);
    expect(s.warnings).toContainEqual(
      expect.objectContaining({ field: 'Ntry/Sts', line: lineOf(text, 'PDNG') - 3 }),
    );
  });

  it('reads a camt.054 notification: its entries, no balances to check', () => {
    const s = parse('camt054.001.08.xml');
    expect(s.format).toBe('camt054');
    expect(s.lines.map((l) => [l.direction, l.amount, l.counterparty.name])).toEqual([
      ['in', 600000n, 'European Endowment for Democracy'],
    ]);
    expect(s.warnings).toEqual([]);
    expect(s.balances).toEqual([expect.objectContaining({ opening: null, closing: null, balanced: true })]);
  });
});
