import type { Locale } from '@civic/core';
import { Command, type ErrorOptions } from 'commander';
import { LocalisedHelp } from './lang/help/localised-help.ts';
import { localiseUsageError } from './lang/help/usage-error.ts';

/**
 * A `civic` command whose help and usage errors speak the person's language (the one `cliLang`
 * chooses, read from the raw arguments before commander parses them). Its subcommands are made
 * the same way, so every command registered under the program inherits the language.
 */
export class CivicCommand extends Command {
  constructor(
    name: string | undefined,
    readonly lang: Locale,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new CivicCommand(name, this.lang);
  }

  override createHelp(): LocalisedHelp {
    return Object.assign(new LocalisedHelp(this.lang), this.configureHelp());
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    return super.error(localiseUsageError(message, errorOptions?.code, this.lang), errorOptions);
  }
}
