import {
  formatMinor,
  type CalendarDate,
  type CurrencyCode,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { accountId, amountOf, dateOf, lineAt, type Where } from './camt-fields.ts';
import { abort } from './import-error.ts';
import { child, children, textAt, type XmlNode } from './xml-tree.ts';

/** Name of a party in camt.053.001.02 (`Dbtr/Nm`) or .001.08+ (`Dbtr/Pty/Nm`). */
function partyName(node: XmlNode | undefined): string | null {
  return textAt(node, 'Nm') ?? textAt(node, 'Pty', 'Nm');
}

function partyTaxId(node: XmlNode | undefined): string | null {
  const id = child(node, 'Id') ?? child(node, 'Pty', 'Id');
  return textAt(id, 'OrgId', 'Othr', 'Id') ?? textAt(id, 'PrvtId', 'Othr', 'Id');
}

/** What an entry states for all its transactions. */
interface EntryFacts {
  readonly ntry: XmlNode;
  readonly at: number;
  readonly account: string;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly direction: 'in' | 'out';
  readonly bookedOn: CalendarDate;
  readonly valueDate: CalendarDate | null;
}

/** One line from an entry and (one of) its transaction details. */
function txLine(
  e: EntryFacts,
  tx: XmlNode | undefined,
  part?: { amount: bigint; at: number },
): StatementLine {
  const direction = e.direction;
  const parties = child(tx, 'RltdPties');
  const otherSide = direction === 'in' ? 'Dbtr' : 'Cdtr';
  const other = child(parties, otherSide);
  const agent = child(tx, 'RltdAgts', `${otherSide}Agt`, 'FinInstnId');
  const ustrd = children(tx, 'RmtInf', 'Ustrd')
    .map((u) => textAt(u) ?? '')
    .filter((u) => u !== '');
  const purpose =
    ustrd.length > 0 ? ustrd.join(' ') : (textAt(tx, 'AddtlTxInf') ?? textAt(e.ntry, 'AddtlNtryInf'));
  const raw: Record<string, string> = {};
  const put = (k: string, v: string | null): void => {
    if (v !== null) raw[k] = v;
  };
  put('NtryRef', textAt(e.ntry, 'NtryRef'));
  put('AcctSvcrRef', textAt(e.ntry, 'AcctSvcrRef'));
  put('EndToEndId', textAt(tx, 'Refs', 'EndToEndId'));
  put('TxId', textAt(tx, 'Refs', 'TxId'));
  put('BkTxCd', textAt(e.ntry, 'BkTxCd', 'Prtry', 'Cd') ?? textAt(e.ntry, 'BkTxCd', 'Domn', 'Cd'));
  put('Purp', textAt(tx, 'Purp', 'Cd'));
  const endToEnd = textAt(tx, 'Refs', 'EndToEndId');
  return {
    sourceLine: part?.at ?? e.at,
    account: e.account,
    direction,
    amount: part?.amount ?? e.amount,
    currency: e.currency,
    bookedOn: e.bookedOn,
    documentDate: e.valueDate,
    valueDate: e.valueDate,
    documentNumber:
      (endToEnd === 'NOTPROVIDED' ? null : endToEnd) ??
      textAt(tx, 'Refs', 'TxId') ??
      textAt(e.ntry, 'NtryRef'),
    counterparty: {
      name: partyName(other),
      taxId: partyTaxId(other),
      account: accountId(child(parties, `${otherSide}Acct`)),
      bankCode: textAt(agent, 'BIC') ?? textAt(agent, 'BICFI'),
      sectorCode: null,
      country: textAt(other, 'PstlAdr', 'Ctry') ?? textAt(other, 'Pty', 'PstlAdr', 'Ctry'),
    },
    purpose,
    purposeCode: textAt(tx, 'Purp', 'Cd'),
    bankReference: textAt(e.ntry, 'AcctSvcrRef') ?? textAt(tx, 'Refs', 'AcctSvcrRef'),
    raw,
  };
}

/** A transaction's own amount (`Amt` from .001.04, `AmtDtls/TxAmt/Amt` before), signed in the entry's terms. */
function txAmount(
  tx: XmlNode,
  e: EntryFacts,
  where: Where,
): { amount: bigint; signed: bigint; at: number } | null {
  const node = child(tx, 'Amt') ?? child(tx, 'AmtDtls', 'TxAmt', 'Amt');
  if (node === undefined) return null;
  const at = lineAt(tx, where, e.at);
  const a = amountOf(node, 'TxDtls/Amt', where, at, e.currency);
  if (a.currency !== e.currency) return null;
  const indicator = textAt(tx, 'CdtDbtInd');
  const same = indicator === null || (indicator === 'CRDT') === (e.direction === 'in');
  return { amount: a.amount, signed: same ? a.amount : -a.amount, at };
}

/**
 * The lines of one `Ntry`. A batch entry (`NtryDtls` with several `TxDtls`) is split into its
 * transactions when each states its amount in the entry's currency, in the entry's direction, and
 * they add up to the entry; otherwise it stays one line, with a warning.
 */
export function entryLines(
  ntry: XmlNode,
  account: string,
  accountCcy: CurrencyCode,
  where: Where,
  warn: (w: StatementWarning) => void,
): StatementLine[] {
  const at = lineAt(ntry, where, 1);
  const { amount, currency } = amountOf(child(ntry, 'Amt'), 'Ntry/Amt', where, at, accountCcy);
  const indicator = textAt(ntry, 'CdtDbtInd');
  if (indicator !== 'CRDT' && indicator !== 'DBIT')
    abort(
      'IMPORT_FIELD_MISSING',
      `Ntry/CdtDbtInd must be CRDT or DBIT, not "${indicator ?? ''}"`,
      where.file,
      at,
      'Ntry/CdtDbtInd',
    );
  const booked = dateOf(child(ntry, 'BookgDt'), 'Ntry/BookgDt', where, at);
  const valueDate = dateOf(child(ntry, 'ValDt'), 'Ntry/ValDt', where, at);
  const bookedOn = booked ?? valueDate;
  if (bookedOn === null)
    abort('IMPORT_FIELD_MISSING', 'the entry has neither BookgDt nor ValDt', where.file, at, 'Ntry/BookgDt');
  const e: EntryFacts = {
    ntry,
    at,
    account,
    amount,
    currency,
    direction: indicator === 'CRDT' ? 'in' : 'out',
    bookedOn,
    valueDate,
  };
  const txs = children(ntry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
  if (txs.length <= 1) return [txLine(e, txs[0])];
  const parts = txs.map((tx) => txAmount(tx, e, where));
  const sum = parts.reduce((s, p) => s + (p?.signed ?? 0n), 0n);
  if (parts.every((p) => p !== null && p.signed > 0n) && sum === amount)
    return txs.map((tx, i) => txLine(e, tx, parts[i] ?? undefined));
  warn({
    line: at,
    field: 'Ntry/NtryDtls',
    code: 'IMPORT_WARN_BATCH_KEPT_WHOLE',
    params: { amount: formatMinor(amount, currency), sum: formatMinor(sum, currency), currency },
    message: `the batch entry of ${formatMinor(amount, currency)} ${currency} lists ${String(txs.length)} transactions that do not add up to it (${formatMinor(sum, currency)}): kept as one line`,
  });
  return [{ ...txLine(e, undefined), purpose: textAt(ntry, 'AddtlNtryInf') }];
}
