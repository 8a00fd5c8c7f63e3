import {
  createAccount,
  createGrant,
  createSource,
  equivalentCurrencyOf,
  grantJson,
  listAccounts,
  listGrants,
  listReceipts,
  listSources,
  receiptJson,
  recordReceipt,
  sourceJson,
} from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail } from '../output.ts';
import { registerExpenditure } from './expenditure.command.ts';
import { dbOptions, print, printList, type Common } from './ledger-record-options.ts';
import { collect, withOrganisation } from './with-organisation.ts';

/** "NAME=AMOUNT": a line of a grant's budget (the name may hold "=", the amount may not). */
function parseBudgetLine(text: string): { name: string; amount: string } {
  const at = text.lastIndexOf('=');
  if (at <= 0)
    throw new CliError({
      code: 'CLI_OPTION_INVALID',
      message: `--budget-line "${text}" must be NAME=AMOUNT (e.g. "Travel=12000.00")`,
      field: 'budget-line',
    });
  return { name: text.slice(0, at), amount: text.slice(at + 1) };
}

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
        print(opts.json, 'source', sourceJson(s), `added source ${s.id} ${s.name}`);
      },
    );
  dbOptions(source.command('list').description('list foreign sources')).action(async (opts: Common) => {
    const list = await withOrganisation(opts, (ctx, org) => listSources(ctx, org.id));
    printList(
      opts.json,
      'sources',
      list.map(sourceJson),
      (s) =>
        `${String(s['id'])}  ${String(s['name'])}  ${String(s['category'] ?? '(category missing)')}  ${String(s['country'] ?? '')}`,
    );
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
        print(opts.json, 'grant', grantJson(g), `added grant ${g.id} ${g.agreementNumber}`);
      },
    );
  dbOptions(grant.command('list').description('list grants')).action(async (opts: Common) => {
    const list = await withOrganisation(opts, (ctx, org) => listGrants(ctx, org.id));
    printList(
      opts.json,
      'grants',
      list.map((g) => grantJson(g)),
      (g) =>
        `${String(g['id'])}  ${String(g['agreementNumber'])}  ${String(g['amount'])} ${String(g['currency'])}`,
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
      print(opts.json, 'account', { ...a }, `account ${a.id} ${a.number} ${a.currency}`);
    });
  dbOptions(account.command('list').description('list bank accounts')).action(async (opts: Common) => {
    const list = await withOrganisation(opts, (ctx, org) => listAccounts(ctx, org.id));
    printList(
      opts.json,
      'accounts',
      list.map((a) => ({ ...a })),
      (a) => `${String(a['id'])}  ${String(a['number'])}  ${String(a['currency'])}`,
    );
  });
}

function registerReceipt(program: Command): void {
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
        const r = await withOrganisation(opts, async (ctx, org) =>
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
        );
        print(
          opts.json,
          'receipt',
          receiptJson(r),
          `recorded receipt ${r.id} (KZT equivalent ${r.kzt.status})`,
        );
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
        opts.json,
        'receipts',
        list.map((r) => receiptJson(r, cur)),
        (r) =>
          `${String(r['id'])}  ${String(r['receivedOn'])}  ${String(r['amount'] ?? '(no valuation)')} ${String(r['currency'] ?? '')}  KZT ${String((r['kzt'] as Record<string, unknown>)['kzt'] ?? 'missing')}`,
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
