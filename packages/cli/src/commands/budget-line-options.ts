import { CliError } from '../output.ts';

// The `--budget-line` options of the ledger record commands: a grant's budget lines
// (`grant add`) and the line an expenditure is spent under (`expenditure add`).

/** "NAME=AMOUNT": a line of a grant's budget (the name may hold "=", the amount may not). */
export function parseBudgetLine(text: string): { name: string; amount: string } {
  const at = text.lastIndexOf('=');
  if (at <= 0)
    throw new CliError({
      code: 'CLI_OPTION_INVALID',
      message: `--budget-line "${text}" must be NAME=AMOUNT (e.g. "Travel=12000.00")`,
      field: 'budget-line',
    });
  return { name: text.slice(0, at), amount: text.slice(at + 1) };
}

/**
 * Puts each `--budget-line` on its allocation: "LINE" when there is one `--grant`, "GRANT=LINE"
 * (GRANT as given to `--grant`) otherwise. LINE is the line's name or id; the app checks that it is
 * a line of that grant's budget (LEDGER_BUDGET_LINE_NOT_OF_GRANT), as for the web form.
 */
export function withBudgetLines(
  allocations: readonly { grantId: string; amount?: string }[],
  lines: readonly string[],
): { grantId: string; amount?: string; budgetLineId?: string }[] {
  const out: { grantId: string; amount?: string; budgetLineId?: string }[] = allocations.map((a) => ({
    ...a,
  }));
  for (const text of lines) {
    // "GRANT=LINE" only where GRANT is one of the --grant options: a line's name may hold "=".
    const eq = text.indexOf('=');
    const at = eq >= 0 && (out.length > 1 || out.some((a) => a.grantId === text.slice(0, eq))) ? eq : -1;
    const grant = at < 0 ? null : text.slice(0, at);
    const target =
      grant === null ? (out.length === 1 ? out[0] : undefined) : out.find((a) => a.grantId === grant);
    if (target === undefined || target.budgetLineId !== undefined)
      throw new CliError({
        code: 'CLI_OPTION_INVALID',
        message:
          grant === null && out.length > 1
            ? `--budget-line "${text}": with several --grant, say whose line it is (GRANT=LINE)`
            : target === undefined
              ? `--budget-line "${text}": "${grant}" is not one of the --grant options`
              : `--budget-line "${text}": that grant already has a budget line`,
        field: 'budget-line',
      });
    target.budgetLineId = at < 0 ? text : text.slice(at + 1);
  }
  return out;
}
