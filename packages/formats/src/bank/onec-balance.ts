import { minorUnits, type CalendarDate, type CurrencyCode, type StatementAccount } from '@civic/core';
import { checkBalanceIdentity } from './balance-check.ts';
import { readCurrency } from './currency-code.ts';
import { abort } from './import-error.ts';
import { lineOfField, type OnecBlock } from './onec-reader.ts';
import { parseAmount, parseDmy } from './scalar.ts';

/** The header's and balance sections' values: dates, amounts, currency, and one account's balances. */
const BALANCE_NAMES = {
  closing: 'КонечныйОстаток',
  totalIn: 'ВсегоПоступило',
  totalOut: 'ВсегоСписано',
} as const;

export function blockDate(block: OnecBlock, field: string, file: string): CalendarDate | null {
  const v = block.values[field];
  if (v === undefined || v === '') return null;
  const d = parseDmy(v);
  if (d === null)
    abort(
      'IMPORT_DATE_INVALID',
      `${field}: "${v}" is not a date in the form DD.MM.YYYY`,
      file,
      lineOfField(block, field),
      field,
    );
  return d;
}

function blockAmount(block: OnecBlock, field: string, currency: CurrencyCode, file: string): bigint | null {
  const v = block.values[field];
  if (v === undefined || v === '') return null;
  const a = parseAmount(v, currency, minorUnits(currency));
  if (a === null)
    abort(
      'IMPORT_AMOUNT_INVALID',
      `${field}: "${v}" is not an amount in ${currency}`,
      file,
      lineOfField(block, field),
      field,
    );
  return a;
}

export function blockCurrency(block: OnecBlock, file: string): CurrencyCode | null {
  for (const field of ['Валюта', 'КодВалюты']) {
    const v = block.values[field];
    if (v === undefined || v === '') continue;
    const c = readCurrency(v);
    if (c === null)
      abort(
        'IMPORT_CURRENCY_UNKNOWN',
        `${field}: unknown currency "${v}"`,
        file,
        lineOfField(block, field),
        field,
      );
    return c;
  }
  return null;
}

export interface BalanceBlock extends StatementAccount {
  readonly line: number;
  readonly block: OnecBlock;
}

export function readBalance(block: OnecBlock, file: string, fallbackCurrency: CurrencyCode): BalanceBlock {
  const account = block.values['РасчСчет'];
  if (account === undefined || account === '')
    abort('IMPORT_FIELD_MISSING', 'the balance section names no account', file, block.line, 'РасчСчет');
  const currency = blockCurrency(block, file) ?? fallbackCurrency;
  const b: BalanceBlock = {
    line: block.line,
    block,
    account,
    currency,
    from: blockDate(block, 'ДатаНачала', file),
    to: blockDate(block, 'ДатаКонца', file),
    opening: blockAmount(block, 'НачальныйОстаток', currency, file),
    totalIn: blockAmount(block, 'ВсегоПоступило', currency, file),
    totalOut: blockAmount(block, 'ВсегоСписано', currency, file),
    closing: blockAmount(block, 'КонечныйОстаток', currency, file),
  };
  checkBalanceIdentity(b, currency, file, lineOfField(block, 'КонечныйОстаток'), BALANCE_NAMES);
  return b;
}
