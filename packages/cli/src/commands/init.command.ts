import { closeContext, createOrganisation, isStoreEncrypted, openContext, seedDemo } from '@civic/app';
import type { Command } from 'commander';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { createdLine, demoReport } from '../lang/init-report.ts';
import { CliError, orFail, printJson } from '../output.ts';

interface InitOptions {
  db: string;
  org?: string;
  bin?: string;
  demo?: boolean;
  encrypt?: boolean;
  lang?: string;
  json?: boolean;
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('create a database with one organisation, or the demo database with --demo')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <name>', 'the organisation name')
    .option('--bin <bin>', "the organisation's 12-digit BIN")
    .option('--demo', 'create the demo database: the 2020–21 Kazakhstan case')
    .option(
      '--encrypt',
      'create the SQLite file encrypted (key from CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file)',
    )
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: InitOptions) => {
      const lang = cliLang(opts.lang);
      const ctx = await openContext(opts.db, { encrypt: opts.encrypt ?? false });
      if (opts.encrypt && !isStoreEncrypted(ctx)) {
        await closeContext(ctx);
        throw new CliError({
          code: 'CLI_OPTION_CONFLICT',
          message: `${opts.db} already exists unencrypted: convert it with civic encrypt --db`,
          field: 'encrypt',
        });
      }
      try {
        if (opts.demo) {
          const summary = await seedDemo(ctx);
          if (opts.json) printJson(summary);
          else process.stdout.write(demoReport(opts.db, summary, lang));
          return;
        }
        if (!opts.org)
          throw new CliError({
            code: 'CLI_OPTION_REQUIRED',
            message: '--org NAME is required (or --demo)',
            field: 'org',
          });
        const org = orFail(await createOrganisation(ctx, { name: opts.org, bin: opts.bin ?? null }));
        if (opts.json) printJson({ organisation: org });
        else process.stdout.write(createdLine(opts.db, org, lang));
      } finally {
        await closeContext(ctx);
      }
    });
}
