import { readFileSync } from 'node:fs';
import {
  caseCheckView,
  caseFileBaseDir,
  caseSummary,
  caseView,
  checkCase,
  closeContext,
  createCase,
  getCase,
  listCasesOf,
  openContext,
  organisations,
  type AppContext,
} from '@civic/app';
import { parseCalendarDate, type CalendarDate } from '@civic/core';
import { parseCaseFile } from '@civic/formats';
import type { Command } from 'commander';
import { CliError, EXIT_FINDING, EXIT_OK, orFail, printJson } from '../output.ts';
import { caseShowReport, casesReport } from '../lang/case-report.ts';
import { caseCheckReport } from '../lang/claim-report.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { registerObjection } from './objection.command.ts';

/** Opens the database, runs `fn`, and always closes it. */
export async function withDb<T>(db: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(db);
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

export const asOfOption = (text: string | undefined): CalendarDate | undefined =>
  text === undefined ? undefined : orFail(parseCalendarDate(text, 'as-of'));

async function orgNames(ctx: AppContext): Promise<Map<string, string>> {
  return new Map((await organisations(ctx)).map((o) => [o.id, o.name]));
}

export function registerCases(program: Command): void {
  program
    .command('cases')
    .description('list the cases of every organisation (or of one with --org)')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'only this organisation (id, name or BIN)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; org?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      await withDb(opts.db, async (ctx) => {
        const cases = orFail(await listCasesOf(ctx, opts.org));
        const names = await orgNames(ctx);
        const list = cases.map((c) => caseSummary(c, names.get(c.organisationId)));
        if (opts.json) return printJson({ cases: list });
        process.stdout.write(casesReport(list, lang));
      });
    });

  const kase = program
    .command('case')
    .description('one case: show, check, draft an objection, add from a file');
  kase
    .command('show')
    .argument('<id>', 'the case id')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { db: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      await withDb(opts.db, async (ctx) => {
        const c = orFail(await getCase(ctx, id));
        const view = caseView(c, (await orgNames(ctx)).get(c.organisationId), lang);
        if (opts.json) return printJson({ case: view });
        process.stdout.write(caseShowReport(view, lang));
      });
    });
  kase
    .command('check')
    .argument('<id>', 'the case id')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--as-of <date>', 'judge deadlines and open limitation periods on this day (default: today)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .description(
      "check every action of the case against its rule pack and the organisation's records; exit 1 when a finding favours the defence",
    )
    .action(async (id: string, opts: { db: string; asOf?: string; lang?: string; json?: boolean }) => {
      const asOf = asOfOption(opts.asOf);
      const lang = cliLang(opts.lang);
      await withDb(opts.db, async (ctx) => {
        const check = orFail(await checkCase(ctx, id, asOf === undefined ? {} : { asOf }));
        const view = caseCheckView(check, lang);
        if (opts.json) printJson(view);
        else process.stdout.write(caseCheckReport(view, lang));
        process.exitCode = view.favoursDefence ? EXIT_FINDING : EXIT_OK;
      });
    });
  kase
    .command('add')
    .argument('<file>', 'a case file (JSON, see docs/claims.md)')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'the organisation (id, name or BIN); may be left out when the database has one')
    .option('--json', 'print JSON')
    .description('open a case from a case file, with its actions, documents and links')
    .action(async (fileName: string, opts: { db: string; org?: string; json?: boolean }) => {
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(fileName);
      } catch {
        throw new CliError({
          code: 'CASE_FILE_NOT_FOUND',
          message: `cannot read the case file ${fileName}`,
          file: fileName,
        });
      }
      const input = orFail(parseCaseFile(bytes, { fileName }));
      await withDb(opts.db, async (ctx) => {
        const c = orFail(
          await createCase(ctx, input, { organisation: opts.org, baseDir: caseFileBaseDir(fileName) }),
        );
        if (opts.json) printJson({ case: caseView(c) });
        else process.stdout.write(`opened case ${c.id} with ${c.actions.length} actions\n`);
      });
    });
  registerObjection(kase);
}
