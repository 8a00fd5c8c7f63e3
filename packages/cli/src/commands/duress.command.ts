import {
  clearDuressPassword,
  closeContext,
  duressStatus,
  openContext,
  setDuressPassword,
  type AppContext,
  type DuressStatus,
} from '@civic/app';
import type { Command } from 'commander';
import { cliActor } from '../cli-actor.ts';
import { CliError, orFail, printJson } from '../output.ts';
import { promptSecret } from '../prompt-secret.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { duressDoneLine, duressStatusLine, secretPrompt } from '../lang/safety-report.ts';
import type { Locale } from '@civic/core';

/** Where `civic duress set` reads the password when no other variable is named. */
export const DURESS_PASSWORD_ENV = 'CIVIC_DURESS_PASSWORD';

async function withDb<T>(db: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(db);
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

/** The password: the environment variable, else standard input (asked, not echoed, on a terminal). */
async function readPassword(variable: string, lang: Locale): Promise<string> {
  const fromEnv = process.env[variable];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (process.stdin.isTTY) return (await promptSecret(secretPrompt(lang, 'duressPassword'))).toString('utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Uint8Array));
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
  if (text === '')
    throw new CliError({
      code: 'CLI_OPTION_REQUIRED',
      message: `give the duress password on standard input or in ${variable}`,
      field: 'password',
    });
  return text;
}

function print(status: DuressStatus, json: boolean, line: string): void {
  if (json) printJson(status);
  else process.stdout.write(line);
}

/**
 * `civic duress set|clear|status --db DB`: the instance's duress password (issue 15), off by
 * default. Signing in with it opens an empty decoy organisation and locks the real instance.
 */
export function registerDuress(program: Command): void {
  const duress = program
    .command('duress')
    .description(
      'the duress password: signing in with it shows an empty organisation and locks the instance',
    );
  duress
    .command('set')
    .description(`set it (read from ${DURESS_PASSWORD_ENV} or standard input; never an account's password)`)
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--password-env <var>', 'the environment variable holding it', DURESS_PASSWORD_ENV)
    .option(
      '--decoy-name <name>',
      "the decoy organisation's name (default: the signing-in user's first organisation's)",
    )
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (opts: {
        db: string;
        passwordEnv: string;
        decoyName?: string;
        lang?: string;
        json?: boolean;
      }) => {
        const lang = cliLang(opts.lang);
        const password = await readPassword(opts.passwordEnv, lang);
        const s = await withDb(opts.db, async (ctx) =>
          orFail(await setDuressPassword(ctx, cliActor(), { password, decoyName: opts.decoyName ?? null })),
        );
        print(s, opts.json === true, duressDoneLine('set', lang));
      },
    );
  duress
    .command('clear')
    .description('turn it off')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const s = await withDb(opts.db, async (ctx) => orFail(await clearDuressPassword(ctx, cliActor())));
      print(s, opts.json === true, duressDoneLine('clear', lang));
    });
  duress
    .command('status')
    .description('whether one is set')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const s = await withDb(opts.db, (ctx) => duressStatus(ctx));
      print(s, opts.json === true, duressStatusLine(s, lang));
    });
}
