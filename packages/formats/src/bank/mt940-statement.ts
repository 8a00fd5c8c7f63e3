import {
  ok,
  type ParsedStatement,
  type Result,
  type StatementAccount,
  type StatementLine,
  type StatementWarning,
} from '@civic/core';
import { checkBalanceIdentity, mergeAccountPeriods, sumLines } from './balance-check.ts';
import { abort, catchAbort } from './import-error.ts';
import { StatementPages } from './statement-pages.ts';
import { readBalance, readEntry, readInfo, type Mt940Balance, type Mt940Tag } from './mt940-fields.ts';
import { decodeText, isValidUtf8 } from './text-decode.ts';

const KNOWN_TAGS = new Set([
  '20',
  '21',
  '25',
  '28',
  '28C',
  '60F',
  '60M',
  '61',
  '86',
  '62F',
  '62M',
  '64',
  '65',
  '13',
  '13D',
  '34F',
  '90C',
  '90D',
  'NS',
]);
const NAMES = { closing: '62F', totalIn: '61', totalOut: '61' } as const;

/** Splits MT940 text into tags, each with its line; SWIFT block wrappers and `-` separators end a message. */
function readTags(
  text: string,
): (Mt940Tag | { readonly tag: '-'; readonly value: ''; readonly line: number })[] {
  const out: (Mt940Tag | { tag: '-'; value: ''; line: number })[] = [];
  const rows = text.split(/\r?\n/);
  let current: { tag: string; value: string; line: number } | null = null;
  rows.forEach((raw, i) => {
    const row = raw.replace(/^\{4:/, '');
    const m = /^:(\d{2}[A-Z]?|NS):(.*)$/.exec(row);
    if (m) {
      current = { tag: m[1] ?? '', value: m[2] ?? '', line: i + 1 };
      out.push(current);
    } else if (/^-\}?\s*$/.test(row) || /^\{[1-5]:/.test(row)) {
      current = null;
      if (row.startsWith('-')) out.push({ tag: '-', value: '', line: i + 1 });
    } else if (current !== null && row.trim() !== '') {
      current.value += `\n${row}`;
    }
  });
  return out;
}

interface Open {
  line: number;
  reference: string;
  sequence: string;
  account: string | null;
  opening: Mt940Balance | null;
  closing: Mt940Balance | null;
  closingLine: number;
  lines: StatementLine[];
  pending: StatementLine | null;
}

/** Parses SWIFT MT940 customer statements (several per file; `:86:` free or `?NN` structured). */
export function parseMt940Statement(bytes: Uint8Array, fileName: string): Result<ParsedStatement> {
  const file = fileName;
  return catchAbort(() => {
    const encoding = isValidUtf8(bytes) ? 'utf-8' : 'windows-1251';
    const tags = readTags(decodeText(bytes, encoding));
    const periods: StatementAccount[] = [];
    const lines: StatementLine[] = [];
    const warnings: StatementWarning[] = [];
    let open: Open | null = null;
    const pages = new StatementPages(file);
    let duplicateLines = 0;

    const close = (s: Open): void => {
      if (s.account === null)
        abort('IMPORT_FIELD_MISSING', 'the statement has no :25: account', file, s.line, '25');
      if (s.opening === null)
        abort('IMPORT_FIELD_MISSING', 'the statement has no :60F: opening balance', file, s.line, '60F');
      if (s.closing === null)
        abort('IMPORT_TRUNCATED', 'the statement ends without a :62F: closing balance', file, s.line, '62F');
      const sums = sumLines(s.lines, s.account);
      const period: StatementAccount = {
        account: s.account,
        currency: s.opening.currency,
        from: s.opening.date,
        to: s.closing.date,
        opening: s.opening.amount,
        totalIn: sums.totalIn,
        totalOut: sums.totalOut,
        closing: s.closing.amount,
      };
      checkBalanceIdentity(period, s.opening.currency, file, s.closingLine, NAMES);
      const repeat = pages.check(
        [s.reference, s.sequence, s.account, period.from, period.to],
        period,
        s.lines,
        {
          line: s.line,
          field: '20',
        },
      );
      if (repeat !== null) {
        duplicateLines += s.lines.length;
        warnings.push({
          line: s.line,
          field: '20',
          message: `statement ${s.reference} ${s.sequence} repeats the one at line ${String(repeat)}: its ${String(s.lines.length)} lines are counted as duplicates`,
        });
        return;
      }
      periods.push(period);
      for (const l of s.lines) lines.push(l);
    };

    for (const t of tags) {
      if (t.tag === '-') {
        if (open !== null) close(open);
        open = null;
        continue;
      }
      if (t.tag === '20') {
        if (open !== null) close(open);
        open = {
          line: t.line,
          reference: t.value.trim(),
          sequence: '',
          account: null,
          opening: null,
          closing: null,
          closingLine: t.line,
          lines: [],
          pending: null,
        };
        continue;
      }
      if (open === null)
        abort(
          'IMPORT_LINE_INVALID',
          `:${t.tag}: appears before the statement's :20: reference`,
          file,
          t.line,
          t.tag,
        );
      const s: Open = open;
      switch (t.tag) {
        case '25':
          s.account = t.value.trim();
          break;
        case '28':
        case '28C':
          s.sequence = t.value.trim();
          break;
        case '60F':
        case '60M':
          s.opening = readBalance(t, file);
          break;
        case '61': {
          if (s.opening === null || s.account === null)
            abort(
              'IMPORT_FIELD_MISSING',
              ':61: comes before the :25: account and :60F: opening balance',
              file,
              t.line,
              s.account === null ? '25' : '60F',
            );
          const e = readEntry(t, s.opening.currency, file);
          const raw: Record<string, string> = { '61': t.value };
          const line: StatementLine = {
            sourceLine: t.line,
            account: s.account,
            direction: e.direction,
            amount: e.amount,
            currency: s.opening.currency,
            bookedOn: e.entryDate ?? e.valueDate,
            documentDate: e.valueDate,
            documentNumber: e.customerReference,
            counterparty: {
              name: null,
              taxId: null,
              account: null,
              bankCode: null,
              sectorCode: null,
              country: null,
            },
            purpose: e.details,
            purposeCode: null,
            bankReference: e.bankReference,
            raw,
          };
          s.lines.push(line);
          s.pending = line;
          break;
        }
        case '86': {
          const last = s.pending;
          if (last === null) break; // statement-level information after :62F:
          const info = readInfo(t.value);
          const merged: StatementLine = {
            ...last,
            counterparty: {
              ...last.counterparty,
              name: info.name,
              account: info.account,
              bankCode: info.bankCode,
            },
            purpose: info.purpose ?? last.purpose,
            raw: { ...last.raw, '86': t.value },
          };
          s.lines[s.lines.length - 1] = merged;
          s.pending = null;
          break;
        }
        case '62F':
        case '62M':
          s.closing = readBalance(t, file);
          s.closingLine = t.line;
          s.pending = null;
          break;
        default:
          if (!KNOWN_TAGS.has(t.tag))
            warnings.push({
              line: t.line,
              field: t.tag,
              message: `tag :${t.tag}: is not part of MT940 and was ignored`,
            });
      }
    }
    if (open !== null) close(open);
    if (periods.length === 0)
      abort('IMPORT_TRUNCATED', 'no MT940 statement (:20: … :62F:) in the file', file, 1, '20');
    return ok({
      format: 'mt940',
      file,
      encoding,
      accounts: mergeAccountPeriods(periods),
      lines,
      warnings,
      duplicateLines,
    } satisfies ParsedStatement);
  });
}
