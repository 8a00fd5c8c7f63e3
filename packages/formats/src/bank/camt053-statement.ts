import {
  ok,
  type CalendarDate,
  type CurrencyCode,
  type ParsedStatement,
  type Result,
  type StatementAccount,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import {
  checkBalanceIdentity,
  checkTotals,
  mergeAccountPeriods,
  refusesMismatches,
  sumLines,
} from './balance-check.ts';
import { camtMessage, type CamtMessage } from './camt-message.ts';
import { accountId, amountOf, currencyOf, dateOf, lineAt, type Where } from './camt-fields.ts';
import { entryLines } from './camt-entry.ts';
import { abort, catchAbort } from './import-error.ts';
import { parseDateLayout } from './scalar.ts';
import { StatementPages } from './statement-pages.ts';
import { decodeText } from './text-decode.ts';
import { child, children, lineStartsOf, parseXml, textAt, type XmlNode } from './xml-tree.ts';

const ARRAYS = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Othr']);
const NAMES = {
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
function balance(stmt: XmlNode, codes: readonly string[], where: Where, ccy: CurrencyCode): Balance | null {
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
function statedTotal(summary: XmlNode | undefined, key: string, where: Where, at: number, ccy: CurrencyCode) {
  const sum = child(summary, key)?.['Sum'];
  return textAt(sum) === null ? null : amountOf(sum, `TxsSummry/${key}/Sum`, where, at, ccy).amount;
}

/**
 * Parses ISO 20022 cash-management reports: camt.053 statements (`Stmt`, versions .001.02 to
 * .001.13), camt.052 intraday account reports (`Rpt`) and camt.054 debit/credit notifications
 * (`Ntfctn`), several per file. Each statement's opening (OPBD, else PRCD) and closing booked
 * (CLBD; a camt.052 without one: ITBD) balances in the account's currency are checked against
 * its entries; a notification states no balances.
 */
export function parseCamt053Statement(bytes: Uint8Array, fileName: string): Result<ParsedStatement> {
  return catchAbort(() => {
    const text = decodeText(bytes, 'utf-8');
    const message = camtMessage(text, fileName);
    const where: Where = { file: fileName, starts: lineStartsOf(text) };
    const doc = parseXml(text, fileName, ARRAYS);
    const root = child(doc, 'Document', message.root);
    if (root === undefined)
      abort(
        'IMPORT_FIELD_MISSING',
        `not a ${message.type} document: no Document/${message.root}`,
        fileName,
        1,
        message.root,
      );
    const stmts = children(root, message.report);
    if (stmts.length === 0)
      abort(
        'IMPORT_FIELD_MISSING',
        `the document holds no ${message.report}`,
        fileName,
        lineAt(root, where, 1),
        message.report,
      );
    const periods: StatementAccount[] = [];
    const lines: StatementLine[] = [];
    const warnings: StatementWarning[] = [];
    const pages = new StatementPages(fileName);
    let duplicateLines = 0;
    for (const stmt of stmts) {
      const read = readReport(stmt, message, where, warnings);
      const identity = [
        textAt(stmt, 'Id'),
        textAt(stmt, 'ElctrncSeqNb'),
        read.period.account,
        read.period.from,
        read.period.to,
      ];
      const repeat = pages.check(identity, read.period, read.lines, {
        line: read.at,
        field: `${message.report}/Id`,
      });
      if (repeat !== null) {
        duplicateLines += read.lines.length;
        warnings.push({
          line: read.at,
          field: `${message.report}/Id`,
          code: 'IMPORT_WARN_STATEMENT_REPEATED',
          params: { statement: identity[0] ?? '', first: String(repeat), lines: String(read.lines.length) },
          message: `statement ${identity[0] ?? ''} repeats the one at line ${String(repeat)}: its ${String(read.lines.length)} entries are counted as duplicates`,
        });
        continue;
      }
      read.check();
      periods.push(read.period);
      for (const l of read.lines) lines.push(l);
    }
    return ok({
      format: message.format,
      file: fileName,
      encoding: 'utf-8',
      accounts: mergeAccountPeriods(periods),
      lines,
      warnings,
      duplicateLines,
    } satisfies ParsedStatement);
  });
}

/** One `Stmt`/`Rpt`/`Ntfctn`: its account, booked entries and balances; `check` checks the balances. */
function readReport(stmt: XmlNode, message: CamtMessage, where: Where, warnings: StatementWarning[]) {
  const fileName = where.file;
  const at = lineAt(stmt, where, 1);
  const acct = child(stmt, 'Acct');
  const account = accountId(acct);
  if (account === null)
    abort(
      'IMPORT_FIELD_MISSING',
      'the statement names no account (Acct/Id/IBAN or Acct/Id/Othr/Id)',
      fileName,
      lineAt(acct, where, at),
      `${message.report}/Acct/Id`,
    );
  const ccyText =
    textAt(acct, 'Ccy') ??
    textAt(children(stmt, 'Bal')[0], 'Amt', '@_Ccy') ??
    textAt(children(stmt, 'Ntry')[0], 'Amt', '@_Ccy');
  const currency = currencyOf(ccyText, `${message.report}/Acct/Ccy`, where, at);
  const own: StatementLine[] = [];
  const warn = (w: StatementWarning): void => void warnings.push(w);
  for (const ntry of children(stmt, 'Ntry')) {
    const status = textAt(ntry, 'Sts') ?? textAt(ntry, 'Sts', 'Cd');
    if (status !== null && status !== 'BOOK') {
      warn({
        line: lineAt(ntry, where, at),
        field: 'Ntry/Sts',
        code: 'IMPORT_WARN_ENTRY_NOT_BOOKED',
        params: { status },
        message: `entry with status ${status} is not booked and was left out`,
      });
      continue;
    }
    for (const l of entryLines(ntry, account, currency, where, warn)) own.push(l);
  }
  const opening = balance(stmt, ['OPBD', 'PRCD'], where, currency);
  const closing = balance(stmt, message.report === 'Rpt' ? ['CLBD', 'ITBD'] : ['CLBD'], where, currency);
  if ((opening === null || closing === null) && message.report !== 'Ntfctn')
    warn({
      line: at,
      field: `${message.report}/Bal`,
      code: 'IMPORT_WARN_NO_BOOKED_BALANCE',
      params: { account },
      message: `the report for ${account} gives no opening and closing booked balances in ${currency}: its balance cannot be checked`,
    });
  const sums = sumLines(own, account);
  const summary = child(stmt, 'TxsSummry');
  const summaryLine = lineAt(summary, where, at);
  const period: StatementAccount = {
    account,
    currency,
    from: parseDateLayout(textAt(stmt, 'FrToDt', 'FrDtTm') ?? '', 'YYYY-MM-DD') ?? opening?.date ?? null,
    to: parseDateLayout(textAt(stmt, 'FrToDt', 'ToDtTm') ?? '', 'YYYY-MM-DD') ?? closing?.date ?? null,
    opening: opening?.amount ?? null,
    totalIn: statedTotal(summary, 'TtlCdtNtries', where, summaryLine, currency) ?? sums.totalIn,
    totalOut: statedTotal(summary, 'TtlDbtNtries', where, summaryLine, currency) ?? sums.totalOut,
    closing: closing?.amount ?? null,
    ...ownerOf(acct),
  };
  const check = (): void => {
    const label = textAt(stmt, 'Id') ?? textAt(stmt, 'ElctrncSeqNb');
    const totals = (): void =>
      checkTotals(period, own, fileName, { lineIn: summaryLine, lineOut: summaryLine }, NAMES);
    // Refusing, the stated totals are named first (they are what is wrong); reporting, the totals
    // mark the statement's recorded balance, so it is recorded first.
    if (refusesMismatches()) totals();
    checkBalanceIdentity({ ...period, statement: label }, currency, fileName, closing?.line ?? at, {
      ...NAMES,
      closing: `Bal/${closing?.code ?? 'CLBD'}`,
    });
    if (!refusesMismatches()) totals();
  };
  return { at, period, lines: own, check };
}

/** The account owner's identifier (`Acct/Ownr/Id/OrgId/Othr/Id`, a person's `PrvtId`), when stated. */
function ownerOf(acct: XmlNode | undefined): { ownerTaxId?: string } {
  const id =
    textAt(acct, 'Ownr', 'Id', 'OrgId', 'Othr', 'Id') ?? textAt(acct, 'Ownr', 'Id', 'PrvtId', 'Othr', 'Id');
  return id === null ? {} : { ownerTaxId: id };
}
