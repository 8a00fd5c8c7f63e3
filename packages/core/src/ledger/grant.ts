import { compareDates, parseCalendarDate, type CalendarDate } from '../calendar-date.ts';
import { parseCurrency } from '../currency.ts';
import type { GrantId, SourceId } from '../ids.ts';
import { parseMinorUnits, type Money } from '../money.ts';
import { domainError, err, ok, type Result } from '../result.ts';
import {
  validateBudgetLines,
  type BudgetLine,
  type BudgetLineInput,
  type ValidBudgetLine,
} from './budget-lines.ts';

/** A grant agreement with a foreign source: what was promised, in which currency, for what. */
export interface Grant {
  readonly id: GrantId;
  readonly organisationId: string;
  readonly sourceId: SourceId;
  readonly agreementNumber: string;
  readonly agreementDate: CalendarDate | null;
  /** The amount agreed, in the agreement's currency. */
  readonly amount: Money;
  readonly periodFrom: CalendarDate | null;
  readonly periodTo: CalendarDate | null;
  /** The covered activity (a rule-pack activity id such as `legal-assistance`), or free text. */
  readonly activity: string | null;
  readonly title: string | null;
  readonly illustrative: boolean;
  /** Its budget lines, when the agreement has them (in its currency; together not above `amount`). */
  readonly budgetLines?: readonly BudgetLine[];
}

export interface GrantInput {
  readonly sourceId: string;
  readonly agreementNumber: string;
  readonly agreementDate?: string | null;
  readonly currency: string;
  /** Decimal text ("50000.00"), parsed without floats. */
  readonly amount: string;
  readonly periodFrom?: string | null;
  readonly periodTo?: string | null;
  readonly activity?: string | null;
  readonly title?: string | null;
  /** The budget lines, if the agreement has them (left out: none). */
  readonly budgetLines?: readonly BudgetLineInput[];
}

export interface ValidGrant {
  readonly sourceId: string;
  readonly agreementNumber: string;
  readonly agreementDate: CalendarDate | null;
  readonly amount: Money;
  readonly periodFrom: CalendarDate | null;
  readonly periodTo: CalendarDate | null;
  readonly activity: string | null;
  readonly title: string | null;
  readonly budgetLines: readonly ValidBudgetLine[];
}

function optionalDate(text: string | null | undefined, field: string): Result<CalendarDate | null> {
  if (text === null || text === undefined || text.trim() === '') return ok(null);
  return parseCalendarDate(text, field);
}

/**
 * Checks a grant before it is stored: agreement number, a positive amount, a period that runs
 * forward, and its budget lines (validateBudgetLines: together not above the amount).
 */
export function validateGrant(input: GrantInput): Result<ValidGrant> {
  const agreementNumber = input.agreementNumber.trim();
  if (!agreementNumber)
    return err(
      domainError('LEDGER_GRANT_AGREEMENT_REQUIRED', 'a grant needs its agreement number', {
        field: 'agreementNumber',
      }),
    );
  if (!input.sourceId.trim())
    return err(domainError('LEDGER_SOURCE_REQUIRED', 'a grant needs its source', { field: 'sourceId' }));
  const currency = parseCurrency(input.currency);
  if (!currency.ok) return currency;
  const amount = parseMinorUnits(input.amount, currency.value, { field: 'amount' });
  if (!amount.ok) return amount;
  if (amount.value <= 0n)
    return err(
      domainError('LEDGER_AMOUNT_NOT_POSITIVE', 'the grant amount must be positive', { field: 'amount' }),
    );
  const agreementDate = optionalDate(input.agreementDate, 'agreementDate');
  if (!agreementDate.ok) return agreementDate;
  const periodFrom = optionalDate(input.periodFrom, 'periodFrom');
  if (!periodFrom.ok) return periodFrom;
  const periodTo = optionalDate(input.periodTo, 'periodTo');
  if (!periodTo.ok) return periodTo;
  if (periodFrom.value && periodTo.value && compareDates(periodFrom.value, periodTo.value) > 0) {
    return err(
      domainError(
        'LEDGER_PERIOD_INVALID',
        `the grant period ends (${periodTo.value}) before it starts (${periodFrom.value})`,
        { field: 'periodTo' },
      ),
    );
  }
  const budgetLines = validateBudgetLines(input.budgetLines ?? [], currency.value, amount.value);
  if (!budgetLines.ok) return budgetLines;
  return ok({
    sourceId: input.sourceId.trim(),
    agreementNumber,
    agreementDate: agreementDate.value,
    amount: { minor: amount.value, currency: currency.value },
    periodFrom: periodFrom.value,
    periodTo: periodTo.value,
    activity: input.activity?.trim() || null,
    title: input.title?.trim() || null,
    budgetLines: budgetLines.value,
  });
}
