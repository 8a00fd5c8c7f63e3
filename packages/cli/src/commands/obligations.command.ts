import { writeFileSync } from 'node:fs';
import { closeContext, listObligations, obligationsCalendar, openContext, type AppContext } from '@civic/app';
import type { Command } from 'commander';
import { labelOf, OBLIGATION_STATUS_LABELS } from '@civic/core';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { obligationsReport } from '../lang/filing-report.ts';
import { CliError, orFail, printJson } from '../output.ts';

interface ObligationsOptions {
  db: string;
  org?: string;
  from?: string;
  to?: string;
  asOf?: string;
  pack?: string;
  dueWithin?: string;
  format?: string;
  ics?: boolean;
  out?: string;
  lang?: string;
  json?: boolean;
}

export async function withContext<T>(db: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(db);
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

function dueWithin(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text))
    throw new CliError({
      code: 'CLI_OPTION_INVALID',
      message: `--due-within "${text}" is not a whole number of days`,
      field: 'due-within',
    });
  return Number(text);
}

export function registerObligations(program: Command): void {
  program
    .command('obligations')
    .description(
      'every obligation (notifications, periodic reports) derived from the ledger and the rule pack, with due days and statuses',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN (default: every organisation)')
    .option('--from <date>', 'obligations whose receipt day or period falls on or after this day')
    .option(
      '--to <date>',
      'obligations whose receipt day or period falls on or before this day (default: --as-of)',
    )
    .option('--as-of <date>', 'the day statuses are computed for (default: today)')
    .option('--pack <id|file>', 'rule pack (default: the pack of the organisation’s country)')
    .option(
      '--due-within <days>',
      'calendar days before the due day an obligation counts as "due" (default 10)',
    )
    .option('--format <format>', 'json or ics')
    .option('--ics', 'print an iCalendar (RFC 5545) of the due days')
    .option('--out <file>', 'write to a file instead of standard output')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: ObligationsOptions) => {
      const lang = cliLang(opts.lang);
      const input = {
        lang,
        org: opts.org,
        from: opts.from,
        to: opts.to,
        asOf: opts.asOf,
        pack: opts.pack,
        dueSoonDays: dueWithin(opts.dueWithin),
      };
      if (opts.format !== undefined && opts.format !== 'json' && opts.format !== 'ics')
        throw new CliError({
          code: 'CLI_OPTION_INVALID',
          message: `--format "${opts.format}" is not json or ics`,
          field: 'format',
        });
      await withContext(opts.db, async (ctx) => {
        if (opts.ics || opts.format === 'ics') {
          const ics = orFail(await obligationsCalendar(ctx, input));
          if (opts.out) writeFileSync(opts.out, ics);
          else process.stdout.write(ics);
          return;
        }
        const list = orFail(await listObligations(ctx, input));
        if (opts.json || opts.format === 'json') {
          const view = {
            asOf: list.asOf,
            obligations: list.obligations.map((o) => ({
              id: o.id,
              organisation: o.organisation,
              obligationId: o.obligationId,
              title: o.title,
              trigger: o.trigger,
              form: o.form,
              period: o.period,
              dueOn: o.dueOn,
              status: o.status,
              label: labelOf(OBLIGATION_STATUS_LABELS, o.status, lang),
              citation: o.citation,
              citationUrl: o.citationUrl,
              verified: o.verified,
              notes: o.notes,
              receiptIds: o.receiptIds,
              filingId: o.filingId,
              submittedOn: o.submittedOn,
            })),
          };
          if (opts.out) writeFileSync(opts.out, `${JSON.stringify(view, null, 2)}\n`);
          else printJson(view);
          return;
        }
        process.stdout.write(obligationsReport(list, lang));
      });
    });
}
