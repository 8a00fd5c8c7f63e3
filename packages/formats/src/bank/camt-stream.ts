import type { CurrencyCode, StatementAccount, StatementLine, StatementWarning } from '@civic/core';
import {
  checkBalanceIdentity,
  checkTotals,
  mergeAccountPeriods,
  refusesMismatches,
} from './balance-check.ts';
import { CAMT_ARRAYS, CAMT_NAMES, reportBalance, statedTotal } from './camt-balances.ts';
import { camtMessage } from './camt-message.ts';
import { accountId, currencyOf, lineAt, type Where } from './camt-fields.ts';
import { entryLines } from './camt-entry.ts';
import { abort } from './import-error.ts';
import { chunkDecoder } from './line-reader.ts';
import { parseDateLayout } from './scalar.ts';
import { PageDigest, StatementPages } from './statement-pages.ts';
import { KnownPeriods, type OpenStatementStream } from './statement-stream.ts';
import { XmlStreamTree } from './xml-stream.ts';
import { child, textAt, type XmlNode } from './xml-tree.ts';

/** One report (`Stmt`/`Rpt`/`Ntfctn`) being read: what its header said and what its entries add up to. */
interface Report {
  readonly at: number;
  readonly account: string;
  readonly currency: CurrencyCode;
  totalIn: bigint;
  totalOut: bigint;
  count: number;
  readonly digest: PageDigest;
  /** Lines held back: the report names a statement already read, and may repeat it. */
  readonly held: StatementLine[] | null;
  /** The period the report's header states (`FrToDt`), when it does. */
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * Reads camt.053/.052/.054 as it arrives: the document is built one entry (`Ntry`) at a time —
 * each entry's lines handed on as it closes, the report's header (account, balances, totals)
 * kept — and each report's balances checked as it closes, as `parseCamt053Statement` always did.
 * A report that names a statement already read (same Id, sequence number and account) holds its
 * lines until it closes: a repeat is counted, never handed on. Memory holds one entry, not the file.
 */
export function openCamtStream(file: string): OpenStatementStream {
  return (head, _complete, onLine) => {
    const message = camtMessage(new TextDecoder().decode(head.subarray(0, 16384)), file);
    const where: Where = { file, starts: [] };
    const periods: StatementAccount[] = [];
    const warnings: StatementWarning[] = [];
    const warn = (w: StatementWarning): void => void warnings.push(w);
    const pages = new StatementPages(file);
    const known = new KnownPeriods();
    const named = new Set<string>();
    let duplicateLines = 0;
    let reports = 0;
    let cur: Report | null = null;

    const begin = (stmt: XmlNode, first: XmlNode | undefined): Report => {
      const at = lineAt(stmt, where, 1);
      const acct = child(stmt, 'Acct');
      const account = accountId(acct);
      if (account === null)
        abort(
          'IMPORT_FIELD_MISSING',
          'the statement names no account (Acct/Id/IBAN or Acct/Id/Othr/Id)',
          file,
          lineAt(acct, where, at),
          `${message.report}/Acct/Id`,
        );
      const ccyText =
        textAt(acct, 'Ccy') ?? textAt(child(stmt, 'Bal'), 'Amt', '@_Ccy') ?? textAt(first, 'Amt', '@_Ccy');
      const currency = currencyOf(ccyText, `${message.report}/Acct/Ccy`, where, at);
      const name = [textAt(stmt, 'Id'), textAt(stmt, 'ElctrncSeqNb'), account].join('\u0000');
      const held = named.has(name) ? [] : null;
      named.add(name);
      const from = parseDateLayout(textAt(stmt, 'FrToDt', 'FrDtTm') ?? '', 'YYYY-MM-DD');
      const to = parseDateLayout(textAt(stmt, 'FrToDt', 'ToDtTm') ?? '', 'YYYY-MM-DD');
      const digest = new PageDigest();
      return { at, account, currency, totalIn: 0n, totalOut: 0n, count: 0, digest, held, from, to };
    };

    const entry = (ntry: XmlNode, stmt: XmlNode): void => {
      const r = (cur ??= begin(stmt, ntry));
      const status = textAt(ntry, 'Sts') ?? textAt(ntry, 'Sts', 'Cd');
      if (status !== null && status !== 'BOOK') {
        warn({
          line: lineAt(ntry, where, r.at),
          field: 'Ntry/Sts',
          code: 'IMPORT_WARN_ENTRY_NOT_BOOKED',
          params: { status },
          message: `entry with status ${status} is not booked and was left out`,
        });
        return;
      }
      for (const l of entryLines(ntry, r.account, r.currency, where, warn)) {
        if (l.direction === 'in') r.totalIn += l.amount;
        else r.totalOut += l.amount;
        r.count += 1;
        r.digest.line(l);
        if (r.held) r.held.push(l);
        else onLine(l);
      }
    };

    const close = (stmt: XmlNode): void => {
      reports += 1;
      const r = cur ?? begin(stmt, undefined);
      cur = null;
      const { at, account, currency } = r;
      const opening = reportBalance(stmt, ['OPBD', 'PRCD'], where, currency);
      const closing = reportBalance(
        stmt,
        message.report === 'Rpt' ? ['CLBD', 'ITBD'] : ['CLBD'],
        where,
        currency,
      );
      if ((opening === null || closing === null) && message.report !== 'Ntfctn')
        warn({
          line: at,
          field: `${message.report}/Bal`,
          code: 'IMPORT_WARN_NO_BOOKED_BALANCE',
          params: { account },
          message: `the report for ${account} gives no opening and closing booked balances in ${currency}: its balance cannot be checked`,
        });
      const summary = child(stmt, 'TxsSummry');
      const summaryLine = lineAt(summary, where, at);
      const period: StatementAccount = {
        account,
        currency,
        from: parseDateLayout(textAt(stmt, 'FrToDt', 'FrDtTm') ?? '', 'YYYY-MM-DD') ?? opening?.date ?? null,
        to: parseDateLayout(textAt(stmt, 'FrToDt', 'ToDtTm') ?? '', 'YYYY-MM-DD') ?? closing?.date ?? null,
        opening: opening?.amount ?? null,
        totalIn: statedTotal(summary, 'TtlCdtNtries', where, summaryLine, currency) ?? r.totalIn,
        totalOut: statedTotal(summary, 'TtlDbtNtries', where, summaryLine, currency) ?? r.totalOut,
        closing: closing?.amount ?? null,
        ...ownerOf(child(stmt, 'Acct')),
      };
      const id = textAt(stmt, 'Id');
      const identity = [id, textAt(stmt, 'ElctrncSeqNb'), account, period.from, period.to];
      const repeat = pages.checkSignature(identity, r.digest.signature(period), {
        line: at,
        field: `${message.report}/Id`,
      });
      if (repeat !== null) {
        duplicateLines += r.count;
        warn({
          line: at,
          field: `${message.report}/Id`,
          code: 'IMPORT_WARN_STATEMENT_REPEATED',
          params: { statement: id ?? '', first: String(repeat), lines: String(r.count) },
          message: `statement ${id ?? ''} repeats the one at line ${String(repeat)}: its ${String(r.count)} entries are counted as duplicates`,
        });
        return;
      }
      const sums = { totalIn: r.totalIn, totalOut: r.totalOut };
      const totals = (): void =>
        checkTotals(period, sums, file, { lineIn: summaryLine, lineOut: summaryLine }, CAMT_NAMES);
      // Refusing, the stated totals are named first (they are what is wrong); reporting, the totals
      // mark the statement's recorded balance, so it is recorded first.
      if (refusesMismatches()) totals();
      checkBalanceIdentity(
        { ...period, statement: id ?? textAt(stmt, 'ElctrncSeqNb') },
        currency,
        file,
        closing?.line ?? at,
        {
          ...CAMT_NAMES,
          closing: `Bal/${closing?.code ?? 'CLBD'}`,
        },
      );
      if (!refusesMismatches()) totals();
      periods.push(period);
      known.add(period);
      if (r.held) for (const l of r.held) onLine(l);
    };

    const root = ['Document', message.root, message.report];
    const isReport = (path: readonly string[]): boolean =>
      path.length === 3 && path.every((p, i) => p === root[i]);
    const tree = new XmlStreamTree(file, CAMT_ARRAYS, {
      detach: (path) =>
        isReport(path) || (path.length === 4 && path[3] === 'Ntry' && isReport(path.slice(0, 3))),
      element: (path, node, parent) => (path.length === 4 ? entry(node, parent) : close(node)),
    });
    const decoder = chunkDecoder('utf-8');
    const covers = (account: string, currency: string, day: string): boolean => {
      const r = cur;
      const inCurrent =
        r !== null && r.account === account && r.currency === currency && r.from !== null && r.to !== null;
      return (
        (inCurrent && day >= (r.from ?? '') && day <= (r.to ?? '')) || known.covers(account, currency, day)
      );
    };
    return {
      covers,
      push: (chunk) => tree.write(decoder.decode(chunk)),
      end: () => {
        tree.write(decoder.end());
        tree.end();
        const doc = child(tree.root, 'Document', message.root);
        if (doc === undefined)
          abort(
            'IMPORT_FIELD_MISSING',
            `not a ${message.type} document: no Document/${message.root}`,
            file,
            1,
            message.root,
          );
        if (reports === 0)
          abort(
            'IMPORT_FIELD_MISSING',
            `the document holds no ${message.report}`,
            file,
            lineAt(doc, where, 1),
            message.report,
          );
        return {
          format: message.format,
          file,
          encoding: 'utf-8',
          accounts: mergeAccountPeriods(periods),
          warnings,
          duplicateLines,
        };
      },
    };
  };
}

/** The account owner's identifier (`Acct/Ownr/Id/OrgId/Othr/Id`, a person's `PrvtId`), when stated. */
function ownerOf(acct: XmlNode | undefined): { ownerTaxId?: string } {
  const id =
    textAt(acct, 'Ownr', 'Id', 'OrgId', 'Othr', 'Id') ?? textAt(acct, 'Ownr', 'Id', 'PrvtId', 'Othr', 'Id');
  return id === null ? {} : { ownerTaxId: id };
}
