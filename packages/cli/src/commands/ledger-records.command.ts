import {
  createAccount,
  createGrant,
  createSource,
  grantJson,
  listAccounts,
  listGrants,
  listSources,
  sourceJson,
} from '@civic/app';
import type { Command } from 'commander';
import { orFail } from '../output.ts';
import { cliLang } from '../lang/cli-lang.ts';
import {
  accountAddedLine,
  accountLine,
  grantAddedLine,
  grantLine,
  sourceAddedLine,
  sourceLine,
} from '../lang/ledger-record-report.ts';
import { parseBudgetLine } from './budget-line-options.ts';
import { dbOptions, print, printList, type Common } from './ledger-record-options.ts';
import { registerExpenditure, registerReceipt } from './ledger-movements.command.ts';
import { collect, withOrganisation } from './with-organisation.ts';

function registerSource(program: Command): void {
  const source = program.command('source').description('foreign sources (the five categories of the law)');
  dbOptions(source.command('add').description('add a foreign source'))
    .requiredOption('--name <name>', 'the name')
    .option(
      '--category <category>',
      'foreign-state|international-organisation|foreign-organisation|foreign-citizen|stateless-person',
    )
    .option('--country <cc>', 'ISO 3166 two-letter country code')
    .option('--tax-id <id>', 'its tax id (to recognise its payments)')
    .option('--account <account>', 'an account it pays from (repeatable)', collect)
    .option('--alias <name>', 'another name it appears under in statements (repeatable)', collect)
    .option('--notes <text>', 'notes')
    .action(
      async (
        opts: Common & {
          name: string;
          category?: string;
          country?: string;
          taxId?: string;
          account?: string[];
          alias?: string[];
          notes?: string;
        },
      ) => {
        const lang = cliLang(opts.lang);
        const s = await withOrganisation(opts, async (ctx, org) =>
          orFail(
            await createSource(ctx, org.id, {
              name: opts.name,
              category: opts.category ?? null,
              country: opts.country ?? null,
              taxId: opts.taxId ?? null,
              accounts: opts.account ?? [],
              aliases: opts.alias ?? [],
              notes: opts.notes ?? null,
            }),
          ),
        );
        print(opts.json, 'source', sourceJson(s), sourceAddedLine(sourceJson(s), lang));
      },
    );
  dbOptions(source.command('list').description('list foreign sources')).action(async (opts: Common) => {
    const list = await withOrganisation(opts, (ctx, org) => listSources(ctx, org.id));
    printList(opts, 'sources', list.map(sourceJson), sourceLine);
  });
}

function registerGrant(program: Command): void {
  const grant = program.command('grant').description('grant agreements with foreign sources');
  dbOptions(grant.command('add').description('add a grant agreement'))
    .requiredOption('--source <source>', 'the source (id or name)')
    .requiredOption('--agreement <number>', 'the agreement number')
    .option('--date <date>', 'the agreement date')
    .requiredOption('--currency <code>', 'ISO 4217 currency')
    .requiredOption('--amount <decimal>', 'the amount agreed')
    .option('--from <date>', 'the period start')
    .option('--to <date>', 'the period end')
    .option('--activity <activity>', 'the covered activity')
    .option('--title <title>', 'a title')
    .option(
      '--budget-line <name=amount>',
      'a line of its budget and the amount set for it (repeatable)',
      collect,
    )
    .action(
      async (
        opts: Common & {
          source: string;
          agreement: string;
          date?: string;
          currency: string;
          amount: string;
          from?: string;
          to?: string;
          activity?: string;
          title?: string;
          budgetLine?: string[];
        },
      ) => {
        const lang = cliLang(opts.lang);
        const budgetLines = (opts.budgetLine ?? []).map(parseBudgetLine);
        const g = await withOrganisation(opts, async (ctx, org) =>
          orFail(
            await createGrant(ctx, org.id, {
              sourceId: opts.source,
              agreementNumber: opts.agreement,
              agreementDate: opts.date ?? null,
              currency: opts.currency,
              amount: opts.amount,
              periodFrom: opts.from ?? null,
              periodTo: opts.to ?? null,
              activity: opts.activity ?? null,
              title: opts.title ?? null,
              budgetLines,
            }),
          ),
        );
        print(opts.json, 'grant', grantJson(g), grantAddedLine(grantJson(g), lang));
      },
    );
  dbOptions(grant.command('list').description('list grants')).action(async (opts: Common) => {
    const list = await withOrganisation(opts, (ctx, org) => listGrants(ctx, org.id));
    printList(
      opts,
      'grants',
      list.map((g) => grantJson(g)),
      grantLine,
    );
  });
}

function registerAccount(program: Command): void {
  const account = program.command('account').description("the organisation's bank accounts");
  dbOptions(account.command('add').description('add a bank account'))
    .requiredOption('--number <iban>', 'IBAN / IIK')
    .requiredOption('--currency <code>', 'ISO 4217 currency')
    .option('--bank <name>', 'the bank')
    .option('--label <label>', 'a label')
    .action(async (opts: Common & { number: string; currency: string; bank?: string; label?: string }) => {
      const lang = cliLang(opts.lang);
      const a = await withOrganisation(opts, async (ctx, org) =>
        orFail(
          await createAccount(ctx, org.id, {
            number: opts.number,
            currency: opts.currency,
            bankName: opts.bank ?? null,
            label: opts.label ?? null,
          }),
        ),
      );
      print(opts.json, 'account', { ...a }, accountAddedLine({ ...a }, lang));
    });
  dbOptions(account.command('list').description('list bank accounts')).action(async (opts: Common) => {
    const list = await withOrganisation(opts, (ctx, org) => listAccounts(ctx, org.id));
    printList(
      opts,
      'accounts',
      list.map((a) => ({ ...a })),
      accountLine,
    );
  });
}

/** Hand entry and listing of the ledger: sources, grants, accounts, receipts, expenditures. */
export function registerLedgerRecords(program: Command): void {
  registerSource(program);
  registerGrant(program);
  registerAccount(program);
  registerReceipt(program);
  registerExpenditure(program);
}
