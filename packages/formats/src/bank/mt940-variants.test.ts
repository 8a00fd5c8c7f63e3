import { readFileSync } from 'node:fs';
import { importWarningMessage } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { parseBankStatement } from './parse-bank-statement.ts';

// Fixtures written from the published layouts: SWIFT MT940/MT942 (Category 9 user handbook),
// the German ZKA/DFÜ `?NN` :86: subfields with SEPA keywords, the Dutch/Belgian `/KEY/` :86:.
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/mt940/${name}`, import.meta.url), 'utf8');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (name: string, text = fixture(name), balances: 'refuse' | 'report' = 'refuse') => {
  const r = parseBankStatement(bytes(text), { fileName: name, balances });
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value;
};
const lineOf = (text: string, needle: string): number =>
  text.split(/\r?\n/).findIndex((l) => l.includes(needle)) + 1;

describe('MT940 variants', () => {
  it('reads SWIFT-wrapped messages, spaces for the entry date, funds codes, RC/RD, no final CRLF', () => {
    const text = fixture('swift-blocks.sta');
    expect(text.endsWith('\n')).toBe(false);
    const s = parse('swift-blocks.sta');
    expect(s.format).toBe('mt940');
    expect(
      s.lines.map((l) => [l.direction, l.amount, l.bookedOn, l.documentNumber, l.bankReference]),
    ).toEqual([
      ['out', 240200n, '2024-02-15', 'INV-2024-118', 'PAY24021500017'],
      ['in', 500000n, '2024-02-15', 'GRANT-7', 'PAY24021500018'],
      ['out', 10000n, '2024-02-15', null, 'REV24021500001'],
      ['in', 4000n, '2024-02-15', null, null],
      ['in', 100000n, '2024-02-15', null, null],
    ]);
    expect(s.lines[0]).toMatchObject({
      purpose: 'Invoice 2024-118 printing of reports',
      counterparty: {
        name: 'Druckerei Muster GmbH',
        account: 'GB29NWBK60161331926819',
        bankCode: 'NWBKGB2L',
      },
    });
    expect(s.lines[1]).toMatchObject({
      purpose: 'Grant 2024-7 first instalment',
      counterparty: { name: 'Open Society Foundations', account: 'NL91ABNA0417164300' },
    });
    expect(s.lines[4]).toMatchObject({
      purpose: 'Membership fee 2024',
      counterparty: { name: 'Fondation Exemple', account: 'BE68539007547034', bankCode: 'GEBABEBB' },
    });
    expect(s.balances?.map((b) => [b.account, b.statement, b.opening, b.closing, b.balanced])).toEqual([
      ['DE89370400440532013000', 'STMT240215-1 00042/001', 1250000n, 1503800n, true],
      ['NL91ABNA0417164300', 'ABN240215 00015/001', -25000n, 75000n, true],
    ]);
  });

  it('balances each :60M:…:62M: page on its own, reads ?NN subfields and 30 February', () => {
    const text = fixture('pages.sta');
    const s = parse('pages.sta');
    expect(s.balances?.map((b) => [b.statement, b.field, b.opening, b.computedClosing, b.closing])).toEqual([
      ['STARTUMS 3/1', '62M', 800000n, 680000n, 680000n],
      ['STARTUMS 3/1 (2)', '62F', 680000n, 680125n, 680125n],
      ['STARTUMS 3/2', '62F', 680125n, 710125n, 710125n],
    ]);
    expect(s.lines[0]).toMatchObject({
      purpose: 'Miete Februar 2024 Buero Almaty',
      counterparty: {
        name: 'Hausverwaltung Beispiel GmbH',
        account: 'DE44500105175407324931',
        bankCode: 'DEUTDEFFXXX',
      },
    });
    expect(s.lines[1]).toMatchObject({
      bookedOn: '2024-02-29',
      documentDate: '2024-02-29',
      purpose: 'Zinsen Februar 2024',
    });
    const feb30 = lineOf(text, ':61:240230');
    expect(s.warnings).toContainEqual(
      expect.objectContaining({
        line: feb30,
        field: '61',
        code: 'IMPORT_WARN_MONTH_END_DATE',
        params: { written: '30.02.2024', read: '2024-02-29' },
      }),
    );
    const w = s.warnings.find((x) => x.code === 'IMPORT_WARN_MONTH_END_DATE');
    if (!w) throw new Error('no month-end warning');
    expect(importWarningMessage('ru', w)).toBe(
      `Строка ${String(feb30)}: банк указал 30.02.2024 как конец месяца; прочитано как 29 февраля 2024 г.`,
    );
    expect(importWarningMessage('kk', w)).toMatch(
      /^\d+-жол: банк ай соңын 30\.02\.2024 деп жазған; 2024 жылғы 29 ақпан ретінде оқылды\.$/,
    );
    expect(s.accounts).toEqual([
      expect.objectContaining({
        account: 'DE54100200301234567890',
        opening: 800000n,
        closing: 710125n,
        from: '2024-02-28',
        to: '2024-03-01',
      }),
    ]);
  });

  it('refuses a page that does not add up, naming its line and the arithmetic; reports it when asked', () => {
    const text = fixture('pages.sta')
      .replace(':62M:C240229EUR6800,00', ':62M:C240229EUR6900,00')
      .replace(':60M:C240229EUR6800,00', ':60M:C240229EUR6900,00')
      .replace(':62F:C240229EUR6801,25', ':62F:C240229EUR6901,25')
      .replace(':60F:C240301EUR6801,25', ':60F:C240301EUR6901,25')
      .replace(':62F:C240301EUR7101,25', ':62F:C240301EUR7201,25');
    const r = parseBankStatement(bytes(text), { fileName: 'pages.sta' });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'IMPORT_BALANCE_MISMATCH',
      line: lineOf(text, ':62M:'),
      field: '62M',
      message:
        'statement STARTUMS 3/1, account DE54100200301234567890: opening 8000.00 + in 0.00 − out 1200.00 = 6800.00, but the closing balance is 6900.00',
    });
    const s = parse('pages.sta', text, 'report');
    expect(s.lines).toHaveLength(3);
    expect(s.balances?.map((b) => b.balanced)).toEqual([false, true, true]);
    expect(s.balances?.[0]).toMatchObject({
      computedClosing: 680000n,
      closing: 690000n,
      line: lineOf(text, ':62M:'),
    });
  });

  it('reads an MT942 interim report: :34F: currency, :90D:/:90C: totals checked, no closing balance', () => {
    const s = parse('mt942.sta');
    expect(s.lines.map((l) => [l.direction, l.amount, l.currency, l.counterparty.name])).toEqual([
      ['in', 150000000n, 'KZT', 'European Endowment for Democracy'],
      ['out', 885n, 'KZT', null],
    ]);
    expect(s.lines[1]?.purpose).toBe('Комиссия банка за перевод');
    expect(s.warnings).toContainEqual(
      expect.objectContaining({ line: 1, code: 'IMPORT_WARN_INTERIM_REPORT' }),
    );
    expect(s.balances).toEqual([
      expect.objectContaining({ opening: null, closing: null, computedClosing: null, balanced: true }),
    ]);
    expect(s.accounts).toEqual([
      expect.objectContaining({
        account: 'KZ52601A871000009876',
        closing: null,
        from: '2024-02-15',
        to: '2024-02-15',
      }),
    ]);
    const wrong = fixture('mt942.sta').replace(':90C:1KZT1500000,00', ':90C:1KZT1500001,00');
    const r = parseBankStatement(bytes(wrong), { fileName: 'mt942.sta' });
    expect(r.ok ? null : r.error).toMatchObject({ code: 'IMPORT_BALANCE_MISMATCH', field: '90C' });
  });

  it('accepts withdrawn ISO 4217 codes with a warning and refuses made-up ones', () => {
    const text = fixture('legacy.sta');
    const s = parse('legacy.sta');
    expect(s.lines.map((l) => [l.currency, l.amount])).toEqual([
      ['DEM', 25050n],
      ['RUB', 150000n],
    ]);
    expect(s.lines[1]).toMatchObject({
      purpose: 'Oplata po dogovoru 12',
      counterparty: { name: 'OOO Primer' },
    });
    expect(
      s.warnings.filter((w) => w.code === 'IMPORT_WARN_HISTORIC_CURRENCY').map((w) => [w.line, w.params]),
    ).toEqual([
      [lineOf(text, ':60F:C990104DEM'), { code: 'DEM', read: 'DEM' }],
      [lineOf(text, ':62F:C990105DEM'), { code: 'DEM', read: 'DEM' }],
      [lineOf(text, ':60F:C990104RUR'), { code: 'RUR', read: 'RUB' }],
      [lineOf(text, ':62F:C990105RUR'), { code: 'RUR', read: 'RUB' }],
    ]);
    const made = parseBankStatement(bytes(text.replace(/DEM/g, 'DMX')), { fileName: 'legacy.sta' });
    expect(made.ok ? null : made.error).toMatchObject({
      code: 'IMPORT_CURRENCY_UNKNOWN',
      line: 4,
      field: '60F',
    });
  });

  it.each([
    ['31 April', ':61:990105D', ':61:990431D'],
    ['32 February', ':61:990105D', ':61:990232D'],
    ['an entry date of 31 April', ':61:2402290229D', ':61:2402290431D'],
  ])('refuses an impossible day other than the month-end convention: %s', (_name, from, to) => {
    const source = _name.startsWith('an entry') ? fixture('pages.sta') : fixture('legacy.sta');
    const text = source.replace(from, to);
    const r = parseBankStatement(bytes(text), { fileName: 'bad.sta' });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'IMPORT_DATE_INVALID',
      line: lineOf(text, to),
      field: '61',
    });
  });
});
