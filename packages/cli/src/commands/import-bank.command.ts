import { basename } from 'node:path';
import {
  withAudit,
  BANK_FORMATS,
  closeContext,
  fileChunks,
  importBankJson,
  importBankStatement,
  UNKNOWN_FIELDS_HEAD_BYTES,
  importFailureWithUnknownFields,
  importRates,
  localiseWarning,
  openContext,
  parseAliases,
  saveAliases,
  type BankFormatName,
} from '@civic/app';
import type { Command } from 'commander';
import { CliError, orFail, printJson } from '../output.ts';
import { importWords, progressBar } from '../progress.ts';
import { cliActor } from '../cli-actor.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { importBankReport, importWarningLine } from '../lang/record-reports.ts';
import { ratesReport } from '../lang/rates-report.ts';
import { runDryRun } from './import-bank-dry-run.ts';
import {
  inputFileSize,
  readFileHead,
  readInputFile,
  readJsonFile,
  withOrganisation,
} from './with-organisation.ts';

/** The `civic import` group (shared with other importers: found or created). */
export function importGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import files into the database')
  );
}

interface ImportBankOptions {
  db: string;
  org?: string;
  format?: string;
  mapping?: string;
  mappingName?: string;
  currency?: string;
  aliases?: string;
  saveAliases?: boolean;
  json?: boolean;
  dryRun?: boolean;
  acceptUnbalanced?: boolean;
  lang?: string;
}

export function registerImportBank(program: Command): void {
  importGroup(program)
    .command('bank')
    .description(
      'import a bank statement (1C, CSV, CAMT.053, MT940) in one transaction; re-importing adds nothing',
    )
    .argument('<file>', 'the statement file')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--org <org>', 'organisation id, name or BIN (may be left out while the database has one)')
    .option('--format <format>', `${BANK_FORMATS.join('|')} (detected when left out)`)
    .option('--mapping <file>', 'CSV column mapping (JSON, see docs/formats.md)')
    .option('--mapping-name <name>', 'save --mapping under this name, or use the mapping saved under it')
    .option(
      '--currency <code>',
      "CSV without a currency column and without --mapping: the statement's currency (never assumed)",
    )
    .option('--aliases <file>', '1C field aliases (JSON object "bank field": "known field")')
    .option('--save-aliases', "keep --aliases for the organisation's later imports")
    .option('--dry-run', 'parse and check everything, write nothing, list every line and statement')
    .option('--accept-unbalanced', 'import a statement whose balances do not add up (the batch is marked)')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (the summary and warnings; JSON stays codes)`)
    .option('--json', 'print JSON')
    .action(async (fileName: string, opts: ImportBankOptions) => {
      const lang = cliLang(opts.lang);
      const format = opts.format === undefined ? undefined : BANK_FORMATS.find((f) => f === opts.format);
      if (opts.format !== undefined && !format)
        throw new CliError({
          code: 'IMPORT_FORMAT_INVALID',
          message: `--format must be one of ${BANK_FORMATS.join(', ')}, not "${opts.format}"`,
          field: 'format',
        });
      const csvMapping = opts.mapping ? readJsonFile(opts.mapping, 'IMPORT_MAPPING_INVALID') : undefined;
      const aliases = opts.aliases
        ? orFail(parseAliases(readJsonFile(opts.aliases, 'IMPORT_ALIASES_INVALID'), opts.aliases))
        : undefined;
      if (opts.dryRun) {
        inputFileSize(fileName); // an unreadable file is refused before anything is read
        return runDryRun(opts, {
          fileName,
          ...(format ? { format } : {}),
          ...(csvMapping !== undefined ? { csvMapping } : {}),
          ...(opts.mappingName ? { mappingName: opts.mappingName } : {}),
          ...(opts.currency ? { currency: opts.currency } : {}),
          ...(aliases ? { aliases } : {}),
        });
      }
      // The file is read in chunks as it is imported (a 1C statement of any size in constant memory).
      const size = inputFileSize(fileName);
      // A bar for large files only (and only on a terminal: progressBar is silent otherwise).
      const bar = size > 1 << 20 ? progressBar(importWords(fileName), lang) : null;
      const result = await withOrganisation(opts, (base, org) =>
        // One transaction with its audit entry (actor and channel cli), as the server's import route.
        withAudit(base, cliActor(), async (ctx, audit) => {
          const imported = await importBankStatement(ctx, {
            source: fileChunks(fileName),
            fileName,
            org: org.id,
            ...(format ? { format: format satisfies BankFormatName } : {}),
            ...(csvMapping !== undefined ? { csvMapping } : {}),
            ...(opts.mappingName ? { mappingName: opts.mappingName } : {}),
            ...(opts.currency ? { currency: opts.currency } : {}),
            ...(aliases ? { aliases } : {}),
            ...(opts.acceptUnbalanced ? { acceptUnbalanced: true } : {}),
            ...(bar ? { onProgress: (done: number, total?: number) => bar.update(done, total) } : {}),
          });
          // A 1C file that cannot be read names the fields it holds that the importer does not read
          // (error.unknownFields, as the web's preview): each may be an alias to add (--aliases).
          const r = orFail(
            imported.ok
              ? imported
              : await importFailureWithUnknownFields(
                  ctx,
                  org.id,
                  imported,
                  readFileHead(fileName, UNKNOWN_FIELDS_HEAD_BYTES),
                  { fileName, format, aliases },
                ),
          );
          if (aliases && opts.saveAliases) await saveAliases(ctx, org.id, aliases);
          await audit.record({
            entity: 'bank-import',
            entityId: r.batchId,
            action: 'create',
            organisationId: org.id,
            after: { fileName: basename(fileName), batchId: r.batchId, ...importBankJson(r) },
          });
          return r;
        }),
      );
      bar?.finish();
      for (const w of result.warnings)
        process.stderr.write(
          importWarningLine(fileName, w, lang === 'en' ? w.message : localiseWarning(w, lang), lang),
        );
      if (opts.json) printJson(importBankJson(result));
      else process.stdout.write(importBankReport(fileName, result, lang));
    });
}

export function registerImportRates(program: Command): void {
  importGroup(program)
    .command('rates')
    .description(
      'import official exchange rates: the NBK daily XML or CSV date,currency,rate,units (one transaction)',
    )
    .argument('<file>', 'the rates file')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option(
      '--pack <id|file>',
      "the rates are this pack's reference rates (quoted in its currency by its authority, e.g. in-fcra: INR per unit, RBI); CSV date,currency,rate[,units][,source]",
    )
    .option('--lang <lang>', `${LANG_OPTION_HELP} (the summary; JSON stays as it is)`)
    .option('--json', 'print JSON')
    .action(async (fileName: string, opts: { db: string; pack?: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      const bytes = readInputFile(fileName);
      const ctx = await openContext(opts.db);
      let result;
      try {
        result = orFail(await importRates(ctx, { bytes, fileName, pack: opts.pack }));
      } finally {
        await closeContext(ctx);
      }
      if (opts.json) printJson(result);
      else process.stdout.write(ratesReport(fileName, result, opts.pack !== undefined, lang));
    });
}
