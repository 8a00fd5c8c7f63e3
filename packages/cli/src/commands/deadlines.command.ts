import { writeFileSync } from 'node:fs';
import { deadlinesICalendar, listDeadlines } from '@civic/app';
import { DEADLINE_KIND_LABELS, deadlineSummary, labelOf } from '@civic/core';
import type { Command } from 'commander';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { deadlinesReport } from '../lang/deadline-report.ts';
import { orFail, printJson } from '../output.ts';
import { asOfOption, withDb } from './case.command.ts';

export function registerDeadlines(program: Command): void {
  program
    .command('deadlines')
    .description(
      'every open deadline of every case (appeals, hearings, ends of suspensions, limitation), across organisations',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'only this organisation (id, name or BIN)')
    .option('--as-of <date>', 'mark deadlines before this day as passed (default: today)')
    .option('--all', 'include deadlines a later action made moot and those of closed cases')
    .option('--json', 'print JSON')
    .option('--ics', 'print an iCalendar feed (RFC 5545)')
    .option('--out <file>', 'write the output to a file instead of standard output')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .action(
      async (opts: {
        db: string;
        org?: string;
        asOf?: string;
        all?: boolean;
        json?: boolean;
        ics?: boolean;
        out?: string;
        lang?: string;
      }) => {
        const asOf = asOfOption(opts.asOf);
        const lang = cliLang(opts.lang);
        await withDb(opts.db, async (ctx) => {
          const r = orFail(
            await listDeadlines(ctx, { organisation: opts.org, asOf, includeMoot: opts.all ?? false }),
          );
          let text: string;
          if (opts.ics) text = deadlinesICalendar(r.deadlines, { now: ctx.now(), lang });
          else if (opts.json) {
            // Codes stay; each deadline adds its kind's label and its summary in the language.
            const view = {
              ...r,
              deadlines: r.deadlines.map((d) => ({
                ...d,
                label: labelOf(DEADLINE_KIND_LABELS, d.kind, lang),
                message: deadlineSummary(d, lang),
              })),
            };
            if (!opts.out) return printJson(view);
            text = `${JSON.stringify(view, null, 2)}\n`;
          } else {
            text = deadlinesReport(r.deadlines, lang);
          }
          if (opts.out) writeFileSync(opts.out, text);
          else process.stdout.write(text);
        });
      },
    );
}
