import type { Locale } from '@civic/core';
import { Help, type Argument, type Command, type Option } from 'commander';
import { helpText, helpTitle, localisePlaceholders } from './help-words.ts';

/**
 * Commander's help in the person's language: section titles, descriptions (help-words.ts), the
 * placeholders of the synopsis and the extra information of an option ("default: …"). Option and
 * command names stay as they are: they are what the person types.
 */
export class LocalisedHelp extends Help {
  constructor(private readonly lang: Locale) {
    super();
  }

  override styleTitle(title: string): string {
    return super.styleTitle(helpTitle(this.lang, title));
  }

  override commandUsage(cmd: Command): string {
    return localisePlaceholders(this.lang, super.commandUsage(cmd));
  }

  override commandDescription(cmd: Command): string {
    return helpText(this.lang, super.commandDescription(cmd));
  }

  override subcommandDescription(cmd: Command): string {
    return helpText(this.lang, super.subcommandDescription(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return localisePlaceholders(this.lang, super.subcommandTerm(cmd));
  }

  override optionTerm(option: Option): string {
    return localisePlaceholders(this.lang, super.optionTerm(option));
  }

  override argumentTerm(argument: Argument): string {
    return localisePlaceholders(this.lang, `<${super.argumentTerm(argument)}>`).slice(1, -1);
  }

  override optionDescription(option: Option): string {
    if (this.lang === 'en') return super.optionDescription(option);
    const extra: string[] = [];
    if (option.argChoices)
      extra.push(`${helpTitle(this.lang, 'choices')}: ${option.argChoices.map((c) => `«${c}»`).join(', ')}`);
    const showDefault =
      option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault)
      extra.push(`${helpTitle(this.lang, 'default')}: ${defaultText(option.defaultValue)}`);
    if (option.envVar !== undefined) extra.push(`${helpTitle(this.lang, 'env')}: ${option.envVar}`);
    const description = helpText(this.lang, option.description);
    return extra.length === 0 ? description : `${description} (${extra.join(', ')})`.trim();
  }

  override argumentDescription(argument: Argument): string {
    return helpText(this.lang, argument.description);
  }
}

/** A default value as the person would type it (no JSON quotes; a list by its items). */
function defaultText(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map(String).join(', ');
  return typeof value === 'string' ? `«${value}»` : String(value);
}
