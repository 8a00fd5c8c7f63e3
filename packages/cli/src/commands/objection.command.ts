import { writeFileSync } from 'node:fs';
import { draftObjection } from '@civic/app';
import type { Command } from 'commander';
import { orFail, printJson } from '../output.ts';
import { asOfOption, withDb } from './case.command.ts';

/** `civic case objection ID --db DB --lang ru|kk|en --format docx|pdf --out FILE`. */
export function registerObjection(kase: Command): void {
  kase
    .command('objection')
    .argument('<id>', 'the case id')
    .description('draft an objection (a complaint against the ruling) from the case: DOCX to edit, or PDF')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--lang <lang>', 'ru, kk or en', 'ru')
    .option('--format <format>', 'docx or pdf', 'docx')
    .requiredOption('--out <file>', 'where to write the draft')
    .option('--as-of <date>', 'the date of the draft and of the check (default: today)')
    .option('--to <to>', 'court or higher-official: who the complaint is addressed to', 'court')
    .option('--json', 'print what was written as JSON')
    .action(
      async (
        id: string,
        opts: {
          db: string;
          lang: string;
          format: string;
          out: string;
          asOf?: string;
          to: string;
          json?: boolean;
        },
      ) => {
        const asOf = asOfOption(opts.asOf);
        await withDb(opts.db, async (ctx) => {
          const d = orFail(
            await draftObjection(ctx, id, {
              lang: opts.lang,
              format: opts.format,
              to: opts.to,
              ...(asOf === undefined ? {} : { asOf }),
            }),
          );
          writeFileSync(opts.out, d.bytes);
          if (opts.json)
            printJson({
              out: opts.out,
              format: opts.format,
              lang: opts.lang,
              bytes: d.bytes.byteLength,
              sha256: d.sha256,
              title: d.text.title,
            });
          else process.stdout.write(`wrote ${opts.out} (${d.bytes.byteLength} bytes, sha256 ${d.sha256})\n`);
        });
      },
    );
}
