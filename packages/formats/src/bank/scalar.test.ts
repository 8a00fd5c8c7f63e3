import { currency } from '@civic/core';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseDateLayout, type DateLayout } from './scalar.ts';

describe('parseDateLayout', () => {
  it.each<[string, DateLayout, string | null]>([
    ['05.03.2021', 'DD.MM.YYYY', '2021-03-05'],
    ['5.3.2021', 'DD.MM.YYYY', '2021-03-05'],
    ['05.03.2021 11:42:10', 'DD.MM.YYYY', '2021-03-05'],
    ['29.02.2021', 'DD.MM.YYYY', null],
    ['29.02.2020', 'DD.MM.YYYY', '2020-02-29'],
    ['2021-03-05', 'DD.MM.YYYY', null],
    ['05.3.21', 'DD.MM.YYYY', null],
    ['03/15/2021', 'MM/DD/YYYY', '2021-03-15'],
    ['15/03/2021', 'MM/DD/YYYY', null],
    ['15/03/2021', 'DD/MM/YYYY', '2021-03-15'],
    ['15-03-2021', 'DD-MM-YYYY', '2021-03-15'],
    ['2021-03-15T10:00:00+06:00', 'YYYY-MM-DD', '2021-03-15'],
    ['2021-3-15', 'YYYY-MM-DD', null],
    ['20210315', 'YYYYMMDD', '2021-03-15'],
    ['210315', 'YYMMDD', '2021-03-15'],
    ['991231', 'YYMMDD', '1999-12-31'],
    ['', 'DD.MM.YYYY', null],
  ])('%s as %s → %s', (text, layout, expected) => {
    expect(parseDateLayout(text, layout)).toBe(expected);
  });
});

describe('parseAmount', () => {
  const KZT = currency('KZT');
  const JPY = currency('JPY');
  const KWD = currency('KWD');
  it.each<[string, '.' | ',' | 'auto', boolean, bigint | null]>([
    ['1166800.50', 'auto', false, 116680050n],
    ['1166800,5', 'auto', false, 116680050n],
    ['1 166 800,50', ',', false, 116680050n],
    ['1,166,800.50', '.', false, 116680050n],
    ['1,166,800.50', '.', true, null],
    ['-10', '.', false, -1000n],
    ['+10.00', '.', false, 1000n],
    ['0.005', '.', false, null],
    ['10.500', '.', false, 1050n],
    ['.5', '.', false, 50n],
    ['', 'auto', false, null],
    ['-', 'auto', false, null],
    ['12a', 'auto', false, null],
    ['1.2.3', 'auto', false, null],
    ['123456789012345678.99', '.', false, 12345678901234567899n],
  ])('%s (separator %s, strict %s) → %s minor units of KZT', (text, sep, strict, expected) => {
    expect(parseAmount(text, KZT, 2, sep, strict)).toBe(expected);
  });

  it('uses the currency’s own minor units', () => {
    expect(parseAmount('1500', JPY, 0)).toBe(1500n);
    expect(parseAmount('1500.5', JPY, 0)).toBe(null);
    expect(parseAmount('1.234', KWD, 3)).toBe(1234n);
  });
});
