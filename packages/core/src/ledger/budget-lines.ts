import type { CurrencyCode } from '../currency.ts';
import { formatMinor, parseMinorUnits } from '../money.ts';
import { domainError, err, ok, type Result } from '../result.ts';

/** One line of a grant's budget (its code or name and the amount set for it, in the grant's currency). */
export interface BudgetLine {
  readonly id: string;
  readonly name: string;
  /** Minor units of the grant's currency. */
  readonly amount: bigint;
}

/** A budget line as a form gives it: `id` when it is a line already stored. */
export interface BudgetLineInput {
  readonly id?: string | null;
  readonly name: string;
  /** Decimal text ("12000.00"), parsed without floats. */
  readonly amount: string;
}

export interface ValidBudgetLine {
  readonly id: string | null;
  readonly name: string;
  readonly amount: bigint;
}

const MAX_NAME = 200;

/**
 * Checks a grant's budget lines: each with a name (1–200 characters, distinct) and a positive amount
 * in the grant's currency, and together not above the grant's amount. An error names the line at
 * fault by its place (`budgetLines[2].amount`) and its name, so a form shows it beside that line.
 */
export function validateBudgetLines(
  lines: readonly BudgetLineInput[],
  currency: CurrencyCode,
  grantAmount: bigint,
): Result<ValidBudgetLine[]> {
  const out: ValidBudgetLine[] = [];
  let total = 0n;
  for (const [i, line] of lines.entries()) {
    const name = line.name.replace(/\s+/g, ' ').trim();
    if (name === '' || name.length > MAX_NAME || out.some((l) => l.name === name))
      return err(
        domainError(
          'LEDGER_BUDGET_LINE_INVALID',
          `budget line ${i + 1} needs a name of its own (1 to ${MAX_NAME} characters)`,
          { field: `budgetLines[${i}].name`, details: { line: i + 1, name } },
        ),
      );
    const amount = parseMinorUnits(line.amount, currency, { field: `budgetLines[${i}].amount` });
    if (!amount.ok) return amount;
    if (amount.value <= 0n)
      return err(
        domainError('LEDGER_AMOUNT_NOT_POSITIVE', `the amount of budget line "${name}" must be positive`, {
          field: `budgetLines[${i}].amount`,
        }),
      );
    total += amount.value;
    if (total > grantAmount)
      return err(
        domainError(
          'LEDGER_BUDGET_OVER_GRANT',
          `with budget line "${name}" the lines come to ${formatMinor(total, currency)} ${currency}, above the grant's ${formatMinor(grantAmount, currency)} ${currency}`,
          {
            field: `budgetLines[${i}].amount`,
            details: {
              line: i + 1,
              name,
              total: formatMinor(total, currency),
              grant: formatMinor(grantAmount, currency),
              currency,
            },
          },
        ),
      );
    out.push({ id: line.id?.trim() || null, name, amount: amount.value });
  }
  return ok(out);
}
