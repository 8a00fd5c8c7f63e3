import { createWriteStream, statSync, type WriteStream } from 'node:fs';
import {
  closeContext,
  exportIncidents,
  fileChunks,
  importIncidents,
  localiseError,
  openContext,
  searchIncidents,
  type IncidentExportFormat,
  type IncidentFileFormat,
  type IncidentViewerInput,
} from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail, printJson } from '../output.ts';
import { INCIDENT_WORDS, progressBar } from '../progress.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import {
  incidentLine,
  incidentsExportedLine,
  incidentsFoundLine,
  incidentsImportReport,
} from '../lang/monitor-reports.ts';

interface FilterFlags {
  from?: string;
  to?: string;
  place?: string;
  action?: string;
  basis?: string;
  org?: string;
  public?: boolean;
  lang?: string;
}

function filters(opts: FilterFlags) {
  return {
    ...(opts.from === undefined ? {} : { from: opts.from }),
    ...(opts.to === undefined ? {} : { to: opts.to }),
    ...(opts.place === undefined ? {} : { place: opts.place }),
    ...(opts.action === undefined ? {} : { action: opts.action }),
    ...(opts.basis === undefined ? {} : { legalBasis: opts.basis }),
    ...(opts.org === undefined ? {} : { organisation: opts.org }),
  };
}

/** The CLI runs as the database's operator and sees every incident, unless --public asks for the public view. */
const viewerOf = (opts: FilterFlags): IncidentViewerInput => (opts.public ? 'public' : 'all');

function addFilterOptions(cmd: Command): Command {
  return cmd
    .option('--from <date>', 'incidents on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'incidents on or before this day (YYYY-MM-DD)')
    .option('--place <place>', 'a place or region, in any spelling the gazetteer knows')
    .option('--action <action>', 'an action type (docs/formats.md) or a synonym')
    .option('--basis <article>', 'a legal basis: the article and its parts ("CoAO 460-1")')
    .option('--org <organisation>', 'the organisation concerned (name, or id in this database)')
    .option('--public', 'only what the public may see (default: everything, as the operator)')
    .option('--lang <lang>', LANG_OPTION_HELP);
}

function wholeNumber(text: string | undefined, field: string, fallback: number): number {
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text.trim()))
    throw new CliError({ code: 'CLI_OPTION_INVALID', message: `--${field} must be a whole number`, field });
  return Number(text.trim());
}

function registerImport(incidents: Command): void {
  incidents
    .command('import <file>')
    .description(
      'import incidents from CSV or JSON (docs/formats.md) in one transaction; a bad row rejects the file',
    )
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--format <format>', 'csv or json (default: from the file name)')
    .option('--visibility <visibility>', 'public (default), network or private')
    .option(
      '--org <organisation>',
      'the owner organisation (id, name or BIN; needed for network/private, may be left out when the database has one)',
    )
    .option('--owner <organisation>', 'the same as --org')
    .option('--lang <lang>', LANG_OPTION_HELP)
    .option('--json', 'print JSON')
    .action(
      async (
        file: string,
        opts: {
          db: string;
          format?: string;
          visibility?: string;
          org?: string;
          owner?: string;
          lang?: string;
          json?: boolean;
        },
      ) => {
        const lang = cliLang(opts.lang);
        if (opts.format !== undefined && opts.format !== 'csv' && opts.format !== 'json') {
          throw new CliError({
            code: 'IMPORT_FORMAT_UNKNOWN',
            message: `--format must be csv or json, not "${opts.format}"`,
            field: 'format',
          });
        }
        let size = 0;
        try {
          size = statSync(file).size;
        } catch {
          throw new CliError({ code: 'IMPORT_FILE_UNREADABLE', message: `cannot read ${file}`, file });
        }
        const ctx = await openContext(opts.db);
        const bar = progressBar(INCIDENT_WORDS, lang);
        try {
          const report = orFail(
            await importIncidents(ctx, {
              // One MiB at a time, as the bench's import reads it (issue 14: the command's 4 MiB
              // stream buffers took its peak RSS over 500 MB at 1M rows where the bench's stayed under).
              bytes: fileChunks(file),
              fileName: file,
              ...(opts.format === undefined ? {} : { format: opts.format satisfies IncidentFileFormat }),
              ...(opts.visibility === undefined ? {} : { visibility: opts.visibility }),
              ...((opts.org ?? opts.owner) === undefined ? {} : { org: opts.org ?? opts.owner }),
              onProgress: (p) => bar.update(p.read),
            }),
          );
          bar.finish();
          const { read, imported, ...rest } = report;
          if (opts.json) printJson({ read, imported, ...rest, bytes: size });
          else
            process.stdout.write(
              incidentsImportReport(
                file,
                report,
                report.warnings.map((w) => ({
                  message: lang === 'en' ? w.message : localiseError(w, lang),
                  line: w.line,
                })),
                lang,
              ),
            );
        } finally {
          await closeContext(ctx);
        }
      },
    );
}

