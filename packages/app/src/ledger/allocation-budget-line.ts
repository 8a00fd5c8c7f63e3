import { domainError, err, ok, type Grant, type Result } from '@civic/core';

/**
 * An allocation's budget line must be one of its grant's lines (none is fine), given by its id (the
 * web form) or its name (the command line: `--budget-line`); the answer is the line's id.
 */
export function checkBudgetLine(grant: Grant, lineId: string | null, i: number): Result<string | null> {
  if (lineId === null) return ok(null);
  const lines = grant.budgetLines ?? [];
  const named = lineId.trim().toLowerCase();
  const line =
    lines.find((l) => l.id === lineId) ??
    lines.find((l) => l.name === lineId.trim()) ??
    (lines.filter((l) => l.name.toLowerCase() === named).length === 1
      ? lines.find((l) => l.name.toLowerCase() === named)
      : undefined);
  if (line) return ok(line.id);
  return err(
    domainError(
      'LEDGER_BUDGET_LINE_NOT_OF_GRANT',
      `budget line "${lineId}" is not a line of grant ${grant.agreementNumber}`,
      {
        field: `allocations[${String(i)}].budgetLineId`,
        details: { name: grant.agreementNumber },
      },
    ),
  );
}
