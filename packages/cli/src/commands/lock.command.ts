import { closeContext, lockInstance, openContext } from '@civic/app';
import type { Command } from 'commander';
import { cliActor } from '../cli-actor.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { lockedReport } from '../lang/safety-report.ts';
import { orFail, printJson } from '../output.ts';

/**
 * `civic lock --db DB [--json]`: "lock now" from a shell. Ends every session and marks the instance
 * locked in the database; a running server sees the mark within seconds (on its next request at the
 * latest), drops its keys and answers INSTANCE_LOCKED until it is restarted with the key. Works with
 * no server running too: the next start needs the key, and that start clears the mark.
 */
export function registerLock(program: Command): void {
  program
    .command('lock')
    .description(
      'lock the instance now: end every session, make the server drop its keys (nothing is deleted)',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const ctx = await openContext(opts.db);
      try {
        const r = orFail(await lockInstance(ctx, cliActor()));
        if (opts.json) printJson(r);
        else process.stdout.write(lockedReport(r.sessionsEnded, lang));
      } finally {
        await closeContext(ctx);
      }
    });
}