function registerExport(incidents: Command): void {
  addFilterOptions(
    incidents
      .command('export')
      .description('export incidents as CSV (the import columns), JSON, or ACLED-compatible CSV')
      .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
      .requiredOption('--format <format>', 'csv, json or acled')
      .option('--out <file>', 'write to this file (default: standard output)')
      .option('--q <query>', 'only incidents matching this full-text query'),
  )
    .option('--json', 'with --out: print a JSON summary')
    .action(
      async (
        opts: FilterFlags & { db: string; format: string; out?: string; q?: string; json?: boolean },
      ) => {
        if (opts.format !== 'csv' && opts.format !== 'json' && opts.format !== 'acled') {
          throw new CliError({
            code: 'EXPORT_FORMAT_UNKNOWN',
            message: `--format must be csv, json or acled, not "${opts.format}"`,
            field: 'format',
          });
        }
        const format: IncidentExportFormat = opts.format;
        const ctx = await openContext(opts.db);
        let out: WriteStream | undefined;
        try {
          out = opts.out === undefined ? undefined : createWriteStream(opts.out);
          const sink = out ?? process.stdout;
          const write = (chunk: string) =>
            new Promise<void>((resolve, reject) => {
              sink.write(chunk, (e) => (e ? reject(e) : resolve()));
            });
          const report = orFail(
            await exportIncidents(ctx, {
              format,
              viewer: viewerOf(opts),
              filters: { ...filters(opts), ...(opts.q === undefined ? {} : { q: opts.q }) },
              write,
            }),
          );
          if (out) await new Promise<void>((resolve) => out?.end(resolve));
          if (opts.out !== undefined) {
            if (opts.json) printJson({ format, count: report.count, out: opts.out });
            else process.stderr.write(incidentsExportedLine(report.count, opts.out, cliLang(opts.lang)));
          }
        } finally {
          await closeContext(ctx);
        }
      },
    );
}

function registerSearch(incidents: Command): void {
  addFilterOptions(
    incidents
      .command('search [query]')
      .description(
        'full-text search over organisation, place, authority, legal basis, outcome and notes, with filters; newest first',
      )
      .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
      .option('--limit <n>', 'page size (default 50, at most 1000)')
      .option('--offset <n>', 'skip this many matches'),
  )
    .option('--json', 'print JSON')
    .action(
      async (
        query: string | undefined,
        opts: FilterFlags & { db: string; limit?: string; offset?: string; json?: boolean },
      ) => {
        const ctx = await openContext(opts.db);
        try {
          const result = orFail(
            await searchIncidents(ctx, {
              ...filters(opts),
              ...(query === undefined ? {} : { q: query }),
              limit: wholeNumber(opts.limit, 'limit', 50),
              offset: wholeNumber(opts.offset, 'offset', 0),
              viewer: viewerOf(opts),
              withTotal: true,
            }),
          );
          if (opts.json) {
            printJson({
              total: result.total ?? result.incidents.length,
              count: result.incidents.length,
              limit: result.limit,
              offset: result.offset,
              hasMore: result.hasMore,
              incidents: result.incidents,
            });
          } else {
            const lang = cliLang(opts.lang);
            for (const i of result.incidents) process.stdout.write(`${incidentLine(i, lang)}\n`);
            process.stdout.write(incidentsFoundLine(result.incidents.length, result.total, lang));
          }
        } finally {
          await closeContext(ctx);
        }
      },
    );
}

export function registerIncidents(program: Command): void {
  const incidents = program
    .command('incidents')
    .description('incidents of pressure on civic space: import, export, search');
  registerImport(incidents);
  registerExport(incidents);
  registerSearch(incidents);
}
