import { createWriteStream } from 'node:fs';
import {
  exportLedgerJournal,
  JOURNAL_FORMATS,
  JOURNAL_SCOPES,
  ledgerBalance,
  ledgerBalanceJson,
} from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail, printJson } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { balanceReport } from '../lang/record-reports.ts';
import { withOrganisation } from './with-organisation.ts';

function writer(stream: NodeJS.WritableStream): (chunk: string) => Promise<void> {
  return (chunk) =>
    new Promise((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      stream.once('error', onError);
      const done = () => {
        stream.off('error', onError);
        resolve();
      };
      if (stream.write(chunk)) done();
      else stream.once('drain', done);
    });
}

/** The ledger group (shared with other capabilities: found or created). */
export function ledgerGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'ledger') ??
    program.command('ledger').description('the ledger of foreign funding')
  );
}

export function registerLedger(program: Command): void {
  const ledger = ledgerGroup(program);
  ledger
    .command('balance')
    .description(
      'received − spent by grant, source or account at a date; a grant spent beyond what it received is flagged',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .requiredOption('--by <dimension>', 'grant|source|account')
    .option('--at <date>', 'the day (inclusive), YYYY-MM-DD; default: everything recorded')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (opts: { db: string; org?: string; by: string; at?: string; lang?: string; json?: boolean }) => {
        const lang = cliLang(opts.lang);
        const balance = await withOrganisation(opts, async (ctx, org) =>
          orFail(await ledgerBalance(ctx, { org: org.id, by: opts.by, at: opts.at })),
        );
        const view = ledgerBalanceJson(balance);
        if (opts.json) {
          printJson(view);
          return;
        }
        const rows = view['balances'] as Record<string, unknown>[];
        process.stdout.write(balanceReport(balance, rows, lang));
      },
    );
  ledger
    .command('export')
    .description(
      'export the books as a ledger-cli, hledger or beancount journal, or CSV (standard output unless --out)',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .requiredOption('--format <format>', JOURNAL_FORMATS.join('|'))
    .option(
      '--scope <scope>',
      'funding (receipts, expenditures, allocations) or all (every bank line too)',
      'funding',
    )
    .option('--out <file>', 'write to this file instead of standard output')
    .option('--lang <lang>', `${LANG_OPTION_HELP}: the CSV header and row types, the journals' comments`)
    .option('--json', 'report errors as JSON on standard output')
    .action(
      async (opts: {
        db: string;
        org?: string;
        format: string;
        scope: string;
        out?: string;
        lang?: string;
        json?: boolean;
      }) => {
        const lang = cliLang(opts.lang);
        if (!JOURNAL_FORMATS.some((f) => f === opts.format))
          throw new CliError({
            code: 'LEDGER_EXPORT_FORMAT_INVALID',
            message: `--format must be one of ${JOURNAL_FORMATS.join(', ')}, not "${opts.format}"`,
            field: 'format',
          });
        if (!JOURNAL_SCOPES.some((s) => s === opts.scope))
          throw new CliError({
            code: 'LEDGER_EXPORT_SCOPE_INVALID',
            message: `--scope must be one of ${JOURNAL_SCOPES.join(', ')}, not "${opts.scope}"`,
            field: 'scope',
          });
        await withOrganisation(opts, async (ctx, org) => {
          // The file is created only once the organisation is known: bad input leaves no empty file.
          const file = opts.out ? createWriteStream(opts.out) : null;
          try {
            return orFail(
              await exportLedgerJournal(ctx, {
                org: org.id,
                format: opts.format,
                scope: opts.scope,
                lang,
                write: writer(file ?? process.stdout),
              }),
            );
          } finally {
            if (file)
              await new Promise<void>((resolve, reject) =>
                file.end((e?: Error | null) => (e ? reject(e) : resolve())),
              );
          }
        });
      },
    );
}
