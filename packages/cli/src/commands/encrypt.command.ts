import { encryptDatabase } from '@civic/app';
import type { Command } from 'commander';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { encryptedLine } from '../lang/safety-report.ts';
import { orFail, printJson } from '../output.ts';

/** `civic encrypt --db DB`: a plain SQLite database becomes an encrypted one, in place and safely. */
export function registerEncrypt(program: Command): void {
  program
    .command('encrypt')
    .description(
      'encrypt a plain SQLite database in place (stop the server first); the key from --key-file, CIVIC_DB_KEY_FILE or CIVIC_DB_KEY',
    )
    .requiredOption('--db <db>', 'SQLite file')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; lang?: string; json?: boolean }, cmd: Command) => {
      const lang = cliLang(opts.lang);
      const { keyFile } = cmd.optsWithGlobals<{ keyFile?: string }>();
      const summary = orFail(await encryptDatabase(opts.db, keyFile !== undefined ? { keyFile } : {}));
      if (opts.json) printJson({ encrypted: true, ...summary });
      else process.stdout.write(encryptedLine(summary, lang));
    });
}
