import { readFileSync } from 'node:fs';
import {
  closeContext,
  detectWavesInDatabase,
  detectWavesInIncidents,
  incidentsFromCsv,
  openContext,
  reportedWaves,
  waveJson,
  type WaveDetectionOptions,
  type WaveDetectionReport,
} from '@civic/app';
import { localDateAt, UTC_ZONE } from '@civic/core';
import type { Command } from 'commander';
import { CliError, orFail, printJson } from '../output.ts';
import { progressBar, REPLICATE_WORDS } from '../progress.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { wavesReport } from '../lang/monitor-reports.ts';

/** Options shared by `waves detect` and `brief create`: how the scan runs. */
export interface ScanFlags {
  seed?: string;
  replications?: string;
  from?: string;
  to?: string;
  minOrganisations?: string;
  minPlaces?: string;
}

/** Whole numbers only ("12", not "1e1" or "12.0"); anything else becomes NaN and is refused by app with its code. */
const wholeNumber = (text: string | undefined): number | undefined =>
  text === undefined ? undefined : /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;

export function scanOptions(flags: ScanFlags): WaveDetectionOptions {
  const seed = wholeNumber(flags.seed);
  const replications = wholeNumber(flags.replications);
  const minOrganisations = wholeNumber(flags.minOrganisations);
  const minPlaces = wholeNumber(flags.minPlaces);
  return {
    ...(seed !== undefined ? { seed } : {}),
    ...(replications !== undefined ? { replications } : {}),
    ...(flags.from !== undefined ? { from: flags.from } : {}),
    ...(flags.to !== undefined ? { to: flags.to } : {}),
    ...(minOrganisations !== undefined ? { minOrganisations } : {}),
    ...(minPlaces !== undefined ? { minPlaces } : {}),
  };
}

export function addScanOptions(cmd: Command): Command {
  return cmd
    .option('--seed <n>', 'seed of the Monte Carlo replicates (default 1): same data and seed, same p-values')
    .option('--replications <r>', 'Monte Carlo replications (default 999)')
    .option('--from <date>', 'study period: first day (YYYY-MM-DD)')
    .option('--to <date>', 'study period: last day (YYYY-MM-DD)')
    .option('--min-organisations <n>', 'organisations a wave needs to be called coordinated (default 3)')
    .option('--min-places <n>', 'places a wave needs to be called coordinated (default 2)');
}

export function registerWaves(program: Command): void {
  const waves = program
    .command('waves')
    .description('coordinated waves of actions across organisations and places');
  addScanOptions(
    waves
      .command('detect')
      .description(
        'find clusters of similar actions against several organisations in several places within a short time (space–time permutation scan, docs/waves.md)',
      )
      .option('--input <file>', 'an incident CSV (columns in docs/formats.md)')
      .option('--db <db>', 'SQLite file or postgres:// URL'),
  )
    .option('--all', 'every wave found, not only the significant (p < 0.05) coordinated ones')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        opts: ScanFlags & { input?: string; db?: string; all?: boolean; lang?: string; json?: boolean },
      ) => {
        const lang = cliLang(opts.lang);
        if (opts.input && opts.db)
          throw new CliError({
            code: 'WAVES_INPUT_CONFLICT',
            message: 'give --input FILE or --db DB, not both',
            field: 'input',
          });
        if (!opts.input && !opts.db)
          throw new CliError({
            code: 'CLI_OPTION_REQUIRED',
            message: '--input FILE.csv or --db DB is required',
            field: 'input',
          });
        const bar = progressBar(REPLICATE_WORDS, lang);
        const options: WaveDetectionOptions = {
          ...scanOptions(opts),
          onProgress: (done, total) => bar.update(done, total),
        };
        let report: WaveDetectionReport;
        if (opts.input) {
          let bytes: Uint8Array;
          try {
            bytes = readFileSync(opts.input);
          } catch {
            throw new CliError({
              code: 'WAVES_INPUT_NOT_FOUND',
              message: `cannot read ${opts.input}`,
              file: opts.input,
              field: 'input',
            });
          }
          report = orFail(
            await detectWavesInIncidents(
              orFail(incidentsFromCsv(bytes, opts.input, localDateAt(new Date(), UTC_ZONE))),
              options,
            ),
          );
        } else {
          const ctx = await openContext(opts.db ?? '');
          try {
            report = orFail(await detectWavesInDatabase(ctx, options));
          } finally {
            await closeContext(ctx);
          }
        }
        bar.finish();
        const shown = reportedWaves(report.waves, opts.all ?? false);
        if (opts.json) {
          printJson({ waves: shown.map(waveJson) });
          return;
        }
        process.stdout.write(wavesReport(shown, report, opts.all ?? false, lang));
      },
    );
}
