import { localCitationsOf, queryDeadline } from '@civic/app';
import { localText } from '@civic/core';
import type { Command } from 'commander';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { deadlineReport } from '../lang/deadline-report.ts';
import { CliError, orFail, printJson } from '../output.ts';

interface DeadlineOptions {
  pack: string;
  from?: string;
  workingDays?: string;
  calendarDays?: string;
  months?: string;
  period?: string;
  obligation?: string;
  weekendsOnly?: boolean;
  lang?: string;
  json?: boolean;
}

export function registerDeadline(program: Command): void {
  program
    .command('deadline')
    .description(
      'compute a due day by a rule pack: N working days from the day after --from, N calendar days, N months or a period',
    )
    .option('--pack <id|file>', 'rule pack id (rules/<id>.yaml) or file', 'kz')
    .option('--from <date>', 'the event day (YYYY-MM-DD): receipt, period end, service of a ruling')
    .option('--working-days <n>', 'count N working days from the day after --from')
    .option('--calendar-days <n>', '--from plus N calendar days (moved off a day off when the pack says so)')
    .option(
      '--months <n>',
      '--from plus N months (month ends clamped; moved off a day off when the pack says so)',
    )
    .option('--period <iso>', '--from plus an ISO 8601 period such as P2M or P10D')
    .option(
      '--obligation <id>',
      "use an obligation's deadline rule and citation (the version in force on --from)",
    )
    .option(
      '--weekends-only',
      'outside the calendar’s years, count weekends only (flagged unverified) instead of failing',
    )
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: DeadlineOptions) => {
      const lang = cliLang(opts.lang);
      if (opts.from === undefined)
        throw new CliError({
          code: 'CLI_OPTION_REQUIRED',
          message: '--from DATE is required',
          field: 'from',
        });
      const report = orFail(
        await queryDeadline({
          pack: opts.pack,
          from: opts.from,
          workingDays: opts.workingDays,
          calendarDays: opts.calendarDays,
          months: opts.months,
          period: opts.period,
          obligation: opts.obligation,
          uncovered: opts.weekendsOnly ? 'weekends-only' : undefined,
        }),
      );
      if (opts.json) {
        // The contract's fields, plus verified and notes; nothing else.
        const { due, counted, skipped, citation, verified, notes } = report;
        printJson({ due, counted, skipped, citation, verified, notes });
        return;
      }
      const cites = localCitationsOf(report.pack);
      const citationOf = (c: string) => {
        const local = cites.get(c);
        return local === undefined ? c : localText(local, lang);
      };
      process.stdout.write(deadlineReport(report, lang, citationOf));
    });
}
