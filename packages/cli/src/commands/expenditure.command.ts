import { equivalentCurrencyOf, expenditureJson, listExpenditures, recordExpenditure } from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail } from '../output.ts';
import { dbOptions, print, printList, type Common } from './ledger-record-options.ts';
import { collect, withOrganisation } from './with-organisation.ts';

/** "GRANT" or "GRANT=AMOUNT" (an allocation of an expenditure). */
function parseAllocation(text: string): { grantId: string; amount?: string } {
  const at = text.lastIndexOf('=');
  return at < 0 ? { grantId: text } : { grantId: text.slice(0, at), amount: text.slice(at + 1) };
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

export function registerExpenditure(program: Command): void {
  const expenditure = program.command('expenditure').description('expenditures allocated to grants');
  dbOptions(expenditure.command('add').description('record an expenditure allocated to one or more grants'))
    .requiredOption('--date <date>', 'the day spent')
    .requiredOption('--amount <decimal>', 'the amount')
    .requiredOption('--currency <code>', 'its currency')
    .requiredOption(
      '--grant <grant[=amount]>',
      'a grant and its share (repeatable; one grant alone takes the whole)',
      collect,
    )
    .option('--account <account>', 'the bank account (id or number)')
    .option('--description <text>', 'what it was for')
    .option('--counterparty <name>', 'who was paid')
    .option(
      '--budget-line <[grant=]line>',
      "the line of the grant's budget it is spent under, by name or id (repeatable: GRANT=LINE for each of several grants)",
      collect,
    )
    .action(
      async (
        opts: Common & {
          date: string;
          amount: string;
          currency: string;
          grant?: string[];
          account?: string;
          description?: string;
          counterparty?: string;
          budgetLine?: string[];
        },
      ) => {
        if (!opts.grant?.length)
          throw new CliError({
            code: 'LEDGER_ALLOCATION_REQUIRED',
            message: 'give at least one --grant',
            field: 'grant',
          });
        const allocations = withBudgetLines(opts.grant.map(parseAllocation), opts.budgetLine ?? []);
        const e = await withOrganisation(opts, async (ctx, org) =>
          orFail(
            await recordExpenditure(ctx, org.id, {
              spentOn: opts.date,
              amount: opts.amount,
              currency: opts.currency,
              allocations,
              accountId: opts.account ?? null,
              description: opts.description ?? null,
              counterparty: opts.counterparty ?? null,
            }),
          ),
        );
        print(opts.json, 'expenditure', expenditureJson(e), `recorded expenditure ${e.id}`);
      },
    );
  dbOptions(expenditure.command('list').description('list expenditures'))
    .option('--from <date>', 'from this day')
    .option('--to <date>', 'up to this day')
    .action(async (opts: Common & { from?: string; to?: string }) => {
      const [list, cur] = await withOrganisation(
        opts,
        async (ctx, org) =>
          [
            await listExpenditures(ctx, org.id, {
              ...(opts.from ? { from: opts.from } : {}),
              ...(opts.to ? { to: opts.to } : {}),
            }),
            await equivalentCurrencyOf(ctx, org.id),
          ] as const,
      );
      printList(
        opts.json,
        'expenditures',
        list.map((e) => expenditureJson(e, cur)),
        (e) => `${String(e['id'])}  ${String(e['spentOn'])}  ${String(e['amount'])} ${String(e['currency'])}`,
      );
    });
}
