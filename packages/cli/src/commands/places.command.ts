import { findPlace, suggestPlaces } from '@civic/core';
import type { Command } from 'commander';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { placeLine } from '../lang/places-report.ts';
import { CliError, printJson } from '../output.ts';

export function registerPlaces(program: Command): void {
  const places = program.command('places').description('the bundled gazetteer of Kazakhstan');
  places
    .command('find <name>')
    .description(
      'a place by any of its names (Kazakh, Russian, English, old and new); an unknown place is reported, never guessed',
    )
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action((name: string, opts: { lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const place = findPlace(name);
      if (place === null) {
        const suggestions = suggestPlaces(name);
        const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
        throw new CliError({
          code: 'PLACE_UNKNOWN',
          message: `"${name}" is not in the gazetteer${hint}`,
          field: 'name',
          details: { suggestions },
        });
      }
      if (opts.json) printJson(place);
      else process.stdout.write(placeLine(place, lang));
    });
}
