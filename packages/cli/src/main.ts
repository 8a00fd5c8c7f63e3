import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.ts';
import { CliError, describeError, EXIT_BAD_INPUT, printJson } from './output.ts';

const program = new Command('civic')
  .description('CivicLedger: foreign-funding compliance, legal defence and monitoring')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; a usage error is bad input.
    process.exit(e.exitCode === 0 ? 0 : EXIT_BAD_INPUT);
  }
  if (e instanceof CliError) {
    process.stderr.write(`civic: ${describeError(e.error)}\n`);
    if (process.argv.includes('--json')) printJson({ error: e.error });
    process.exit(e.exitCode);
  }
  process.stderr.write(`civic: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(70);
}
