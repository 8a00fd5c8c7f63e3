import { changeDatabaseKey, type ChangeKeyOptions } from '@civic/app';
import type { Command } from 'commander';
import { orFail, printJson } from '../output.ts';
import { promptSecret } from '../prompt-secret.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { keyChangedLine, secretPrompt } from '../lang/safety-report.ts';

interface KeyChangeOptions {
  db: string;
  newKeyFile?: string;
  lang?: string;
  json?: boolean;
}

const has = (v: string | undefined): boolean => v !== undefined && v !== '';

/**
 * `civic key change --db DB`: the old key from --key-file / CIVIC_DB_KEY_FILE / CIVIC_DB_KEY, the new
 * one from --new-key-file / CIVIC_DB_NEW_KEY_FILE / CIVIC_DB_NEW_KEY; either is asked for (not echoed)
 * on a terminal when none is given.
 */
export function registerKey(program: Command): void {
  const key = program.command('key').description('the key of an encrypted database');
  key
    .command('change')
    .description('rewrap the database key under a new passphrase or key file (the database is not rewritten)')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL (there, the key of the stored files)')
    .option('--new-key-file <file>', 'the new key file (else CIVIC_DB_NEW_KEY_FILE or CIVIC_DB_NEW_KEY)')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: KeyChangeOptions, cmd: Command) => {
      const { keyFile } = cmd.optsWithGlobals<{ keyFile?: string }>();
      const env = process.env;
      const lang = cliLang(opts.lang);
      const options: ChangeKeyOptions = {
        ...(keyFile !== undefined ? { keyFile } : {}),
        ...(opts.newKeyFile !== undefined ? { newKeyFile: opts.newKeyFile } : {}),
        ...(keyFile === undefined &&
        !has(env['CIVIC_DB_KEY_FILE']) &&
        !has(env['CIVIC_DB_KEY']) &&
        process.stdin.isTTY
          ? { oldSecret: await promptSecret(secretPrompt(lang, 'currentPassphrase')) }
          : {}),
        ...(opts.newKeyFile === undefined &&
        !has(env['CIVIC_DB_NEW_KEY_FILE']) &&
        !has(env['CIVIC_DB_NEW_KEY']) &&
        process.stdin.isTTY
          ? { newSecret: await promptSecret(secretPrompt(lang, 'newPassphrase')) }
          : {}),
      };
      const r = orFail(await changeDatabaseKey(opts.db, options));
      if (opts.json) printJson({ changed: true, database: r.database });
      else process.stdout.write(keyChangedLine(r.database, lang));
    });
}
