import { writeFileSync } from 'node:fs';
import { deadlinesICalendar, listDeadlines } from '@civic/app';
import type { Command } from 'commander';
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
    .action(
      async (opts: {
        db: string;
        org?: string;
        asOf?: string;
        all?: boolean;
        json?: boolean;
        ics?: boolean;
        out?: string;
      }) => {
        const asOf = asOfOption(opts.asOf);
        await withDb(opts.db, async (ctx) => {
          const r = orFail(
            await listDeadlines(ctx, { organisation: opts.org, asOf, includeMoot: opts.all ?? false }),
          );
          let text: string;
          if (opts.ics) text = deadlinesICalendar(r.deadlines, { now: ctx.now() });
          else if (opts.json) {
            if (!opts.out) return printJson(r);
            text = `${JSON.stringify(r, null, 2)}\n`;
          } else {
            text =
              r.deadlines.length === 0
                ? 'no open deadlines\n'
                : r.deadlines
                    .map(
                      (d) =>
                        `${d.date}  ${d.kind.padEnd(14)} ${d.organisationName} — ${d.summary}${d.passed ? ' (passed)' : ''}${d.status === 'moot' ? ' (moot)' : ''}${d.verified ? '' : ' [unverified]'}\n`,
                    )
                    .join('');
          }
          if (opts.out) writeFileSync(opts.out, text);
          else process.stdout.write(text);
        });
      },
    );
}
