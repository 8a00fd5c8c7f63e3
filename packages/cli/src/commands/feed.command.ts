import { writeFileSync } from 'node:fs';
import { atomFeed, closeContext, openContext } from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';

export function registerFeed(program: Command): void {
  program
    .command('feed')
    .description('the Atom feed of published briefs and public incidents')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--out <file>', 'write the feed to a file instead of standard output')
    .option('--base-url <url>', "the site's public address for links", 'http://localhost:8080')
    .option(
      '--lang <lang>',
      `${LANG_OPTION_HELP}: the feed's title and incident titles (xml:lang), briefs in their own language`,
    )
    .action(async (opts: { db: string; out?: string; baseUrl: string; lang?: string }) => {
      const lang = cliLang(opts.lang);
      const ctx = await openContext(opts.db);
      try {
        const xml = orFail(await atomFeed(ctx, { baseUrl: opts.baseUrl, lang }));
        if (!opts.out) {
          process.stdout.write(xml);
          return;
        }
        try {
          writeFileSync(opts.out, xml);
        } catch {
          throw new CliError({
            code: 'FEED_OUT_UNWRITABLE',
            message: `cannot write ${opts.out}`,
            file: opts.out,
            field: 'out',
          });
        }
      } finally {
        await closeContext(ctx);
      }
    });
}
