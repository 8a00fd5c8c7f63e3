import {
  equivalentCurrencyOf,
  expenditureJson,
  listExpenditures,
  listReceipts,
  receiptJson,
  recordExpenditure,
  recordReceipt,
} from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail } from '../output.ts';
import { cliLang } from '../lang/cli-lang.ts';
import {
  expenditureAddedLine,
  expenditureLine,
  receiptAddedLine,
  receiptLine,
} from '../lang/ledger-record-report.ts';
import { dbOptions, parseAllocation, print, printList, type Common } from './ledger-record-options.ts';
import { withBudgetLines } from './budget-line-options.ts';
import { collect, withOrganisation } from './with-organisation.ts';

export function registerReceipt(program: Command): void {
  const receipt = program
    .command('receipt')
    .description('receipts of money or property from foreign sources');
  dbOptions(
    receipt
      .command('add')
      .description('record a receipt by hand (its KZT equivalent at the official rate of the day)'),
  )
    .requiredOption('--source <source>', 'the source (id or name)')
    .option('--grant <grant>', 'the grant (id or agreement number)')
    .option('--account <account>', 'the bank account (id or number)')
    .requiredOption('--date <date>', 'the day received')
    .option('--amount <decimal>', 'the amount (or the valuation of property)')
    .option('--currency <code>', 'its currency')
    .option(
      '--property <description>',
      'property received in kind (the amount is then its valuation, optional)',
    )
    .option('--valuation-method <method>', 'how the property was valued')
    .option('--valued-on <date>', 'the day it was valued (default: the day received)')
    .option('--description <text>', 'a description')
    .action(
      async (
        opts: Common & {
          source: string;
          grant?: string;
          account?: string;
          date: string;
          amount?: string;
          currency?: string;
          property?: string;
          valuationMethod?: string;
          valuedOn?: string;
          description?: string;
        },
      ) => {
        const lang = cliLang(opts.lang);
        const [r, cur] = await withOrganisation(opts, async (ctx, org) => [
          orFail(
            await recordReceipt(ctx, org.id, {
              sourceId: opts.source,
              grantId: opts.grant ?? null,
              accountId: opts.account ?? null,
              receivedOn: opts.date,
              kind: opts.property ? 'property' : 'money',
              amount: opts.amount ?? null,
              currency: opts.currency ?? null,
              propertyDescription: opts.property ?? null,
              valuationMethod: opts.valuationMethod ?? null,
              valuedOn: opts.valuedOn ?? null,
              description: opts.description ?? null,
            }),
          ),
          await equivalentCurrencyOf(ctx, org.id),
        ]);
        // JSON keeps its KZT fields as they always were; the line names the pack's currency.
        print(opts.json, 'receipt', receiptJson(r), receiptAddedLine(receiptJson(r, cur), lang));
      },
    );
  dbOptions(receipt.command('list').description('list receipts'))
    .option('--from <date>', 'from this day')
    .option('--to <date>', 'up to this day')
    .action(async (opts: Common & { from?: string; to?: string }) => {
      const [list, cur] = await withOrganisation(
        opts,
        async (ctx, org) =>
          [
            await listReceipts(ctx, org.id, {
              ...(opts.from ? { from: opts.from } : {}),
              ...(opts.to ? { to: opts.to } : {}),
            }),
            await equivalentCurrencyOf(ctx, org.id),
          ] as const,
      );
      printList(
        opts,
        'receipts',
        list.map((r) => receiptJson(r, cur)),
        receiptLine,
      );
    });
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
        const lang = cliLang(opts.lang);
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
        print(opts.json, 'expenditure', expenditureJson(e), expenditureAddedLine(expenditureJson(e), lang));
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
        opts,
        'expenditures',
        list.map((e) => expenditureJson(e, cur)),
        expenditureLine,
      );
    });
}
