import { OpenContextError, setDefaultKeyFile } from '@civic/app';
import { Command, CommanderError } from 'commander';
import { setCliActorName } from './cli-actor.ts';
import { registerCommands } from './commands/index.ts';
import { capMessage } from '@civic/core';
import { CliError, describeError, exitCodeOf, exitWhenDrained, printJson } from './output.ts';

const program = new Command('civic')
  .description('CivicLedger: foreign-funding compliance, legal defence and monitoring')
  .version('0.1.0')
  .showHelpAfterError()
  .option('--key-file <file>', 'key file of an encrypted database (else CIVIC_DB_KEY_FILE or CIVIC_DB_KEY)')
  .option('--actor <name>', 'who makes the changes, for the audit trail (default: the operating-system user)')
  .exitOverride();

// --key-file is taken by every command (before or after the command's name): whatever opens a
// database reads it through @civic/app.
program.hook('preAction', () => {
  const { keyFile, actor } = program.opts<{ keyFile?: string; actor?: string }>();
  setDefaultKeyFile(keyFile);
  setCliActorName(actor);
});

registerCommands(program);

try {
  await program.parseAsync(process.argv);
  await exitWhenDrained(typeof process.exitCode === 'number' ? process.exitCode : 0);
} catch (e) {
  await exitWhenDrained(report(e));
}

/** Writes what went wrong (on stderr; as JSON on stdout with --json) and gives the exit code. */
function report(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; a usage error is bad input (a missing option or
    // argument, else an option or argument commander cannot take), with the table's exit code.
    if (e.exitCode === 0) return 0;
    const missing =
      e.code === 'commander.missingMandatoryOptionValue' ||
      e.code === 'commander.optionMissingArgument' ||
      e.code === 'commander.missingArgument';
    return exitCodeOf(missing ? 'CLI_OPTION_REQUIRED' : 'CLI_OPTION_INVALID');
  }
  if (e instanceof CliError || e instanceof OpenContextError) {
    const exitCode = e instanceof CliError ? e.exitCode : exitCodeOf(e.error.code);
    const error = { ...e.error, message: capMessage(e.error.message) };
    process.stderr.write(`civic: ${describeError(error)}
`);
    if (process.argv.includes('--json')) printJson({ error });
    return exitCode;
  }
  process.stderr.write(
    `civic: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return exitCodeOf('INTERNAL');
}
