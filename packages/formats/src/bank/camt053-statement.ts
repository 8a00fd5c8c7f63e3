import {
  minorUnits,
  ok,
  type CalendarDate,
  type CurrencyCode,
  type ParsedStatement,
  type Result,
  type StatementAccount,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { checkBalanceIdentity, checkTotals, mergeAccountPeriods, sumLines } from './balance-check.ts';
import { readCurrency } from './currency-code.ts';
import { abort, catchAbort } from './import-error.ts';
import { parseAmount, parseDateLayout } from './scalar.ts';
import { StatementPages } from './statement-pages.ts';
import { decodeText } from './text-decode.ts';
import { child, children, lineOf, lineStartsOf, parseXml, textAt, type XmlNode } from './xml-tree.ts';

const ARRAYS = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Othr']);
const NAMES = {
  closing: 'Bal/CLBD',
  totalIn: 'TxsSummry/TtlCdtNtries/Sum',
  totalOut: 'TxsSummry/TtlDbtNtries/Sum',
} as const;

interface Where {
  readonly file: string;
  readonly starts: readonly number[];
}

function line(node: XmlNode | undefined, where: Where, fallback: number): number {
  return lineOf(node, where.starts) ?? fallback;
}

function currencyOf(text: string | null, field: string, where: Where, at: number): CurrencyCode {
  if (text === null) abort('IMPORT_FIELD_MISSING', `${field} has no Ccy attribute`, where.file, at, field);
  const c = readCurrency(text);
  if (c === null)
    abort('IMPORT_CURRENCY_UNKNOWN', `${field}: unknown currency "${text}"`, where.file, at, field);
  return c;
}

function amountOf(
  node: unknown,
  field: string,
  where: Where,
  at: number,
  fallbackCcy?: CurrencyCode,
): { amount: bigint; currency: CurrencyCode } {
  const text = textAt(node);
  if (text === null) abort('IMPORT_FIELD_MISSING', `${field} is missing`, where.file, at, field);
  const ccyText = textAt(node, '@_Ccy');
  const currency =
    ccyText === null && fallbackCcy !== undefined ? fallbackCcy : currencyOf(ccyText, field, where, at);
  const amount = parseAmount(text, currency, minorUnits(currency), '.', true);
  if (amount === null || amount < 0n)
    abort(
      'IMPORT_AMOUNT_INVALID',
      `${field}: "${text}" is not an amount in ${currency}`,
      where.file,
      at,
      field,
    );
  return { amount, currency };
}

/** A date element holding `Dt` (YYYY-MM-DD) or `DtTm` (ISO date-time; the date part is taken). */
function dateOf(node: XmlNode | undefined, field: string, where: Where, at: number): CalendarDate | null {
  const text = textAt(node, 'Dt') ?? textAt(node, 'DtTm');
  if (text === null) return null;
  const d = parseDateLayout(text, 'YYYY-MM-DD');
  if (d === null)
    abort('IMPORT_DATE_INVALID', `${field}: "${text}" is not an ISO date`, where.file, at, field);
  return d;
}

function accountId(node: unknown): string | null {
  return textAt(node, 'Id', 'IBAN') ?? textAt(node, 'Id', 'Othr', 'Id');
}

/** Name of a party in camt.053.001.02 (`Dbtr/Nm`) or .001.08+ (`Dbtr/Pty/Nm`). */
function partyName(node: XmlNode | undefined): string | null {
  return textAt(node, 'Nm') ?? textAt(node, 'Pty', 'Nm');
}

function partyTaxId(node: XmlNode | undefined): string | null {
  const id = child(node, 'Id') ?? child(node, 'Pty', 'Id');
  return textAt(id, 'OrgId', 'Othr', 'Id') ?? textAt(id, 'PrvtId', 'Othr', 'Id');
}

function entryLine(ntry: XmlNode, account: string, accountCcy: CurrencyCode, where: Where): StatementLine {
  const at = line(ntry, where, 1);
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
  const direction = indicator === 'CRDT' ? 'in' : 'out';
  const booked = dateOf(child(ntry, 'BookgDt'), 'Ntry/BookgDt', where, at);
  const value = dateOf(child(ntry, 'ValDt'), 'Ntry/ValDt', where, at);
  const bookedOn = booked ?? value;
  if (bookedOn === null)
    abort('IMPORT_FIELD_MISSING', 'the entry has neither BookgDt nor ValDt', where.file, at, 'Ntry/BookgDt');
  const tx = child(ntry, 'NtryDtls', 'TxDtls');
  const parties = child(tx, 'RltdPties');
  const otherSide = direction === 'in' ? 'Dbtr' : 'Cdtr';
  const other = child(parties, otherSide);
  const agent = child(tx, 'RltdAgts', `${otherSide}Agt`, 'FinInstnId');
  const ustrd = children(tx, 'RmtInf', 'Ustrd')
    .map((u) => textAt(u) ?? '')
    .filter((u) => u !== '');
  const purpose =
    ustrd.length > 0 ? ustrd.join(' ') : (textAt(tx, 'AddtlTxInf') ?? textAt(ntry, 'AddtlNtryInf'));
  const raw: Record<string, string> = {};
  const put = (k: string, v: string | null): void => {
    if (v !== null) raw[k] = v;
  };
  put('NtryRef', textAt(ntry, 'NtryRef'));
  put('AcctSvcrRef', textAt(ntry, 'AcctSvcrRef'));
  put('EndToEndId', textAt(tx, 'Refs', 'EndToEndId'));
  put('BkTxCd', textAt(ntry, 'BkTxCd', 'Prtry', 'Cd') ?? textAt(ntry, 'BkTxCd', 'Domn', 'Cd'));
  put('Purp', textAt(tx, 'Purp', 'Cd'));
  return {
    sourceLine: at,
    account,
    direction,
    amount,
    currency,
    bookedOn,
    documentDate: value,
    documentNumber: textAt(tx, 'Refs', 'EndToEndId') ?? textAt(ntry, 'NtryRef'),
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
    bankReference: textAt(ntry, 'AcctSvcrRef') ?? textAt(tx, 'Refs', 'AcctSvcrRef'),
    raw,
  };
}

function balance(
  stmt: XmlNode,
  codes: readonly string[],
  where: Where,
  ccy: CurrencyCode,
): { amount: bigint; line: number; date: CalendarDate | null } | null {
  for (const code of codes) {
    const bal = children(stmt, 'Bal').find(
      (b) => (textAt(b, 'Tp', 'CdOrPrtry', 'Cd') ?? textAt(b, 'Tp', 'CdOrPrtry', 'Prtry')) === code,
    );
    if (!bal) continue;
    const at = line(bal, where, 1);
    const { amount } = amountOf(child(bal, 'Amt'), `Bal/${code}/Amt`, where, at, ccy);
    return {
      amount: textAt(bal, 'CdtDbtInd') === 'DBIT' ? -amount : amount,
      line: at,
      date: dateOf(child(bal, 'Dt'), `Bal/${code}/Dt`, where, at),
    };
  }
  return null;
}

/** Parses an ISO 20022 camt.053 bank-to-customer statement (any version; several `Stmt` per file). */
export function parseCamt053Statement(bytes: Uint8Array, fileName: string): Result<ParsedStatement> {
  return catchAbort(() => {
    const text = decodeText(bytes, 'utf-8');
    const where: Where = { file: fileName, starts: lineStartsOf(text) };
    const doc = parseXml(text, fileName, ARRAYS);
    const root = child(doc, 'Document', 'BkToCstmrStmt');
    if (root === undefined)
      abort(
        'IMPORT_FIELD_MISSING',
        'not a camt.053 document: no Document/BkToCstmrStmt',
        fileName,
        1,
        'BkToCstmrStmt',
      );
    const stmts = children(root, 'Stmt');
    if (stmts.length === 0)
      abort('IMPORT_FIELD_MISSING', 'the document holds no Stmt', fileName, line(root, where, 1), 'Stmt');
    const periods: StatementAccount[] = [];
    const lines: StatementLine[] = [];
    const warnings: StatementWarning[] = [];
    const pages = new StatementPages(fileName);
    let duplicateLines = 0;
    for (const stmt of stmts) {
      const at = line(stmt, where, 1);
      const acct = child(stmt, 'Acct');
      const account = accountId(acct);
      if (account === null)
        abort(
          'IMPORT_FIELD_MISSING',
          'the statement names no account (Acct/Id/IBAN or Acct/Id/Othr/Id)',
          fileName,
          line(acct, where, at),
          'Stmt/Acct/Id',
        );
      const ccyText = textAt(acct, 'Ccy') ?? textAt(children(stmt, 'Bal')[0], 'Amt', '@_Ccy');
      const currency = currencyOf(ccyText, 'Stmt/Acct/Ccy', where, at);
      const own: StatementLine[] = [];
      for (const ntry of children(stmt, 'Ntry')) {
        const status = textAt(ntry, 'Sts') ?? textAt(ntry, 'Sts', 'Cd');
        if (status !== null && status !== 'BOOK') {
          warnings.push({
            line: line(ntry, where, at),
            field: 'Ntry/Sts',
            message: `entry with status ${status} is not booked and was left out`,
          });
          continue;
        }
        own.push(entryLine(ntry, account, currency, where));
      }
      const opening = balance(stmt, ['OPBD', 'PRCD', 'OPAV'], where, currency);
      const closing = balance(stmt, ['CLBD', 'CLAV'], where, currency);
      const sums = sumLines(own, account);
      const summary = child(stmt, 'TxsSummry');
      const statedIn = textAt(summary, 'TtlCdtNtries', 'Sum');
      const statedOut = textAt(summary, 'TtlDbtNtries', 'Sum');
      const period: StatementAccount = {
        account,
        currency,
        from: parseDateLayout(textAt(stmt, 'FrToDt', 'FrDtTm') ?? '', 'YYYY-MM-DD') ?? opening?.date ?? null,
        to: parseDateLayout(textAt(stmt, 'FrToDt', 'ToDtTm') ?? '', 'YYYY-MM-DD') ?? closing?.date ?? null,
        opening: opening?.amount ?? null,
        totalIn:
          statedIn === null
            ? sums.totalIn
            : amountOf(
                child(summary, 'TtlCdtNtries')?.['Sum'],
                NAMES.totalIn,
                where,
                line(summary, where, at),
                currency,
              ).amount,
        totalOut:
          statedOut === null
            ? sums.totalOut
            : amountOf(
                child(summary, 'TtlDbtNtries')?.['Sum'],
                NAMES.totalOut,
                where,
                line(summary, where, at),
                currency,
              ).amount,
        closing: closing?.amount ?? null,
      };
      const summaryLine = line(summary, where, at);
      checkTotals(period, own, fileName, { lineIn: summaryLine, lineOut: summaryLine }, NAMES);
      checkBalanceIdentity(period, currency, fileName, closing?.line ?? at, NAMES);
      const identity = [textAt(stmt, 'Id'), textAt(stmt, 'ElctrncSeqNb'), account, period.from, period.to];
      const repeat = pages.check(identity, period, own, { line: at, field: 'Stmt/Id' });
      if (repeat !== null) {
        duplicateLines += own.length;
        warnings.push({
          line: at,
          field: 'Stmt/Id',
          message: `statement ${identity[0] ?? ''} repeats the one at line ${String(repeat)}: its ${String(own.length)} entries are counted as duplicates`,
        });
        continue;
      }
      periods.push(period);
      for (const l of own) lines.push(l);
    }
    return ok({
      format: 'camt053',
      file: fileName,
      encoding: 'utf-8',
      accounts: mergeAccountPeriods(periods),
      lines,
      warnings,
      duplicateLines,
    } satisfies ParsedStatement);
  });
}
