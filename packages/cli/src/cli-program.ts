import { setDefaultKeyFile } from '@civic/app';
import { Command } from 'commander';
import { setCliActorName } from './cli-actor.ts';
import { registerCommands } from './commands/index.ts';

/** The `civic` program with every command; main.ts parses the process's arguments with it, tests their own. */
export function createProgram(): Command {
  const program = new Command('civic')
    .description('CivicLedger: foreign-funding compliance, legal defence and monitoring')
    .version('0.1.0')
    .showHelpAfterError()
    .option('--key-file <file>', 'key file of an encrypted database (else CIVIC_DB_KEY_FILE or CIVIC_DB_KEY)')
    .option(
      '--actor <name>',
      'who makes the changes, for the audit trail (default: the operating-system user)',
    )
    .addHelpText(
      'after',
      '\nLanguage: commands with --lang print their text in ru, kk or en; without it CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG (ru_*, kk_*), else en.',
    )
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
