import {
  KZT,
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
import { checkBalanceIdentity, checkTotals } from './balance-check.ts';
import { readCurrency } from './currency-code.ts';
import { abort, catchAbort, importFail } from './import-error.ts';
import { onecDocumentLines } from './onec-document.ts';
import { detectOnecEncoding } from './onec-encoding.ts';
import { OnecFieldResolver } from './onec-fields.ts';
import { lineOfField, readOnecText, type OnecBlock } from './onec-reader.ts';
import { parseAmount, parseDmy } from './scalar.ts';
import { decodeText } from './text-decode.ts';

export interface OnecOptions {
  readonly fileName: string;
  /** Extra field spellings: the bank's name → a known 1C field (see docs/formats.md). */
  readonly aliases?: Readonly<Record<string, string>>;
  /** The currency when the file names none (1C files usually do not): KZT unless given. */
  readonly defaultCurrency?: CurrencyCode;
}

const BALANCE_NAMES = {
  closing: 'КонечныйОстаток',
  totalIn: 'ВсегоПоступило',
  totalOut: 'ВсегоСписано',
} as const;

function blockDate(block: OnecBlock, field: string, file: string): CalendarDate | null {
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

function blockCurrency(block: OnecBlock, file: string): CurrencyCode | null {
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

interface BalanceBlock extends StatementAccount {
  readonly line: number;
  readonly block: OnecBlock;
}

function readBalance(block: OnecBlock, file: string, fallbackCurrency: CurrencyCode): BalanceBlock {
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

/** Several blocks for one account (banks often write one per day) merge into one period. */
function mergeBlocks(blocks: readonly BalanceBlock[]): StatementAccount {
  const sorted = [...blocks].sort((a, b) =>
    (a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : a.line - b.line,
  );
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) throw new Error('mergeBlocks: no blocks');
  const total = (pick: (b: BalanceBlock) => bigint | null): bigint | null =>
    sorted.every((b) => pick(b) !== null) ? sorted.reduce((s, b) => s + (pick(b) ?? 0n), 0n) : null;
  return {
    account: first.account,
    currency: first.currency,
    from: first.from,
    to: sorted.reduce<CalendarDate | null>(
      (m, b) => (b.to !== null && (m === null || b.to > m) ? b.to : m),
      null,
    ),
    opening: first.opening,
    totalIn: total((b) => b.totalIn),
    totalOut: total((b) => b.totalOut),
    closing: last.closing,
  };
}

/** Parses a 1C "1CClientBankExchange" statement (Russian or Kazakh field set, any of its encodings). */
export function parseOnecStatement(bytes: Uint8Array, options: OnecOptions): Result<ParsedStatement> {
  const file = options.fileName;
  const userAliases = options.aliases ?? {};
  const badAliases = OnecFieldResolver.invalidTargets(userAliases);
  if (badAliases.length > 0) {
    const from = badAliases[0] ?? '';
    return importFail(
      'IMPORT_ALIAS_INVALID',
      `alias "${from}" → "${userAliases[from] ?? ''}" names no known 1C field`,
      file,
      undefined,
      from,
    );
  }
  return catchAbort(() => {
    const { encoding, warnings: encodingWarnings } = detectOnecEncoding(bytes);
    const warnings: StatementWarning[] = [...encodingWarnings];
    const parsed = readOnecText(decodeText(bytes, encoding), file, new OnecFieldResolver(userAliases));
    const defaultCurrency = blockCurrency(parsed.header, file) ?? options.defaultCurrency ?? KZT;
    const headerFrom = blockDate(parsed.header, 'ДатаНачала', file);
    const headerTo = blockDate(parsed.header, 'ДатаКонца', file);

    const blocks = parsed.balances.map((b) => readBalance(b, file, defaultCurrency));
    const byAccount = new Map<string, BalanceBlock[]>();
    for (const b of blocks) byAccount.set(b.account, [...(byAccount.get(b.account) ?? []), b]);
    const accounts: StatementAccount[] = [...byAccount.values()].map(mergeBlocks);
    for (const acc of parsed.headerAccounts) {
      if (acc !== '' && !byAccount.has(acc)) {
        accounts.push({
          account: acc,
          currency: defaultCurrency,
          from: headerFrom,
          to: headerTo,
          opening: null,
          totalIn: null,
          totalOut: null,
          closing: null,
        });
      }
    }
    const ours = new Set(accounts.map((a) => a.account));
    const currencyOf = new Map(accounts.map((a) => [a.account, a.currency]));

    const lines: StatementLine[] = [];
    const ctx = {
      file,
      accounts: ours,
      soleAccount: ours.size === 1 ? ([...ours][0] ?? null) : null,
      accountCurrency: (a: string) => currencyOf.get(a) ?? defaultCurrency,
      warnings,
      dates: new Map<string, CalendarDate | null>(),
    };
    for (const doc of parsed.documents) for (const l of onecDocumentLines(doc, ctx)) lines.push(l);

    for (const account of accounts) {
      const first = byAccount.get(account.account)?.[0];
      if (first)
        checkTotals(
          account,
          lines,
          file,
          {
            lineIn: lineOfField(first.block, 'ВсегоПоступило'),
            lineOut: lineOfField(first.block, 'ВсегоСписано'),
          },
          BALANCE_NAMES,
        );
    }
    // An account that only appears on our side of documents (no header line, no balance block).
    for (const l of lines) {
      if (!ours.has(l.account)) {
        ours.add(l.account);
        accounts.push({
          account: l.account,
          currency: l.currency,
          from: headerFrom,
          to: headerTo,
          opening: null,
          totalIn: null,
          totalOut: null,
          closing: null,
        });
      }
    }
    return ok({ format: '1c', file, encoding, accounts, lines, warnings } satisfies ParsedStatement);
  });
}
