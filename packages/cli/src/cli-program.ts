import { setDefaultKeyFile } from '@civic/app';
import type { Locale } from '@civic/core';
import type { Command } from 'commander';
import { CivicCommand } from './civic-command.ts';
import { setCliActorName } from './cli-actor.ts';
import { registerCommands } from './commands/index.ts';
import { helpText } from './lang/help/help-words.ts';

/** The line after the program's help: how the language of the printed text is chosen. */
export const LANGUAGE_HELP =
  'Language: commands with --lang print their text in ru, kk or en; without it CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG (ru_*, kk_*), else en.';

/**
 * The `civic` program with every command; main.ts parses the process's arguments with it, tests
 * their own. `lang` is the language of its help and usage errors (main.ts: `errorLang` of the
 * arguments, as for every other error line).
 */
export function createProgram(lang: Locale = 'en'): Command {
  const program = new CivicCommand('civic', lang)
    .description('CivicLedger: foreign-funding compliance, legal defence and monitoring')
    .version('0.1.0')
    .showHelpAfterError()
    .option('--key-file <file>', 'key file of an encrypted database (else CIVIC_DB_KEY_FILE or CIVIC_DB_KEY)')
    .option(
      '--actor <name>',
      'who makes the changes, for the audit trail (default: the operating-system user)',
    )
    .addHelpText('after', `\n${helpText(lang, LANGUAGE_HELP)}`)
    .exitOverride();

  // --key-file is taken by every command (before or after the command's name): whatever opens a
  // database reads it through @civic/app.
  program.hook('preAction', () => {
    const { keyFile, actor } = program.opts<{ keyFile?: string; actor?: string }>();
    setDefaultKeyFile(keyFile);
    setCliActorName(actor);
  });

  registerCommands(program);
  return program;
}
