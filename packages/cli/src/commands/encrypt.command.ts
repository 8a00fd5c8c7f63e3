import { encryptDatabase } from '@civic/app';
import type { Command } from 'commander';
import { orFail, printJson } from '../output.ts';

/** `civic encrypt --db DB`: a plain SQLite database becomes an encrypted one, in place and safely. */
export function registerEncrypt(program: Command): void {
  program
    .command('encrypt')
    .description(
      'encrypt a plain SQLite database in place (stop the server first); the key from --key-file, CIVIC_DB_KEY_FILE or CIVIC_DB_KEY',
    )
    .requiredOption('--db <db>', 'SQLite file')
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; json?: boolean }, cmd: Command) => {
      const { keyFile } = cmd.optsWithGlobals<{ keyFile?: string }>();
      const summary = orFail(await encryptDatabase(opts.db, keyFile !== undefined ? { keyFile } : {}));
      if (opts.json) printJson({ encrypted: true, ...summary });
      else
        process.stdout.write(
          `${summary.database} is encrypted (${summary.tables} tables, ${summary.rows} rows checked). ` +
            `Keep its key away from this machine; the file ${summary.database}.wrapped-key must stay beside it.\n`,
        );
    });
}
