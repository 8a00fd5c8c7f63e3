import { formatMinor, type CalendarDate, type CurrencyCode } from '@civic/core';
import type { JournalTransaction } from '@civic/formats';
import type { JournalBankLine, JournalEntry } from '@civic/store';

/** Names of what the ledger's ids point to, read once per export. */
export interface JournalNames {
  readonly source: ReadonlyMap<string, { name: string; category: string | null }>;
  /** Grant id → its agreement number and the name of its source. */
  readonly grant: ReadonlyMap<string, { agreement: string; source: string | null }>;
  readonly account: ReadonlyMap<string, string>;
  /** Budget line id → its name (the line of its grant's budget). */
  readonly budgetLine: ReadonlyMap<string, string>;
}

/** What the whole-books journal writes besides the funding view. */
export type JournalScope = 'funding' | 'all';

const KZT = 'KZT' as CurrencyCode;
export const NO_GRANT = 'No grant';
const UNATTRIBUTED = 'Unattributed';
const NO_SOURCE = 'No source';

/*
 * The accounts (see docs/journal.md):
 * - funding view: Assets:Grants:<grant> (received − spent per grant), Income:Foreign sources:<source>
 *   (received per source), Expenses:Grants:<source>:<grant> (spent per grant, under its source);
 * - bank view (scope all): Assets:Bank:<account> (the account's bank lines and the receipts and
 *   expenditures entered by hand on it), against Income:Bank:Sources:<source> /
 *   Expenses:Bank:Grants:<grant> where known, else Income:Bank:Unattributed /
 *   Expenses:Bank:Unattributed.
 * The two views are the same money seen twice: each balances on its own.
 */

export function kztTag(row: JournalEntry['row']): string {
  if (row.kzt_minor === null)
    return `missing (${row.rate_status === 'missing' ? 'no official rate or valuation' : row.rate_status})`;
  const rate = row.rate_text
    ? `, rate ${row.rate_text} per ${String(row.rate_units ?? 1n)} ${row.currency ?? ''} of ${row.rate_date ?? ''} (${row.rate_source ?? ''})`
    : '';
  return `${formatMinor(row.kzt_minor, KZT)} KZT ${row.rate_status}${rate}`;
}

function grantName(names: JournalNames, id: string): string {
  return names.grant.get(id)?.agreement ?? id;
}

function account(names: JournalNames, id: string): string {
  return names.account.get(id) ?? id;
}

/** A receipt; null when it has no amount to post (property in kind without a valuation). */
export function receiptTransaction(
  row: Extract<JournalEntry, { kind: 'receipt' }>['row'],
  names: JournalNames,
  scope: JournalScope,
): JournalTransaction | null {
  const source = names.source.get(row.source_id)?.name ?? row.source_id;
  const grant = row.grant_id ? grantName(names, row.grant_id) : NO_GRANT;
  const what = row.kind === 'property' ? `property in kind: ${row.property_description ?? ''}` : 'receipt';
  if (row.amount_minor === null || row.currency === null) return null;
  const currency = row.currency as CurrencyCode;
  const amount = row.amount_minor;
  const byHandOnAccount = scope === 'all' && row.bank_line === null && row.account_id !== null;
  return {
    date: row.received_on as CalendarDate,
    payee: source,
    note: `${what}${row.description ? `: ${row.description}` : ''}`,
    tags: [
      ['receipt', row.id],
      ['kzt', kztTag(row)],
      ...(row.illustrative === 1n ? [['illustrative', 'yes'] as const] : []),
    ],
    postings: [
      { account: ['Assets', 'Grants', grant], amount, currency },
      { account: ['Income', 'Foreign sources', source], amount: -amount, currency },
      ...(byHandOnAccount
        ? [
            { account: ['Assets', 'Bank', account(names, row.account_id ?? '')], amount, currency },
            { account: ['Income', 'Bank', 'Sources', source], amount: -amount, currency },
          ]
        : []),
    ],
  };
}

export function expenditureTransaction(
  e: Extract<JournalEntry, { kind: 'expenditure' }>,
  names: JournalNames,
  scope: JournalScope,
): JournalTransaction {
  const row = e.row;
  const currency = row.currency as CurrencyCode;
  const byHandOnAccount = scope === 'all' && row.bank_line === null && row.account_id !== null;
  const onlyGrant = e.allocations.length === 1 ? e.allocations[0]?.grantId : undefined;
  return {
    date: row.spent_on as CalendarDate,
    payee: row.counterparty ?? row.description ?? 'Expenditure',
    note: row.counterparty ? row.description : null,
    tags: [
      ['expenditure', row.id],
      ['kzt', kztTag(row)],
      ...(row.illustrative === 1n ? [['illustrative', 'yes'] as const] : []),
    ],
    postings: [
      ...e.allocations.flatMap((a) => {
        const grant = grantName(names, a.grantId);
        const source = names.grant.get(a.grantId)?.source ?? NO_SOURCE;
        const line = a.budgetLineId ? (names.budgetLine.get(a.budgetLineId) ?? a.budgetLineId) : null;
        return [
          {
            account: ['Expenses', 'Grants', source, grant],
            amount: a.amountMinor,
            currency,
            // The line of the grant's budget it is spent under, on the expense posting of that grant.
            ...(line !== null ? { tags: [['budget-line', line] as const] } : {}),
          },
          { account: ['Assets', 'Grants', grant], amount: -a.amountMinor, currency },
        ];
      }),
      ...(byHandOnAccount
        ? [
            {
              account: [
                'Expenses',
                'Bank',
                ...(onlyGrant ? ['Grants', grantName(names, onlyGrant)] : [UNATTRIBUTED]),
              ],
              amount: row.amount_minor,
              currency,
            },
            {
              account: ['Assets', 'Bank', account(names, row.account_id ?? '')],
              amount: -row.amount_minor,
              currency,
            },
          ]
        : []),
    ],
  };
}

/** A bank line against its counterparty account: the source or grant where one was confirmed. */
export function bankLineTransaction(line: JournalBankLine, names: JournalNames): JournalTransaction {
  const row = line.row;
  const currency = row.currency as CurrencyCode;
  const incoming = row.direction === 'in';
  const signed = incoming ? row.amount_minor : -row.amount_minor;
  const source = line.sourceId ? (names.source.get(line.sourceId)?.name ?? line.sourceId) : null;
  const grant = line.grantIds.length === 1 ? grantName(names, line.grantIds[0] ?? '') : null;
  const counter = incoming
    ? ['Income', 'Bank', ...(source ? ['Sources', source] : [UNATTRIBUTED])]
    : ['Expenses', 'Bank', ...(grant ? ['Grants', grant] : [UNATTRIBUTED])];
  const tags: [string, string][] = [['bank-line', row.fingerprint]];
  if (row.document_number) tags.push(['document', row.document_number]);
  if (currency === KZT) tags.push(['kzt', `${formatMinor(row.amount_minor, KZT)} KZT`]);
  return {
    date: row.booked_on as CalendarDate,
    payee: row.counterparty_name ?? (incoming ? 'Incoming payment' : 'Outgoing payment'),
    note: row.purpose,
    tags,
    postings: [
      { account: ['Assets', 'Bank', account(names, row.account_id)], amount: signed, currency },
      { account: counter, amount: -signed, currency },
    ],
  };
}
