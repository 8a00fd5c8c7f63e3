import type { FilingSummary } from '@civic/app';
import {
  BALANCE_DIMENSION_LABELS,
  CANDIDATE_REASON_LABELS,
  CANDIDATE_STATUS_LABELS,
  cliText,
  EQUIVALENT_STATUS_LABELS,
  FILING_STATE_LABELS,
  formatDecimalMoney,
  labelOf,
  type FilingRecord,
  type Locale,
} from '@civic/core';
import { listDay } from './deadline-report.ts';

/**
 * The readable output of the record commands (`filings`, `filing prepare|show|submit|render`,
 * `ledger balance`, `import bank`, `candidates`) in the language: labels from the core
 * vocabularies, dates and sums through the core formatter. English keeps the lines it always
 * printed (ISO dates, codes) for the scripts that read them.
 */

const span = (lang: Locale, from: string, to: string): string =>
  `${listDay(lang, from)}–${listDay(lang, to)}`;
const state = (lang: Locale, s: string): string =>
  lang === 'en' ? s : labelOf(FILING_STATE_LABELS, s, lang);

/** `civic filings`: one line a filing, or «(отчётов нет)». */
export function filingsReport(list: readonly FilingSummary[], lang: Locale): string {
  if (list.length === 0) return `${cliText(lang, 'noFilings')}\n`;
  return list
    .map(
      (f) =>
        `${f.id}  ${f.form.padEnd(10)} ${span(lang, f.period.from, f.period.to)}  ${state(lang, f.state).padEnd(11)} ${f.submittedOn ? listDay(lang, f.submittedOn) : ''}${f.corrects ? cliText(lang, 'corrects', { id: f.corrects }) : ''}\n`,
    )
    .join('');
}

/** `civic filing prepare`: what was prepared. */
export function preparedLine(f: FilingRecord, lang: Locale): string {
  return `${cliText(lang, 'prepared', {
    id: f.id,
    form: f.form,
    period: span(lang, f.periodFrom, f.periodTo),
    state: state(lang, f.state),
    corrects: f.corrects ? cliText(lang, 'preparedCorrects', { id: f.corrects }) : '',
  })}\n`;
}

/** `civic filing show`: the filing in one line. */
export function filingLine(f: FilingRecord, lang: Locale): string {
  return `${f.id} ${f.form} ${span(lang, f.periodFrom, f.periodTo)} ${state(lang, f.state)}\n`;
}

/** `civic filing submit`: the day, channel and incoming number recorded. */
export function submittedLine(f: FilingRecord, lang: Locale): string {
  const s = f.submission;
  return `${cliText(lang, 'submitted', {
    id: f.id,
    on: s?.submittedOn ?? '?',
    channel: s?.channel ?? '',
    number: s?.incomingNumber ?? '',
  })}\n`;
}

/** `civic filing render`: the file written. */
export function wroteLine(file: string, bytes: number, lang: Locale): string {
  return `${cliText(lang, 'wrote', { file, bytes: lang === 'en' ? String(bytes) : bytes })}\n`;
}

/** `civic ledger balance`: one row a grant, source or account, sums in the language. */
export function balanceReport(
  balance: { by: string; at: string | null },
  rows: readonly Record<string, unknown>[],
  lang: Locale,
): string {
  const en = lang === 'en';
  const by = en ? balance.by : labelOf(BALANCE_DIMENSION_LABELS, balance.by, lang);
  const lines = [
    `${cliText(lang, 'balanceBy', { by })}${balance.at ? cliText(lang, 'balanceAt', { at: balance.at }) : ''}`,
  ];
  for (const r of rows) {
    const currency = String(r['currency']);
    const sum = (key: string): string => {
      const value = String(r[key]);
      return (en ? value : formatDecimalMoney(lang, value, currency)).padStart(en ? 16 : 20);
    };
    lines.push(
      `  ${String(r['name']).padEnd(32)} ${en ? `${currency}  ` : ''}${cliText(lang, 'received')} ${sum('received')}  ${cliText(lang, 'spent')} ${sum('spent')}  ${cliText(lang, 'balance')} ${sum('balance')}${r['overspent'] ? cliText(lang, 'overspent') : ''}`,
    );
  }
  if (rows.length === 0) lines.push(cliText(lang, 'nothingRecorded'));
  return `${lines.join('\n')}\n`;
}

/** `civic import bank`: the summary, each account, and where to review the candidates. */
export function importBankReport(
  fileName: string,
  result: {
    read: number;
    imported: number;
    duplicates: number;
    foreignCandidates: number;
    accounts: readonly { account: string; currency: string; imported: number; lines: number }[];
  },
  lang: Locale,
): string {
  const n = (v: number): string | number => (lang === 'en' ? String(v) : v);
  const lines = [
    cliText(lang, 'importSummary', {
      file: fileName,
      read: n(result.read),
      imported: n(result.imported),
      duplicates: n(result.duplicates),
      candidates: n(result.foreignCandidates),
    }),
    ...result.accounts.map((a) =>
      cliText(lang, 'importAccount', {
        account: a.account,
        currency: a.currency,
        imported: n(a.imported),
        lines: n(a.lines),
      }),
    ),
  ];
  if (result.foreignCandidates > 0) lines.push(cliText(lang, 'importReview'));
  return `${lines.join('\n')}\n`;
}

/** One warning of `civic import bank` on standard error, its message already in the language. */
export function importWarningLine(
  fileName: string,
  w: { line: number; field?: string | undefined },
  message: string,
  lang: Locale,
): string {
  const field = w.field ? cliText(lang, 'importWarningField', { field: w.field }) : '';
  return `${cliText(lang, 'importWarning', { file: fileName, line: String(w.line), field, message })}\n`;
}

/** `civic candidates list`: one line a payment that looks foreign, with its reasons in words. */
export function candidatesReport(
  list: readonly {
    id: string;
    bookedOn: string;
    currency: string;
    amount: string;
    counterpartyName: string | null;
    status: string;
    reasons: readonly { code: string }[];
  }[],
  lang: Locale,
): string {
  if (list.length === 0) return `${cliText(lang, 'noCandidates')}\n`;
  const en = lang === 'en';
  return list
    .map((c) => {
      const amount = en ? `${c.currency} ${c.amount}` : formatDecimalMoney(lang, c.amount, c.currency);
      const status = en ? c.status : labelOf(CANDIDATE_STATUS_LABELS, c.status, lang);
      const reasons = c.reasons.map((r) => (en ? r.code : labelOf(CANDIDATE_REASON_LABELS, r.code, lang)));
      return `${c.id}  ${listDay(lang, c.bookedOn)}  ${amount}  ${c.counterpartyName ?? '?'}  [${status}] ${reasons.join(', ')}\n`;
    })
    .join('');
}

/** `civic candidates confirm`: the receipt made and how its equivalent was found. */
export function confirmedLine(id: string, receipt: string, equivalent: string, lang: Locale): string {
  const how = lang === 'en' ? equivalent : labelOf(EQUIVALENT_STATUS_LABELS, equivalent, lang);
  return `${cliText(lang, 'candidateConfirmed', { id, receipt, equivalent: how })}\n`;
}

/** `civic candidates reject`. */
export function rejectedLine(id: string, lang: Locale): string {
  return `${cliText(lang, 'candidateRejected', { id })}\n`;
}
