import { organisationKey, renameOrganisation, setOrganisationAliases, setOrganisationBin } from '@civic/app';
import type { Command } from 'commander';
import { orFail, printJson } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { aliasesLine, orgBinLine, orgNameLine, signingKeyReport } from '../lang/monitor-reports.ts';
import { withContext } from './obligations.command.ts';
import { withOrganisation } from './with-organisation.ts';

/**
 * `civic org aliases` (other spellings of the name), `civic org name` (its name corrected, the old
 * one kept as an alias), `civic org bin` (the BIN filings print) and `civic org key` (the public
 * signing key).
 */
export function registerOrg(program: Command): void {
  const org = program.command('org').description("an organisation's record");
  org
    .command('aliases [names...]')
    .description(
      "the organisation's other names (Latin and Cyrillic spellings such as Эхо for Echo, former names): with names, replaces them and re-indexes its incidents; without, prints them",
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN (optional with one organisation)')
    .option('--clear', 'remove every alias')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        names: string[],
        opts: { db: string; org?: string; clear?: boolean; lang?: string; json?: boolean },
      ) => {
        const lang = cliLang(opts.lang);
        await withOrganisation(opts, async (ctx, o) => {
          if (names.length === 0 && !opts.clear) {
            if (opts.json) printJson({ organisation: o, reindexed: 0 });
            else process.stdout.write(aliasesLine(o.name, o.aliases, null, lang));
            return;
          }
          const r = orFail(await setOrganisationAliases(ctx, o.id, opts.clear ? [] : names));
          if (opts.json) printJson(r);
          else
            process.stdout.write(aliasesLine(r.organisation.name, r.organisation.aliases, r.reindexed, lang));
        });
      },
    );
  org
    .command('bin [bin]')
    .description(
      "the organisation's BIN: with a number, sets or corrects it (12 digits, control digit checked; audited); with --clear, removes it; without, prints it",
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN (optional with one organisation)')
    .option('--clear', 'remove the BIN')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        bin: string | undefined,
        opts: { db: string; org?: string; clear?: boolean; lang?: string; json?: boolean },
      ) => {
        const lang = cliLang(opts.lang);
        await withOrganisation(opts, async (ctx, o) => {
          if (bin === undefined && !opts.clear) {
            if (opts.json) printJson({ organisation: o });
            else process.stdout.write(orgBinLine(o.name, o.bin, undefined, lang));
            return;
          }
          const r = orFail(await setOrganisationBin(ctx, o.id, opts.clear ? null : (bin ?? null)));
          if (opts.json) printJson(r);
          else process.stdout.write(orgBinLine(r.organisation.name, r.organisation.bin, r.before, lang));
        });
      },
    );
  org
    .command('name [name]')
    .description(
      "the organisation's name: with a name, corrects it (the old name stays among its aliases; audited); without, prints it",
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN (optional with one organisation)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (name: string | undefined, opts: { db: string; org?: string; lang?: string; json?: boolean }) => {
        const lang = cliLang(opts.lang);
        await withOrganisation(opts, async (ctx, o) => {
          if (name === undefined) {
            if (opts.json) printJson({ organisation: o });
            else process.stdout.write(orgNameLine(o.name, undefined, lang));
            return;
          }
          const r = orFail(await renameOrganisation(ctx, o.id, name));
          if (opts.json) printJson(r);
          else process.stdout.write(orgNameLine(r.organisation.name, r.before, lang));
        });
      },
    );
  org
    .command('key')
    .description(
      "print the organisation's public signing key and its fingerprint (made on first need): publish the fingerprint so that readers of its bundles can compare it",
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; org?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const k = await withContext(opts.db, async (ctx) => orFail(await organisationKey(ctx, opts.org)));
      if (opts.json) printJson({ fingerprint: k.fingerprint, publicKey: k.publicKey });
      else process.stdout.write(signingKeyReport(k.organisation.name, k.fingerprint, k.publicKey, lang));
    });
}
