import { parseCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { parseCurrency } from '../currency.ts';
import type { AccountId, BankLineId, ExpenditureId, GrantId } from '../ids.ts';
import { formatMinor, parseMinorUnits, type Money } from '../money.ts';
import { domainError, err, ok, type Result } from '../result.ts';
import type { KztEquivalent } from './kzt-equivalent.ts';

/** The part of an expenditure charged to one grant, in the expenditure's currency. */
export interface Allocation {
  readonly grantId: GrantId;
  readonly amount: bigint;
  /** The line of the grant's budget it is spent under, when the accountant names one. */
  readonly budgetLineId?: string | null;
}

/** Money spent, allocated to one or more grants; the allocations sum to the amount. */
export interface Expenditure {
  readonly id: ExpenditureId;
  readonly organisationId: string;
  readonly spentOn: CalendarDate;
  readonly amount: Money;
  readonly kzt: KztEquivalent;
  readonly accountId: AccountId | null;
  readonly bankLineId: BankLineId | null;
  readonly description: string | null;
  readonly counterparty: string | null;
  readonly allocations: readonly Allocation[];
  readonly illustrative: boolean;
}

export interface ExpenditureInput {
  readonly spentOn: string;
  readonly currency: string;
  readonly amount: string;
  readonly accountId?: string | null;
  readonly description?: string | null;
  readonly counterparty?: string | null;
  /** Each grant's share as decimal text. One grant with no amount takes the whole expenditure. */
  readonly allocations: readonly {
    readonly grantId: string;
    readonly amount?: string | null;
    /** A line of that grant's budget (optional). */
    readonly budgetLineId?: string | null;
  }[];
}

export interface ValidExpenditure {
  readonly spentOn: CalendarDate;
  readonly amount: Money;
  readonly accountId: string | null;
  readonly description: string | null;
  readonly counterparty: string | null;
  readonly allocations: readonly {
    readonly grantId: string;
    readonly amount: bigint;
    /** Present only when the allocation names a line. */
    readonly budgetLineId?: string;
  }[];
}

/** Checks allocations: at least one, distinct grants, each positive, summing exactly to the total. */
export function checkAllocations(
  total: Money,
  allocations: readonly { grantId: string; amount: bigint }[],
): Result<true> {
  if (allocations.length === 0)
    return err(
      domainError('LEDGER_ALLOCATION_REQUIRED', 'an expenditure must be allocated to at least one grant', {
        field: 'allocations',
      }),
    );
  const seen = new Set<string>();
  let sum = 0n;
  for (const [i, a] of allocations.entries()) {
    const field = `allocations[${String(i)}]`;
    if (seen.has(a.grantId))
      return err(
        domainError('LEDGER_ALLOCATION_DUPLICATE', `grant ${a.grantId} is allocated twice`, { field }),
      );
    seen.add(a.grantId);
    if (a.amount <= 0n)
      return err(domainError('LEDGER_AMOUNT_NOT_POSITIVE', 'an allocation must be positive', { field }));
    sum += a.amount;
  }
  if (sum !== total.minor) {
    return err(
      domainError(
        'LEDGER_ALLOCATION_MISMATCH',
        `allocations sum to ${formatMinor(sum, total.currency)} but the expenditure is ${formatMinor(total.minor, total.currency)} ${total.currency}`,
        {
          field: 'allocations',
          details: {
            allocated: formatMinor(sum, total.currency),
            amount: formatMinor(total.minor, total.currency),
            currency: total.currency,
          },
        },
      ),
    );
  }
  return ok(true);
}

/** Checks an expenditure and its allocations before it is stored. */
export function validateExpenditure(input: ExpenditureInput): Result<ValidExpenditure> {
  const spentOn = parseCalendarDate(input.spentOn, 'spentOn');
  if (!spentOn.ok) return spentOn;
  const currency = parseCurrency(input.currency);
  if (!currency.ok) return currency;
  const minor = parseMinorUnits(input.amount, currency.value, { field: 'amount' });
  if (!minor.ok) return minor;
  if (minor.value <= 0n)
    return err(
      domainError('LEDGER_AMOUNT_NOT_POSITIVE', 'an expenditure must be positive', { field: 'amount' }),
    );
  const amount: Money = { minor: minor.value, currency: currency.value };
  const allocations: { grantId: string; amount: bigint; budgetLineId?: string }[] = [];
  for (const [i, a] of input.allocations.entries()) {
    const lineId = a.budgetLineId?.trim();
    const line = lineId ? { budgetLineId: lineId } : {};
    const grantId = a.grantId.trim();
    if (!grantId)
      return err(
        domainError('LEDGER_GRANT_REQUIRED', 'an allocation needs a grant', {
          field: `allocations[${String(i)}].grantId`,
        }),
      );
    const text = a.amount?.trim() ?? '';
    if (text === '' && input.allocations.length === 1) {
      allocations.push({ grantId, amount: amount.minor, ...line });
      continue;
    }
    const share = parseMinorUnits(text, currency.value, { field: `allocations[${String(i)}].amount` });
    if (!share.ok) return share;
    allocations.push({ grantId, amount: share.value, ...line });
  }
  const checked = checkAllocations(amount, allocations);
  if (!checked.ok) return checked;
  return ok({
    spentOn: spentOn.value,
    amount,
    accountId: input.accountId?.trim() || null,
    description: input.description?.trim() || null,
    counterparty: input.counterparty?.trim() || null,
    allocations,
  });
}

/**
 * Splits `total` in proportion to `weights` so the parts sum exactly to `total` (largest
 * remainder; ties go to the earlier weight). Used to give each allocation its share of the
 * expenditure's KZT equivalent without creating or losing a tiyn.
 */
export function splitProportionally(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (weights.length === 0) return [];
  if (sum <= 0n) throw new Error('splitProportionally: weights must sum to a positive number');
  const negative = total < 0n;
  const abs = negative ? -total : total;
  const parts = weights.map((w) => (abs * w) / sum);
  const remainders = weights.map((w, i) => ({ i, r: (abs * w) % sum }));
  let left = abs - parts.reduce((s, p) => s + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return negative ? parts.map((p) => -p) : parts;
}
