import { OpenContextError } from '@civic/app';
import { CommanderError } from 'commander';
import { createProgram } from './cli-program.ts';
import { capMessage } from '@civic/core';
import { describeErrorIn, errorLang } from './lang/error-report.ts';
import { CliError, errorJson, exitCodeOf, exitWhenDrained, printJson } from './output.ts';

const program = createProgram(errorLang(process.argv.slice(2)));

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
    process.stderr.write(`civic: ${describeErrorIn(error, errorLang(process.argv.slice(2)))}
`);
    if (process.argv.includes('--json')) printJson({ error: errorJson(error) });
    return exitCode;
  }
  process.stderr.write(
    `civic: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  return exitCodeOf('INTERNAL');
}
