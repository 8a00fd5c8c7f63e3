import type { CalendarDate, CurrencyCode } from '@civic/core';
import { amountOf, currencyOf, dateOf, lineAt, type Where } from './camt-fields.ts';
import { child, children, textAt, type XmlNode } from './xml-tree.ts';

export const CAMT_ARRAYS = new Set([
  'Stmt',
  'Rpt',
  'Ntfctn',
  'Bal',
  'Ntry',
  'NtryDtls',
  'TxDtls',
  'Ustrd',
  'Othr',
]);
export const CAMT_NAMES = {
  closing: 'Bal/CLBD',
  totalIn: 'TxsSummry/TtlCdtNtries/Sum',
  totalOut: 'TxsSummry/TtlDbtNtries/Sum',
} as const;

interface Balance {
  readonly code: string;
  readonly amount: bigint;
  readonly line: number;
  readonly date: CalendarDate | null;
}

/**
 * The first balance of these types (`OPBD`, `PRCD`, `CLBD`, `ITBD`, `CLAV`, …) in the account's
 * currency: a report may state balances in other currencies too, and those are not the account's.
 */
export function reportBalance(
  stmt: XmlNode,
  codes: readonly string[],
  where: Where,
  ccy: CurrencyCode,
): Balance | null {
  for (const code of codes) {
    for (const bal of children(stmt, 'Bal')) {
      const type = textAt(bal, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(bal, 'Tp', 'CdOrPrtry', 'Prtry');
      if (type !== code) continue;
      const at = lineAt(bal, where, 1);
      const amt = child(bal, 'Amt');
      const ccyText = textAt(amt, '@_Ccy');
      if (ccyText !== null && currencyOf(ccyText, `Bal/${code}/Amt`, where, at) !== ccy) continue;
      const { amount } = amountOf(amt, `Bal/${code}/Amt`, where, at, ccy);
      return {
        code,
        amount: textAt(bal, 'CdtDbtInd') === 'DBIT' ? -amount : amount,
        line: at,
        date: dateOf(child(bal, 'Dt'), `Bal/${code}/Dt`, where, at),
      };
    }
  }
  return null;
}

/** The stated total of credits or debits, when the report gives one. */
export function statedTotal(
  summary: XmlNode | undefined,
  key: string,
  where: Where,
  at: number,
  ccy: CurrencyCode,
) {
  const sum = child(summary, key)?.['Sum'];
  return textAt(sum) === null ? null : amountOf(sum, `TxsSummry/${key}/Sum`, where, at, ccy).amount;
}
